"""First start (issue 5, item 1): choose the municipality, remembered, changeable in the settings."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from handbook.ui.main_window import MainWindow
from handbook.ui.settings import Settings
from tests.ui_support import start_app

pytestmark = pytest.mark.gui



def test_first_start_asks_for_the_municipality_and_remembers_it(qtbot: QtBot, opener: Any) -> None:
    reader = start_app(qtbot, None, opener)
    chooser = reader.chooser
    assert chooser is not None and reader.window is None
    qtbot.addWidget(chooser)
    qtbot.waitExposed(chooser)
    names = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert "Bærum kommune" in names and "Kramfors kommun" in names
    assert names.index("Bærum kommune") < names.index("Nasjonal veileder (Norge)")  # municipalities first
    row = names.index("Bærum kommune")
    item = chooser.list.item(row)
    qtbot.mouseClick(chooser.list.viewport(), Qt.MouseButton.LeftButton, pos=chooser.list.visualItemRect(item).center())
    with qtbot.waitSignal(reader.windowOpened):
        qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    window = reader.window
    assert window is not None
    assert "Bærum kommune" in window.windowTitle()
    assert window.home.title.text() == "Bærum kommune"
    assert Settings().municipality == "baerum"

    second = start_app(qtbot, None, opener)  # the next start goes straight to Bærum
    assert second.chooser is None
    assert second.window is not None and second.window.municipality == "baerum"


def choose_in_settings(qtbot: QtBot, window: MainWindow, **values: str) -> None:
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    for name, value in values.items():
        combo = getattr(dialog, name)
        combo.setCurrentIndex(combo.findData(value))
    save = dialog.buttons.buttons()[0]
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_changing_municipality_and_language_in_the_settings(qtbot: QtBot, opener: Any) -> None:
    reader = start_app(qtbot, "no", opener, tracked=False)
    try:
        assert reader.window is not None
        with qtbot.waitSignal(reader.windowOpened):
            choose_in_settings(qtbot, reader.window, municipality="kramfors")
        window = reader.window
        assert window.municipality == "kramfors" and "Kramfors kommun" in window.windowTitle()
        assert window.home.tiles["child"].title.text() == "Orolig för ett barn"  # Swedish with a Swedish pack
        assert window.search.field.placeholderText().startswith("Sök i vägledningen")
        assert Settings().municipality == "kramfors"
        with qtbot.waitSignal(reader.windowOpened):
            choose_in_settings(qtbot, window, language="en")
        window = reader.window
        assert window.home.tiles["child"].title.text() == "Worried about a child"
        assert window.menuBar().actions()[0].text() == "&File"
        with qtbot.waitSignal(reader.windowOpened):
            choose_in_settings(qtbot, window, municipality="asker", language="")
        window = reader.window
        assert window.home.tiles["child"].title.text() == "Bekymret for et barn"
        choose_in_settings(qtbot, window, theme="dark")  # a theme needs no new window
        assert reader.window is window and window.theme.name == "dark"
    finally:
        if reader.window is not None:
            reader.window.close()
            reader.window.deleteLater()
        QApplication.processEvents()


def test_an_unknown_municipality_on_the_command_line_is_refused(qtbot: QtBot, opener: Any) -> None:
    from handbook.ui.reader_app import ReaderApp

    reader = ReaderApp(settings=Settings(), smoke=True, index_opener=opener)
    assert reader.start("atlantis") == 3
    assert reader.window is None
