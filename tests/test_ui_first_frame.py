"""The window first (issue 14, «keep it quick»): when the municipality is known, the main window's frame is on the
screen before the handbook, its parts and the search are even imported, and the handbook is then loaded into that
same window. Timings are for `main.py --smoke`; these tests check the order, which timings cannot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from handbook.ui.app import show_frame
from handbook.ui.reader_app import ReaderApp
from handbook.ui.settings import Settings
from tests.conftest import REPO
from tests.ui_support import track

pytestmark = pytest.mark.gui

# Run main.py's own start, stopped at the moment the frame is shown: which modules were loaded by then?
PROBE = """
import json, os, sys, time
sys.argv = ["main.py", *sys.argv[1:]]
import handbook.ui.app as app
shown = app.show_frame
def probe(qt_app, settings):
    frame = shown(qt_app, settings)
    heavy = ("handbook.core.content", "handbook.core.reader", "handbook.core.search", "handbook.ui.checklist_wizard",
             "handbook.ui.page_view", "handbook.ui.printing", "handbook.ui.reader_app", "whoosh", "yaml", "jinja2",
             "markdown", "PySide6.QtPrintSupport")
    print(json.dumps({"visible": frame.isVisible(), "title": frame.windowTitle(),
                      "text": frame.centralWidget().text(), "loaded": frame.loaded,
                      "modules": [name for name in heavy if name in sys.modules]}), flush=True)
    os._exit(0)
app.show_frame = probe
sys.exit(app.main(sys.argv, started=time.perf_counter()))
"""


def frame_probe(tmp_path: Path, *args: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VEILEDER_CACHE_DIR": str(tmp_path / "cache"),
           "VEILEDER_CONFIG_DIR": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=REPO, env=env, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
def test_the_frame_is_shown_before_the_handbook_and_its_parts_are_loaded(tmp_path: Path) -> None:
    seen = frame_probe(tmp_path, "--municipality", "asker", "--smoke")
    assert seen["visible"] and seen["title"] == "Veileder"
    assert seen["text"] == "Åpner veilederen …" and seen["loaded"] is False
    assert seen["modules"] == [], "loaded before the window was shown: keep these imports out of the first frame"


def test_the_handbook_is_loaded_into_the_frame_already_shown(qtbot: QtBot, opener: Any) -> None:
    app = QApplication.instance()
    settings = Settings()
    frame = show_frame(app, settings)
    track(qtbot, frame)
    assert frame.isVisible() and not frame.loaded
    assert isinstance(frame.centralWidget(), QLabel)
    place = frame.geometry()
    reader = ReaderApp(settings=settings, smoke=True, index_opener=opener)
    assert reader.start("asker", frame=frame, frame_ms=12.0) is None
    assert reader.window is frame, "the same window, not a second one"
    assert frame.loaded and frame.isVisible() and frame.geometry() == place
    assert frame.stack.currentWidget() is frame.home and "Asker" in frame.windowTitle()
    assert frame.emergency.buttons, "the emergency numbers are in it"
    assert reader.window_ms == 12.0 and reader.home_ms is not None and reader.home_ms >= 0
    qtbot.waitUntil(lambda: frame.index is not None, timeout=60_000)


def test_the_frame_goes_when_the_municipality_is_unknown(qtbot: QtBot, opener: Any) -> None:
    app = QApplication.instance()
    frame = show_frame(app, Settings())
    qtbot.addWidget(frame)
    reader = ReaderApp(settings=Settings(), smoke=True, index_opener=opener)
    assert reader.start("atlantis", frame=frame) == 3
    assert reader.window is None and not frame.isVisible()


def test_closing_the_frame_while_it_loads_saves_nothing(qtbot: QtBot) -> None:
    settings = Settings()
    frame = show_frame(QApplication.instance(), settings)
    qtbot.addWidget(frame)
    frame.close()
    assert not frame.isVisible()
    assert settings.geometry is None, "an empty frame does not overwrite the remembered window"


def test_the_next_frame_speaks_the_language_of_the_last_window(qtbot: QtBot, opener: Any) -> None:
    from handbook.ui.i18n import install_translator

    settings = Settings()
    reader = ReaderApp(settings=settings, index_opener=opener)
    reader.windowOpened.connect(lambda w: track(qtbot, w))
    assert reader.start("kramfors") is None
    assert Settings().shown_language == "sv"
    install_translator("nb")  # as at a new start
    frame = show_frame(QApplication.instance(), Settings())
    track(qtbot, frame)
    assert frame.centralWidget().text() == "Öppnar vägledningen …"
