"""Navigation (issue 5, item 3): home shortcuts, contents, back/forward, bookmarks and recent pages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from handbook import locations
from handbook.core.content import list_packs
from handbook.core.reader import duty_pages
from handbook.ui.settings import Settings
from tests.ui_support import click_text, open_window

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier



@pytest.mark.parametrize("municipality", [p.id for p in list_packs(locations.content_dir())])
def test_every_municipality_opens_with_its_name_shortcuts_and_emergency_bar(
    qtbot: QtBot, opener: Any, municipality: str
) -> None:
    window = open_window(qtbot, municipality, opener)
    name = window.handbook.pack.name
    assert name in window.windowTitle()
    assert window.home.title.text() == name
    assert window.stack.currentWidget() is window.home
    assert {"acute", "contacts"} <= set(window.home.tiles)
    assert window.emergency.isVisible() and window.emergency.buttons
    for key, tile in window.home.tiles.items():
        window.navigate("home")
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is not window.home, key


def test_home_shortcuts_lead_to_checklists_duties_and_contacts(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    tiles = window.home.tiles
    assert [t.title.text() for t in tiles.values()] == [
        "Bekymret for et barn", "Bekymret for en voksen", "Akutt fare", "Meldeplikter", "Kontakter",
    ]
    qtbot.mouseClick(tiles["duties"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.duties
    assert list(window.duties.links) == [p.id for p in duty_pages(window.handbook)]
    qtbot.mouseClick(window.duties.links["taushetsplikt"], Qt.MouseButton.LeftButton)
    assert window.current_page_id == "taushetsplikt"
    qtbot.keyClick(window.page_view.browser, Qt.Key.Key_Home, ALT)
    qtbot.mouseClick(window.home.tiles["contacts"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.contacts


@pytest.mark.parametrize(("tile", "checklist"), [("child", "bekymring-barn"), ("adult", "voksen-utsatt"),
                                                 ("acute", "akutt-fare")])
def test_the_first_three_shortcuts_open_their_checklist_wizards(
    qtbot: QtBot, opener: Any, tile: str, checklist: str
) -> None:
    from handbook.ui.checklist_wizard import ChecklistWizard

    window = open_window(qtbot, "no", opener)
    qtbot.mouseClick(window.home.tiles[tile], Qt.MouseButton.LeftButton)
    assert str(window.history.current) == f"checklist:{checklist}"
    assert isinstance(window.checklist, ChecklistWizard)
    assert window.checklist.isVisible()
    assert window.checklist.isAncestorOf(QApplication.focusWidget()) or window.checklist.hasFocus()
    first = window.checklist.state.current
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # the keys answer at once: focus followed
    assert window.checklist.state.current != first


def test_contents_by_kind_and_topic_and_back_forward(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    toc = window.navigation.toc
    sections = [toc.topLevelItem(i).text(0) for i in range(toc.topLevelItemCount())]
    assert sections[:3] == ["Begreper", "Plikter", "Rutiner"]
    assert "Temaer" in sections
    topics = toc.topLevelItem(sections.index("Temaer"))
    assert topics.child(0).childCount() > 0  # a topic lists its pages
    duties = toc.topLevelItem(sections.index("Plikter"))
    first, second = duties.child(0), duties.child(1)
    for item in (first, second):
        toc.scrollToItem(item)
        qtbot.mouseClick(toc.viewport(), Qt.MouseButton.LeftButton, pos=toc.visualItemRect(item).center())
    assert window.page_view.page.title == second.text(0)
    browser = window.page_view.browser
    qtbot.keyClick(browser, Qt.Key.Key_Left, ALT)
    assert window.page_view.page.title == first.text(0)
    qtbot.keyClick(browser, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is window.home
    assert not window.act_back.isEnabled()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Right, ALT)
    assert window.page_view.page.title == first.text(0)
    back_button = window.toolbar.widgetForAction(window.act_back)
    forward_button = window.toolbar.widgetForAction(window.act_forward)
    qtbot.mouseClick(forward_button, Qt.MouseButton.LeftButton)
    assert window.page_view.page.title == second.text(0)
    qtbot.mouseClick(back_button, Qt.MouseButton.LeftButton)
    assert window.page_view.page.title == first.text(0)


def test_links_between_pages_are_followed_and_history_kept(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:opplysningsplikt-barnevern")
    browser = window.page_view.browser
    click_text(qtbot, browser, "helsepersonell")
    assert window.current_page_id == "opplysningsplikt-helsepersonell"
    qtbot.keyClick(browser, Qt.Key.Key_Left, ALT)
    assert window.current_page_id == "opplysningsplikt-barnevern"


def test_bookmarks_and_recent_pages_persist_as_page_ids_only(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:avvergeplikt")
    qtbot.keyClick(window.page_view.browser, Qt.Key.Key_D, CTRL)
    assert window.act_bookmark.isChecked()
    window.navigate("page:taushetsplikt")
    assert window.navigation.bookmarks.titles() == [window.handbook.pages["avvergeplikt"].title]
    assert window.navigation.recent.titles()[:2] == [
        window.handbook.pages["taushetsplikt"].title, window.handbook.pages["avvergeplikt"].title,
    ]
    window.close()
    settings = Settings()
    assert settings.bookmarks("no") == ("avvergeplikt",)
    assert settings.recent("no")[:2] == ("taushetsplikt", "avvergeplikt")
    stored = settings.path.read_text(encoding="utf-8")
    assert "bekymring" not in stored.lower()  # nothing typed is ever stored

    again = open_window(qtbot, "no", opener)
    assert again.current_page_id == "taushetsplikt"  # the last page is restored
    assert again.navigation.bookmarks.titles() == [again.handbook.pages["avvergeplikt"].title]
    qtbot.keyClick(again.page_view.browser, Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert again.navigation.currentWidget() is again.navigation.bookmarks
    places = again.navigation.bookmarks.list
    qtbot.keyClick(places, Qt.Key.Key_Down)
    places.setCurrentRow(0)
    qtbot.keyClick(places, Qt.Key.Key_Return)
    assert again.current_page_id == "avvergeplikt"
    qtbot.keyClick(again.page_view.browser, Qt.Key.Key_D, CTRL)
    assert again.navigation.bookmarks.titles() == []


def test_a_checklist_keeps_its_place_while_the_user_reads_a_page(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    qtbot.mouseClick(window.home.tiles["child"], Qt.MouseButton.LeftButton)
    wizard = window.checklist
    first = wizard.state.current
    qtbot.mouseClick(wizard.answer_buttons[0], Qt.MouseButton.LeftButton)
    second = wizard.state.current
    assert second != first
    wizard.linkActivated.emit("page:taushetsplikt")  # a link in a step («les mer»)
    assert window.current_page_id == "taushetsplikt"
    qtbot.keyClick(window.page_view.browser, Qt.Key.Key_Left, ALT)
    assert window.checklist is wizard and wizard.isVisible()
    assert wizard.state.current == second  # where the user left it
    qtbot.keyClick(wizard, Qt.Key.Key_Left, ALT)
    assert wizard.state.current == first  # Alt+Left steps back inside the walk first …
    qtbot.keyClick(wizard, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is window.home  # … then leaves it
    qtbot.mouseClick(window.home.tiles["child"], Qt.MouseButton.LeftButton)
    assert window.checklist is not wizard and window.checklist.state.current == first  # a new walk


def test_swedish_home_leads_to_the_swedish_checklist(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "kramfors", opener)
    assert window.home.tiles["child"].title.text() == "Orolig för ett barn"
    qtbot.mouseClick(window.home.tiles["child"], Qt.MouseButton.LeftButton)
    assert str(window.history.current) == "checklist:oro-for-barn"
