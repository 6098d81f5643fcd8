"""The emergency bar and the contacts view (issue 5, item 5)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from handbook import locations
from handbook.core.content import list_packs
from tests.ui_support import open_window

pytestmark = pytest.mark.gui
NORWEGIAN = [p.id for p in list_packs(locations.content_dir()) if not p.is_swedish]
SWEDISH = [p.id for p in list_packs(locations.content_dir()) if p.is_swedish]



@pytest.mark.parametrize("municipality", NORWEGIAN)
def test_emergency_bar_has_112_113_110_crisis_centre_and_child_welfare(
    qtbot: QtBot, opener: Any, municipality: str
) -> None:
    window = open_window(qtbot, municipality, opener)
    bar = window.emergency
    assert {"politi-112", "amk-113", "brann-110", "krisesenter", "barnevernvakt"} <= set(bar.buttons)
    assert [bar.buttons[i].title.text() for i in ("politi-112", "amk-113", "brann-110")] == ["112", "113", "110"]
    for cid, button in bar.buttons.items():
        contact = window.handbook.contacts[cid]
        assert button.isVisible()
        assert button.accessibleName()
        if not contact.verified:  # a verified national number stands in, and the missing local one is named
            assert button.title.text() == window.handbook.fallback_for(contact).phone
            assert "lokalt nummer mangler" in button.subtitle.text()  # said plainly, not only by colour
    window.navigate("page:taushetsplikt")
    assert bar.isVisible()  # always visible


@pytest.mark.parametrize("municipality", SWEDISH)
def test_swedish_emergency_bar(qtbot: QtBot, opener: Any, municipality: str) -> None:
    window = open_window(qtbot, municipality, opener)
    bar = window.emergency
    assert bar.buttons["nodnummer-112"].title.text() == "112"
    for cid, button in bar.buttons.items():
        contact = window.handbook.contacts[cid]
        if not contact.verified:
            assert button.title.text() == window.handbook.fallback_for(contact).phone
            assert "lokalt nummer saknas" in button.subtitle.text()


def test_emergency_button_opens_the_contact(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    qtbot.mouseClick(window.emergency.buttons["amk-113"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.contacts
    assert window.contacts.cards["amk-113"].property("current") == "true"
    assert str(window.history.current) == "contact:amk-113"


def test_contacts_search_and_copy_to_clipboard(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    qtbot.keyClick(window.search.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    view = window.contacts
    assert view.isVisible()
    assert len(view.visible_ids()) == len(window.handbook.contacts)
    qtbot.keyClicks(view.search, "barnevernvakt")
    assert "barnevernvakt" in view.visible_ids()
    assert len(view.visible_ids()) < len(window.handbook.contacts)
    card = view.cards["barnevernvakt"]
    assert card.copy_button is not None
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "67 50 47 70"
    assert "67 50 47 70" in window.status_label.text()
    view.search.clear()
    qtbot.keyClicks(view.search, "67504770")
    assert view.visible_ids() == ["barnevernvakt"]
    view.search.clear()
    qtbot.keyClicks(view.search, "ingen slik tjeneste")
    assert view.visible_ids() == [] and view.empty.isVisible()


def test_unverified_contacts_say_so_in_the_contacts_view(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    window.navigate("contacts")
    from PySide6.QtWidgets import QLabel

    for cid, card in window.contacts.cards.items():
        warnings = [w.text() for w in card.findChildren(QLabel) if w.objectName() == "unverified"]
        if window.handbook.contacts[cid].verified:
            assert warnings == []
        else:
            assert warnings and "ikke bekreftet" in warnings[0]
