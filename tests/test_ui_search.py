"""Search as you type (issue 5, item 2): focus, per-keystroke results, filters, opening, «mente du»."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from handbook.core.content import Handbook
from handbook.core.search import Hit, SearchResults
from tests.ui_support import open_window, wait_results

pytestmark = pytest.mark.gui



def test_search_field_has_focus_at_start_and_ctrl_k_returns_to_it(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    assert window.search.field.hasFocus()
    window.navigate("page:taushetsplikt")
    window.page_view.browser.setFocus()
    qtbot.keyClick(window.page_view.browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "vold i nære")
    window.search.field.setCursorPosition(2)
    qtbot.keyClick(window.search.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.text() == "vold i nære"  # Ctrl+K selects the query, it deletes nothing
    assert window.search.field.selectedText() == "vold i nære"


def test_results_update_per_keystroke_and_enter_opens_the_first(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    ids = wait_results(qtbot, window, "bekymringsmelding")
    assert ids and ids[0] == "bekymringsmelding"
    assert window.navigation.isHidden()
    assert "treff" in window.search.message.text()
    first = window.search.model.item(0)
    assert "<b>" in first.data(Qt.ItemDataRole.UserRole + 2).lower()  # the snippet highlights the match
    assert window.search.model.item(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith(first.text())
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page_id == "bekymringsmelding"
    assert window.page_view.isVisible()


def test_arrow_down_and_click_open_a_result(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    ids = wait_results(qtbot, window, "vold")
    assert len(ids) > 3
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.list.hasFocus()
    qtbot.keyClick(window.search.list, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.current_page_id == ids[1]
    rect = window.search.list.visualRect(window.search.model.index(2, 0))
    qtbot.mouseClick(window.search.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_id == ids[2]


def test_filters_by_kind_and_target_group(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    wait_results(qtbot, window, "vold")
    kinds = window.search.kind_filter
    with qtbot.waitSignal(window.search.searchFinished, timeout=20_000):
        kinds.setCurrentIndex(kinds.findData("duty"))
    hits = window.search.results.hits
    assert hits and all(h.kind == "duty" for h in hits)
    audiences = window.search.audience_filter
    with qtbot.waitSignal(window.search.searchFinished, timeout=20_000):
        audiences.setCurrentIndex(audiences.findData("elderly"))
    hits = window.search.results.hits
    assert all(h.kind == "duty" and ({"elderly", "all"} & set(h.audience)) for h in hits)


def test_did_you_mean_is_offered_and_clickable(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    wait_results(qtbot, window, "tvangsektesap")
    panel = window.search
    assert panel.results.suggestion
    qtbot.waitUntil(panel.suggestion.isVisible)
    assert panel.results.suggestion in panel.suggestion.text()
    with qtbot.waitSignal(panel.searchFinished, timeout=20_000):
        qtbot.mouseClick(panel.suggestion, Qt.MouseButton.LeftButton)
    assert panel.field.text() == panel.results.query
    assert "tvangsekteskap" in panel.result_ids()


def test_nothing_found_says_so(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    assert wait_results(qtbot, window, "qqxyzzy") == []
    assert "Ingen treff" in window.search.message.text()


def test_clearing_the_query_shows_the_contents_again(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    wait_results(qtbot, window, "vold")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert window.navigation.isVisible()
    assert window.search.list.isHidden()


class SlowIndex:
    """A stand-in index: the first query waits until released; every search is recorded."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.queries: list[str] = []

    def search(self, query: str, limit: int = 20, kinds: Any = None, audiences: Any = None) -> SearchResults:
        self.queries.append(query)
        if len(self.queries) == 1:
            self.started.set()
            self.release.wait(10)
        hit = Hit(query, f"Treff for {query}", "definition", ("all",), 1.0, query, query, "", 2)
        return SearchResults(query, (hit,), None, False, False)

    def close(self) -> None:
        self.release.set()


def test_the_index_builds_in_the_background_and_a_stale_search_is_dropped(qtbot: QtBot) -> None:
    building = threading.Event()
    index = SlowIndex()

    def slow_opener(handbook: Handbook) -> SlowIndex:
        building.wait(10)
        return index

    window = open_window(qtbot, "no", slow_opener, wait_index=False)
    qtbot.keyClicks(window.search.field, "vo")
    assert "klart" in window.search.message.text()  # the window answers while the index is built
    with qtbot.waitSignal(window.indexReady, timeout=10_000):
        building.set()
    assert index.started.wait(10)  # «vo» is running and blocked
    qtbot.keyClicks(window.search.field, "ld")
    with qtbot.waitSignal(window.search.searchFinished, timeout=10_000):
        index.release.set()
    qtbot.waitUntil(lambda: not window.background.busy)
    assert window.search.result_ids() == ["vold"]
    assert window.search.results.query == "vold"


