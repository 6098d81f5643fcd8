"""The reader's actions come from one table: every action with keys is in the F1 list, the menus and the
toolbar show them in their order, and each is reachable as the window's act_<id>."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from handbook.ui.window_actions import ACTIONS
from tests.ui_support import open_window

pytestmark = pytest.mark.gui
NATIVE = QKeySequence.SequenceFormat.NativeText


def menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        found += menu_actions(sub) if isinstance(sub, QMenu) else [action]
    return found


def test_every_action_with_keys_in_the_menus_or_toolbar_is_in_the_f1_list(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    shown = [a for menu in window.menuBar().actions() if isinstance(menu.menu(), QMenu)
             for a in menu_actions(menu.menu())] + window.toolbar.actions()
    with_keys = {(a.shortcut().toString(NATIVE), a.text().rstrip(" …")) for a in shown
                 if not a.isSeparator() and not a.shortcut().isEmpty()}
    assert len(with_keys) >= 20  # print, PDF, search, back … (the test sees the real menus)
    assert with_keys <= set(window.shortcut_rows())


def test_the_menus_and_toolbar_keep_their_order(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    menus = {m.text(): [a.text() or "—" for a in m.menu().actions()] for m in window.menuBar().actions()}
    assert menus["&Fil"] == ["Skriv ut …", "Forhåndsvisning …", "Lagre som PDF …", "—", "Innstillinger …",
                             "Redaktørverktøy …", "—", "Avslutt"]
    assert menus["&Side"] == ["Finn på siden", "Overskrifter og lenker …", "Bokmerk siden", "—", "Skriv ut …",
                              "Forhåndsvisning …", "Lagre som PDF …"]
    assert menus["&Gå"][-2:] == ["—", "Øvingssaker …"]
    assert menus["&Vis"][-1] == "&Utseende"
    bar = [a.iconText() if a.iconText().startswith("A") else a.text() for a in window.toolbar.actions()
           if not a.isSeparator() and a.text()]
    assert bar == ["Tilbake", "Frem", "Hjem", "Kontakter", "Meldeplikter", "Bokmerk siden", "Skriv ut …",
                   "Lagre som PDF …", "A−", "A+"]


def test_each_action_of_the_table_is_the_windows_attribute_and_works_from_its_keys(qtbot: QtBot,
                                                                                  opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    for spec in ACTIONS:
        action = getattr(window, f"act_{spec.id}")
        assert action is window.act[spec.id] and action in window.actions(), spec.id
    window.act_contacts.trigger()
    assert str(window.history.current) == "contacts"
    window.act_home.trigger()
    assert str(window.history.current) == "home"
