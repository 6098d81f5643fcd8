"""Comfort and access (issue 5, item 6): text size, themes, keyboard, accessible names, restored state."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from handbook.core.reader import DEFAULT_TEXT_SIZE
from handbook.ui.settings import Settings
from tests.ui_support import open_window

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier



def test_text_size_with_ctrl_plus_minus_zero_is_kept(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:taushetsplikt")
    browser = window.page_view.browser
    before = browser.font().pointSize()
    assert before == DEFAULT_TEXT_SIZE
    qtbot.keyClick(browser, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(browser, Qt.Key.Key_Plus, CTRL)
    assert window.text_size == 13
    assert QApplication.font().pointSize() == 13
    assert browser.font().pointSize() == 13
    assert Settings().text_size == 13  # remembered
    qtbot.keyClick(browser, Qt.Key.Key_Minus, CTRL)
    assert window.text_size == 12
    qtbot.keyClick(browser, Qt.Key.Key_0, CTRL)
    assert window.text_size == DEFAULT_TEXT_SIZE
    qtbot.mouseClick(window.toolbar.widgetForAction(window.act_bigger), Qt.MouseButton.LeftButton)
    assert window.text_size == 12
    window.close()
    again = open_window(qtbot, "no", opener)
    assert again.text_size == 12


@pytest.mark.parametrize("theme", ["dark", "contrast", "light"])
def test_themes_from_the_menu_are_applied_and_kept(qtbot: QtBot, opener: Any, theme: str) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:taushetsplikt")
    action = next(a for a in window.theme_actions.actions() if a.data() == theme)
    action.trigger()
    assert window.theme.name == theme and action.isChecked()
    background = QApplication.palette().color(QApplication.palette().ColorRole.Base).name()
    assert background == window.theme.base
    assert window.theme.text in window.page_view.browser.document().defaultStyleSheet()
    assert Settings().theme == theme


def test_every_control_has_an_accessible_name(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    for location in ("home", "contacts", "duties", "page:taushetsplikt"):
        window.navigate(location)
        controls = [w for w in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
                    + window.findChildren(QComboBox) + window.findChildren(QAbstractItemView)
                    + window.findChildren(QTextEdit) if w.isVisible()]
        assert len(controls) > 10
        nameless = [w for w in controls
                    if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text().strip()))]
        assert nameless == [], [(type(w).__name__, w.objectName()) for w in nameless]


def test_the_keyboard_reaches_everything(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    reached = set()
    widget = QApplication.focusWidget()
    assert widget is window.search.field
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert window.home.tiles["child"] in reached
    assert window.navigation.toc in reached
    assert any(b in reached for b in window.emergency.buttons.values())
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Fil", "&Gå", "&Side", "&Vis", "&Hjelp"]
    rows = dict(window.shortcut_rows())
    assert {"Ctrl+K", "Ctrl+F", "Alt+Left", "Alt+Right", "Ctrl+0", "Ctrl+P"} <= set(rows)
    window.show_shortcuts()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsDialog")
    assert dialog.isVisible()
    dialog.accept()


def test_window_size_and_last_page_are_restored(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.resize(780, 540)  # within the offscreen screen (800×600)
    window.navigate("page:avvergeplikt")
    window.close()
    again = open_window(qtbot, "no", opener)
    assert (again.width(), again.height()) == (780, 540)
    assert again.current_page_id == "avvergeplikt"
    qtbot.keyClick(again.page_view.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert again.stack.currentWidget() is again.home


def test_a_damaged_settings_file_gives_defaults(qtbot: QtBot, opener: Any) -> None:
    settings = Settings()
    settings.path.parent.mkdir(parents=True, exist_ok=True)
    settings.path.write_bytes(
        b"[General]\ntext_size=enorm\ntheme=neon\nlanguage=klingon\nmunicipality=../../etc\n"
        b"[places]\nno\\bookmarks=\"taushetsplikt ../x finnes-ikke\"\nno\\last=page:\n\x00\xff garbage ===\n"
    )
    fresh = Settings()
    assert fresh.text_size == DEFAULT_TEXT_SIZE and fresh.theme == "system" and fresh.language == ""
    assert fresh.municipality is None
    window = open_window(qtbot, "no", opener)
    assert window.bookmarks == ("taushetsplikt",)
    assert window.stack.currentWidget() is window.home