def test_a_failing_index_leaves_the_reader_usable(qtbot: QtBot) -> None:
    def broken(handbook: Handbook) -> Any:
        raise OSError("disken er full")

    window = open_window(qtbot, "no", broken, wait_index=False)
    qtbot.waitUntil(lambda: window.search.failed is not None)
    qtbot.keyClicks(window.search.field, "vold")
    assert "disken er full" in window.search.message.text()
    assert window.navigate("page:fysisk-vold")


# ---------------------------------------------------------------------------- answers, not only pages

# A checklist's situation as staff would type it, in everyday words (not the checklist's title).
SITUATIONS = {
    "akutt-fare": "noen er i fare akkurat nå",
    "bekymring-barn": "jeg er bekymret for et barn",
    "voksen-utsatt": "kvinne utsatt for vold fra partneren",
    "eldre-risikoutsatt": "jeg tror en eldre blir utsatt for vold eller omsorgssvikt",
    "tvangsekteskap-aere": "jeg er bekymret for tvangsekteskap og æresvold",
    "oro-for-barn": "jag är orolig för ett barn",
    "akut-fara": "någon är i fara just nu",
    "vuxen-utsatt": "kvinna utsatt för våld av sin partner",
    "aldre-utsatt": "jag tror att en äldre utsätts för våld eller vanvård",
    "hedersrelaterat-vald": "jag är orolig för hedersvåld och tvångsäktenskap",
}
MUNICIPALITIES = ("asker", "baerum", "hammerfest", "ullensaker", "kramfors")


def typed(qtbot: QtBot, window: Any, query: str) -> list[str]:
    """Put a query in the field as pasted text (Qt's test keyboard types ASCII only) and wait for its hits."""
    field = window.search.field
    field.setFocus()
    with qtbot.waitSignal(window.search.searchFinished, timeout=20_000):
        field.setText(query)
    qtbot.waitUntil(lambda: window.search.results is not None and window.search.results.query == field.text())
    return window.search.result_ids()


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_checklist_is_a_sjekkliste_hit_for_its_situation(
    qtbot: QtBot, opener: Any, municipality: str
) -> None:
    from handbook.core.checklist import load_checklists
    from handbook.ui.i18n import kind_label

    window = open_window(qtbot, municipality, opener)
    checklists, _issues = load_checklists(window.handbook)
    assert checklists
    for checklist_id, checklist in checklists.items():
        query = SITUATIONS.get(checklist_id, checklist.title)
        keys = typed(qtbot, window, query)
        key = f"checklist:{checklist_id}"
        assert key in keys[:3], (municipality, query, keys[:5])
        item = window.search.model.item(keys.index(key))
        assert kind_label("checklist") in item.data(Qt.ItemDataRole.UserRole + 2)  # the «Sjekkliste» badge
    window.search.list.setFocus()
    window.search.list.setCurrentIndex(window.search.model.index(keys.index(key), 0))
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)  # opens the checklist's wizard
    assert window.checklist is not None and window.checklist.checklist_id == checklist_id


def test_a_contact_hit_shows_its_number_and_opens_the_contact(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "baerum", opener)
    keys = typed(qtbot, window, "barnevernvakta telefon")
    assert "contact:barnevernvakt" in keys[:3]
    row = keys.index("contact:barnevernvakt")
    hit = window.search.results.hits[row]
    assert hit.type == "contact" and hit.phone
    shown = window.search.model.item(row).data(Qt.ItemDataRole.UserRole + 2)
    assert hit.phone in shown and hit.hours in shown  # the number at once, without opening anything
    window.search.list.setFocus()
    window.search.list.setCurrentIndex(window.search.model.index(row, 0))
    qtbot.keyClick(window.search.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.contacts


def test_a_contact_hit_without_a_verified_number_says_so(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "baerum", opener)
    keys = typed(qtbot, window, "krisesenter telefon")
    assert keys[0] == "contact:krisesenter"  # a number was asked for: the contact first
    hit = window.search.results.hits[0]
    assert not (hit.phone and hit.verified)
    shown = window.search.model.item(0).data(Qt.ItemDataRole.UserRole + 2)
    assert "ikke bekreftet" in shown
