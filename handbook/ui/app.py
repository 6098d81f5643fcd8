"""Application start-up: display check, QApplication, the municipality, the main window, smoke mode.

    python main.py [--municipality ID] [--smoke]

`--smoke` starts the app (offscreen is fine), waits until the search index is ready and the home page
is shown, prints one JSON line with timings and exits 0 (1 when the index failed, 3 for an unknown
municipality).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import Any, NoReturn

from handbook import __version__
from handbook.errors import Exit

NO_DISPLAY_MESSAGE = (
    "Veileder trenger en skjerm, men fant ingen (DISPLAY/WAYLAND_DISPLAY er ikke satt).\n"
    "Start programmet på en maskin med skjerm, under Xvfb (xvfb-run python main.py),\n"
    "eller prøv det uten skjerm: QT_QPA_PLATFORM=offscreen python main.py --smoke"
)
SMOKE_TIMEOUT_MS = 60_000


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True when Qt can show a window (or an explicit Qt platform such as offscreen is chosen)."""
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith("linux"):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


# Qt's own command-line options, passed on to Qt (all others are ours, and an unknown one is refused).
QT_OPTIONS_WITH_VALUE = frozenset({
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qmljsdebugger", "-style", "-stylesheet",
    "-session", "-qwindowgeometry", "-qwindowicon", "-qwindowtitle", "-display", "-name", "-geometry", "-title",
})
QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """A wrong option stops with a message in Norwegian and exit code 2 (the app does not start)."""
        self.print_usage(sys.stderr)
        self.exit(Exit.USAGE, f"veileder: {message.replace('unrecognized arguments', 'ukjent valg')}\n"
                              "Se «veileder --help» for valgene.\n")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and Qt's own (such as -platform xcb, -style fusion) to pass on to Qt.

    `--help` and `--version` print and exit (SystemExit 0); an unknown option exits with code 2 and a message."""
    parser = _Parser(prog="veileder", allow_abbrev=False, add_help=False,
                     description="Veileder – håndbok mot vold i nære relasjoner",
                     epilog="Qt-valg som -platform og -style sendes videre til Qt.")
    parser.add_argument("-h", "--help", action="help", help="vis denne hjelpen og avslutt")
    parser.add_argument("--version", action="version", version=f"Veileder {__version__}",
                        help="vis programmets versjon og avslutt")
    parser.add_argument("--municipality", metavar="ID", help="kommunen (pakken) som skal åpnes, f.eks. asker")
    parser.add_argument("--smoke", action="store_true", help="start, vent til søket er klart, skriv tider og avslutt")
    parser.add_argument("--editor", nargs="?", const="", metavar="MAPPE",
                        help="redaktørverktøyet: forhåndsvisning, kontroll og «Bygg pakke» for en innholdsmappe")
    ours: list[str] = []
    qt: list[str] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if token in QT_OPTIONS_WITH_VALUE:
            qt += [token, next(tokens, "")]
        elif token in QT_FLAGS:
            qt.append(token)
        else:
            ours.append(token)
    return parser.parse_args(ours), qt


def main(argv: Sequence[str], started: float | None = None) -> int:
    """Start the app; returns the process exit code. `started` is the program's first moment (main.py's clock).

    When the municipality is known (remembered, or given), the window is shown first, with only its frame, and
    the handbook is loaded into it: the window appears about as soon as a bare Qt window would."""
    started = time.perf_counter() if started is None else started
    try:
        args, qt_args = parse_args(argv)
    except SystemExit as done:  # --help, --version, or a wrong option
        return int(done.code or 0)
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return Exit.NO_DISPLAY
    from PySide6.QtWidgets import QApplication

    app = QApplication(qt_argv(qt_args))
    app_ready = time.perf_counter()
    app.setApplicationName("Veileder")
    app.setApplicationDisplayName("Veileder")
    app.setOrganizationName("Veileder")
    app.setDesktopFileName("veileder")
    if not args.smoke:
        sys.excepthook = _crash_handler
    if args.editor is not None:
        _dress(app)
        return _editor(app, args)
    instance = None
    if not args.smoke:
        from handbook.ui.single_instance import SingleInstance

        instance = SingleInstance()
        if instance.already_running():
            print("Veileder er allerede åpen: vinduet er hentet frem.", file=sys.stderr)
            return Exit.OK
    from handbook.ui.settings import Settings

    settings = Settings()
    frame, frame_ms = None, None
    if args.municipality or settings.municipality or args.smoke:
        frame = show_frame(app, settings)
        frame_ms = (time.perf_counter() - started) * 1000
    _dress(app)
    if instance is not None:
        instance.listen()
    from handbook.ui.reader_app import ReaderApp  # the rest of the program loads while the frame is shown

    reader = ReaderApp(settings=settings, smoke=args.smoke, started=started)
    if instance is not None:
        instance.activated.connect(reader.bring_forward)
    code = reader.start(args.municipality, frame=frame, frame_ms=frame_ms)
    if code is not None:
        return code
    if args.smoke:
        return _smoke(app, reader, started, app_ready)
    return app.exec()


def _dress(app: Any) -> None:
    """The icon (window, taskbar) and the log: right after the first frame is shown, before anything else."""
    from handbook.logfile import start_log

    app.setWindowIcon(app_icon())
    start_log()


def show_frame(app: Any, settings: Any) -> Any:
    """The main window's frame on the screen at once, in the user's theme, saying that the handbook opens."""
    from handbook.ui import themes
    from handbook.ui.main_window import MainWindow

    language = settings.language or settings.shown_language
    if language not in ("", "nb"):
        from handbook.ui import i18n

        i18n.install_translator(language)
    themes.apply(app, settings.theme, settings.text_size)
    frame = MainWindow(None, settings)
    frame.show()
    app.processEvents()  # drawn now, before the handbook is read
    return frame


def qt_argv(qt_args: Sequence[str]) -> list[str]:
    """Qt's argv: the program is always «veileder», so the window class (WM_CLASS) is veileder, not main.py."""
    return ["veileder", *qt_args]


