"""Privacy by design, as a user would test it: what a caseworker types is never written anywhere."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import open_window, shared_cache, wait_results

pytestmark = pytest.mark.gui
NAME = "Nordmann"


def _files_mentioning(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle.lower() in p.read_bytes().lower()]


def test_a_search_with_a_name_leaves_no_trace(
    qtbot: QtBot, opener: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    window = open_window(qtbot, "baerum", opener)
    ids = wait_results(qtbot, window, f"Kari {NAME} bekymringsmelding")
    assert ids, "the query still finds the page about the report"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.page_view.page is not None)
    window.close()

    config = Path(os.environ["VEILEDER_CONFIG_DIR"])
    written = [p for p in config.rglob("*") if p.is_file()]
    assert written, "the reader did save its settings (last page, window size) on close"
    folders = [config, Path(os.environ["VEILEDER_CACHE_DIR"]), shared_cache(tmp_path_factory)]
    leaks = [p for folder in folders if folder.exists() for p in _files_mentioning(folder, NAME.encode())]
    assert leaks == []
