"""Render the real window and save screenshots to docs/screenshots/ (for the README).

    make screenshots                 # runs this under Xvfb
    python scripts/screenshots.py    # re-runs itself under xvfb-run when there is no display

Uses private settings and cache folders, so the user's own settings are never touched.
Pictures: home, search results, a page, a checklist step, a practice case's feedback, and the dark theme.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
SIZE = (1200, 780)
MUNICIPALITY = "asker"


def _under_xvfb() -> int | None:
    """Re-run under xvfb-run when there is no display (returns its exit code), else None."""
    if os.environ.get("DISPLAY") or os.environ.get("VEILEDER_SCREENSHOTS_CHILD"):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("screenshots: no display and no xvfb-run (apt-get install xvfb)", file=sys.stderr)
        return 2
    env = {**os.environ, "VEILEDER_SCREENSHOTS_CHILD": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [xvfb, "-a", "-s", f"-screen 0 {SIZE[0] + 80}x{SIZE[1] + 80}x24", sys.executable, __file__, *sys.argv[1:]]
    return subprocess.run(cmd, env=env, check=False).returncode


def main() -> int:
    code = _under_xvfb()
    if code is not None:
        return code
    sys.path.insert(0, str(REPO))
    temp = Path(tempfile.mkdtemp(prefix="veileder-shots-"))
    os.environ["VEILEDER_CONFIG_DIR"] = str(temp / "config")
    os.environ["VEILEDER_CACHE_DIR"] = str(temp / "cache")
    try:
        return _shoot()
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _shoot() -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from handbook.core.content import list_packs
    from handbook.ui.reader_app import ReaderApp

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Veileder")
    known = {p.id for p in list_packs(REPO / "content")}
    municipality = MUNICIPALITY if MUNICIPALITY in known else "no"
    reader = ReaderApp()
    reader.settings.municipality = municipality
    if reader.start(municipality) is not None or reader.window is None:
        return 1
    window = reader.window
    window.set_save_state(False)
    window.resize(*SIZE)

    def wait_until(check: Callable[[], bool], timeout_ms: int = 60_000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if check() else None)
        timer.start(20)
        QTimer.singleShot(timeout_ms, loop.quit)
        if not check():
            loop.exec()
        timer.stop()
        if not check():
            raise TimeoutError("screenshots: timed out waiting for the window")

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            QTest.qWait(60)

    def save(name: str, widget: object = None) -> None:
        settle()
        image = (widget or window).grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
        path = OUT / f"{name}.png"
        image.save(str(path), "PNG", 9)
        print(f"screenshots: {path.relative_to(REPO)} ({path.stat().st_size // 1024} KB)")

    OUT.mkdir(parents=True, exist_ok=True)
    wait_until(lambda: window.index is not None)
    settle()
    save("home")

    window.search.field.setFocus()
    QTest.keyClicks(window.search.field, "bekymringsmelding")
    wait_until(lambda: window.search.results is not None and window.search.results.query == "bekymringsmelding")
    save("search")

    window.search.field.clear()
    page = "opplysningsplikt-barnevern"
    window.navigate(f"page:{page}")
    window.page_view.start_find()
    QTest.keyClicks(window.page_view.find_bar.field, "grunn til å tro")
    save("page")
    window.page_view.close_find()

    checklist = next((c for c in ("bekymring-barn", "akutt-fare") if c in window.handbook.checklist_paths), None)
    if checklist is not None:
        window.navigate(f"checklist:{checklist}")
        settle()
        _answer_first_question(window)
        save("checklist")

    practice = window.open_practice()  # a case's feedback: the choice, its effect, why, and links
    practice.resize(SIZE[0] - 200, SIZE[1])
    view = practice.view  # type: ignore[attr-defined]
    if view.open_case("barnehage-koppen"):
        view.choose(1)
        save("practice", practice)
    practice.close()

    window.navigate(f"page:{page}")
    window.apply_theme("dark", window.text_size, save=False)
    save("dark")
    window.apply_theme("light", window.text_size, save=False)
    window.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


def _answer_first_question(window: object) -> None:
    """Move the checklist one step on («Nei» to «is someone in danger now?»), so the picture shows a real step."""
    wizard = getattr(window, "checklist", None)
    buttons = getattr(wizard, "answer_buttons", [])
    if len(buttons) > 1:
        buttons[1].click()
    elif buttons:
        buttons[0].click()


if __name__ == "__main__":
    sys.exit(main())