def app_icon() -> Any:
    """The application icon (window, taskbar): resources/icons/veileder.svg, with the PNG as fallback."""
    from PySide6.QtGui import QIcon

    from handbook.locations import resources_dir

    icon = QIcon()
    for name in ("veileder.svg", "veileder.png"):
        path = resources_dir() / "icons" / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _editor(app: Any, args: argparse.Namespace) -> int:
    """`--editor [FOLDER]`: the editor's workbench alone (the shipped content when no folder is given)."""
    from pathlib import Path

    from handbook.locations import content_dir
    from handbook.ui.workbench import Workbench

    bench = Workbench(Path(args.editor) if args.editor else content_dir(), args.municipality)
    bench.show()
    return int(app.exec())


BARE_WINDOW = """
import time; t = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["bare"]); w = QMainWindow(); w.resize(800, 600); w.show(); app.processEvents()
print(round((time.perf_counter() - t) * 1000))
"""


def bare_window_ms() -> int | None:
    """A bare PySide6 window, started the same way in a fresh process: ms from its start until it is shown
    (the yardstick for `window_ms`, which counts from our start the same way). None when it cannot run."""
    import subprocess

    try:
        run = subprocess.run([sys.executable, "-c", BARE_WINDOW], capture_output=True, text=True, timeout=60,
                             check=False)
        return int(run.stdout.strip().splitlines()[-1])
    except (OSError, ValueError, IndexError, subprocess.TimeoutExpired):
        return None


def _smoke(app: Any, reader: Any, started: float, app_ready: float | None = None) -> int:
    """Wait until the window is shown and the index is ready; print the timings as one JSON line.

    Beside our window's time it reports a bare PySide6 window's in the same run (`bare_window_ms`), our window's
    time counted the same way (from the QApplication, `window_after_app_ms`), and the first search's answer
    counted from the start (`first_search_ms`)."""
    from PySide6.QtCore import QTimer

    window = reader.window
    result: dict[str, Any] = {}

    def finish(error: str | None = None) -> None:
        if result:
            return
        now = time.perf_counter()
        first_search = None
        if window.index is not None:
            try:
                window.index.search("vold", limit=10)
                first_search = round((time.perf_counter() - started) * 1000)
            except Exception as exc:  # reported, not hidden
                error = error or f"search: {exc}"
        result.update(
            ready_ms=round((now - started) * 1000),
            window_ms=round(reader.window_ms or 0),
            home_ms=round(reader.home_ms or 0),
            index_ms=round(window.index_ms or 0),
            municipality=window.municipality,
            pages=len(window.handbook.pages),
            home=window.stack.currentWidget() is window.home,
            content=list(window.content_versions) or "shipped",
            issues=[str(issue) for issue in window.handbook.issues[:50]],  # path:line: level: message
            first_search_ms=first_search,
        )
        if app_ready is not None and reader.window_ms is not None:
            result["window_after_app_ms"] = round(reader.window_ms - (app_ready - started) * 1000)
        result["bare_window_ms"] = bare_window_ms()
        if error:
            result["error"] = error
        window.close()
        app.exit(0 if not error and result["home"] else 1)

    window.indexReady.connect(lambda: finish())
    window.indexFailed.connect(lambda message: finish(message))
    QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: finish("timeout"))
    if window.index is not None:
        finish()
    code = app.exec()
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return code


def crash_text() -> str:
    """What the crash dialog says: that the app goes on, and where the log with the details is."""
    from handbook.logfile import log_file

    return ("Det oppstod en uventet feil. Veilederen prøver å fortsette.\n\n"
            f"Detaljene er skrevet i loggfilen:\n{log_file()}\n\n"
            "Gi gjerne loggfilen til IT eller den som har ansvar for veilederen. Den inneholder ingenting om "
            "saker eller personer.")


def _crash_handler(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Show an unexpected error in a dialog that says where the log is (the details go to the log and stderr)."""
    text = "".join(traceback.format_exception(kind, value, tb))
    print(text, file=sys.stderr)
    logging.getLogger("veileder").error("uventet feil", exc_info=(kind, value, tb))
    with contextlib.suppress(Exception):  # the handler itself must never raise
        show_crash_dialog(crash_text(), text)


def show_crash_dialog(message: str, details: str) -> None:
    """The crash dialog (tests replace this function)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Veileder")
    box.setText(message)
    box.setDetailedText(details)
    box.exec()
