"""Keyboard and screen-reader access in the reader (issue 14): tiles, the wizard, the emergency numbers, pages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.main_window import MainWindow
from tests.ui_support import open_window

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


def wizard_of(window: MainWindow) -> ChecklistWizard:
    wizard = window.checklist
    assert isinstance(wizard, ChecklistWizard) and wizard.isVisible()
    return wizard


def test_enter_on_a_focused_tile_opens_its_checklist_with_focus_on_the_first_answer(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    tile = window.home.tiles["child"]
    tile.setFocus()
    qtbot.waitUntil(tile.hasFocus)
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    wizard = wizard_of(window)
    assert wizard.checklist_id == "bekymring-barn"
    assert QApplication.focusWidget() is wizard.answer_buttons[0]
    window.navigate("home")
    acute = window.home.tiles["acute"]
    acute.setFocus()
    qtbot.keyClick(acute, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert wizard_of(window).checklist_id == "akutt-fare"


def test_a_screen_reader_press_puts_the_focus_in_the_wizard(qtbot: QtBot, opener: Any) -> None:
    """A press without focus on the tile (AT-SPI's «press», a click) leaves the cursor in the search field."""
    window = open_window(qtbot, "asker", opener)
    assert QApplication.focusWidget() is window.search.field
    window.home.tiles["adult"].click()
    wizard = wizard_of(window)
    assert QApplication.focusWidget() is wizard.answer_buttons[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # the first answer key reaches the wizard
    assert window.search.field.text() == ""
    assert wizard.state is not None and wizard.state.position == 2


def test_the_emergency_numbers_have_a_shortcut_and_come_early_in_the_tab_order(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    first = next(iter(window.emergency.buttons.values()))
    qtbot.keyClick(window.search.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is first
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first
    assert "Nødnumre" in [text for _keys, text in window.shortcut_rows()]


def test_advice_links_are_reached_by_tab_and_opened_by_enter(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    window.navigate("checklist:bekymring-barn")
    wizard = wizard_of(window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # works in a kindergarten → advice with links
    assert wizard.state is not None and wizard.state.step.type == "advice"
    assert QApplication.focusWidget() is wizard.continue_button
    actions = wizard.actions_label
    assert actions.isVisible() and actions.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert actions.accessibleName() == "Råd" and "Bekymringsmelding til barnevernet" in actions.toPlainText()
    actions.setFocus()
    qtbot.keyClick(actions, Qt.Key.Key_Tab)
    link = actions.textCursor().charFormat().anchorHref() or actions.textCursor().selectedText()
    assert actions.hasFocus() and actions.textCursor().hasSelection(), link
    with qtbot.waitSignal(wizard.linkActivated) as blocker:
        qtbot.keyClick(actions, Qt.Key.Key_Return)
    assert blocker.args[0].startswith(("page:", "contact:"))


def test_the_wizard_exposes_its_own_words(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    window.navigate("checklist:bekymring-barn")
    wizard = wizard_of(window)
    assert wizard.question_label.accessibleName() == wizard.question_label.text() == "Er noen i fare akkurat nå?"
    assert wizard.progress_label.accessibleName() == wizard.progress_label.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    if wizard.help_label.isVisible():
        assert wizard.help_label.accessibleName() == wizard.help_label.text()


def test_a_page_is_read_by_heading_and_by_link(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    page_id = next(p.id for p in window.handbook.pages.values() if p.body.count("\n## ") >= 2 and "](" in p.body)
    window.navigate(f"page:{page_id}")
    browser = window.page_view.browser
    browser.setFocus()
    headings = window.page_view.headings()
    assert len(headings) >= 2
    qtbot.keyClick(browser, Qt.Key.Key_H)
    first = browser.textCursor().selectedText()
    qtbot.keyClick(browser, Qt.Key.Key_H)
    second = browser.textCursor().selectedText()
    assert [first, second] == [headings[0][1], headings[1][1]] or [first, second] == [headings[1][1], headings[2][1]]
    qtbot.keyClick(browser, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert browser.textCursor().selectedText() == first
    browser.moveCursor(browser.textCursor().MoveOperation.Start)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert browser.hasFocus() and browser.textCursor().hasSelection()  # the first link is selected
    assert "Tab" in browser.accessibleDescription() and "H" in browser.accessibleDescription()


def test_lines_stay_readable_on_a_wide_window(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    window.navigate(f"page:{next(iter(window.handbook.pages))}")
    window.resize(1900, 900)
    browser = window.page_view.browser
    qtbot.waitUntil(lambda: browser.viewportMargins().left() > 0)
    text_width = browser.viewport().width()
    assert text_width <= browser.fontMetrics().averageCharWidth() * 80 + 48


def test_ctrl_j_lists_the_headings_and_links_of_a_page(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    page = next(p for p in window.handbook.pages.values() if p.body.count("\n## ") >= 2 and "](" in p.body)
    window.navigate(f"page:{page.id}")
    view = window.page_view
    qtbot.keyClick(view.browser, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = view.outline
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert page.title in dialog.windowTitle()
    headings = dialog.items(dialog.headings)
    heading_texts = [item.text(0).strip() for item in headings]
    assert heading_texts == [text for _level, text in view.headings()] and len(heading_texts) >= 2
    links = dialog.items(dialog.links)
    assert links and [item.text(0) for item in links] == [text for text, _href in view.links()]
    qtbot.waitUntil(dialog.tree.hasFocus)
    assert dialog.tree.currentItem() is headings[0]  # on the first heading, ready to read
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # Enter: go to the second heading
    assert not dialog.isVisible()
    assert view.browser.textCursor().selectedText() == heading_texts[1]
    qtbot.waitUntil(view.browser.hasFocus)  # back in the page, on the heading

    page_links = view.links()
    internal = next(i for i, (_text, href) in enumerate(page_links) if href.startswith(("page:", "contact:")))
    dialog = view.show_outline()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.filter, page_links[internal][0])  # type to filter, Enter opens the first shown
    shown = [item.text(0) for item in dialog.items(dialog.links) if not item.isHidden()]
    assert page_links[internal][0] in shown and all(page_links[internal][0].casefold() in s.casefold() for s in shown)
    with qtbot.waitSignal(view.linkActivated) as blocker:
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    opened = blocker.args[0]
    assert opened in [href for text, href in page_links if page_links[internal][0].casefold() in text.casefold()]
    assert window.act_outline.shortcut().toString() == "Ctrl+J"
