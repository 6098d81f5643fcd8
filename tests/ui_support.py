"""Helpers for the reader's GUI tests: open the real app for a municipality, wait for the index, find widgets.

The search index is built once per session in a shared cache folder (it is keyed by municipality and
content fingerprint, so sharing is safe); every test still gets its own settings folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from handbook.core.content import Handbook
from handbook.ui.main_window import MainWindow
from handbook.ui.reader_app import ReaderApp
from handbook.ui.settings import Settings

_SHARED_CACHE: list[Path] = []


def shared_cache(factory: Any) -> Path:
    """One index cache for the whole test session."""
    if not _SHARED_CACHE:
        _SHARED_CACHE.append(factory.getbasetemp() / "shared-index-cache")
    return _SHARED_CACHE[0]


def cached_opener(cache: Path) -> Callable[[Handbook], Any]:
    def opener(handbook: Handbook) -> Any:
        from handbook.core.search import open_index

        index = open_index(handbook, cache=cache)
        index.warm_up()
        return index

    return opener


def start_app(
    qtbot: QtBot,
    municipality: str | None,
    opener: Callable[[Handbook], Any],
    content: Path | None = None,
    wait_index: bool = True,
    tracked: bool = True,
) -> ReaderApp:
    """Start the reader as `main.py` does (without the event loop).

    With `tracked`, pytest-qt closes the window after the test; a test that changes the municipality
    (which deletes the old window) passes False and closes `reader.window` itself.
    """
    reader = ReaderApp(settings=Settings(), content=content, index_opener=opener)
    if tracked:
        reader.windowOpened.connect(lambda w: track(qtbot, w))
    assert reader.start(municipality) is None
    window = reader.window
    if window is not None and wait_index:
        qtbot.waitUntil(lambda: window.index is not None, timeout=60_000)
    return reader


def track(qtbot: QtBot, window: MainWindow) -> None:
    """Let pytest-qt close the window after the test; the UI language goes back to Norwegian for the next."""
    from handbook.ui.i18n import install_translator

    qtbot.addWidget(window, before_close_func=lambda _w: install_translator("nb"))


def open_window(
    qtbot: QtBot,
    municipality: str,
    opener: Callable[[Handbook], Any],
    content: Path | None = None,
    wait_index: bool = True,
) -> MainWindow:
    """A main window for a municipality, shown and active, with its index ready (unless told not to wait)."""
    reader = start_app(qtbot, municipality, opener, content, wait_index)
    window = reader.window
    assert window is not None
    window._reader_app = reader  # type: ignore[attr-defined]  # keep the controller alive with the window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def wait_results(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    """Type a query as a user does and wait for its hits."""
    field = window.search.field
    field.setFocus()
    with qtbot.waitSignal(window.search.searchFinished, timeout=20_000):
        qtbot.keyClicks(field, query)
    qtbot.waitUntil(lambda: window.search.results is not None and window.search.results.query == field.text())
    return window.search.result_ids()


def click_text(qtbot: QtBot, browser: Any, text: str) -> None:
    """Click the middle of the first occurrence of `text` in a text browser (e.g. a link)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    found = browser.document().find(text)
    assert not found.isNull(), text
    middle = QTextCursor(browser.document())
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    browser.ensureCursorVisible()
    browser.setTextCursor(middle)
    browser.ensureCursorVisible()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(middle).center())
