"""The reader's Qt-free logic: locations, history, bookmarks, contents, shortcuts, contacts, sizes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handbook import locations
from handbook.core import reader
from handbook.core.content import Contact, list_packs, load_handbook
from handbook.core.reader import History, Location
from tests.conftest import write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("home", Location("home")),
        ("page:psykisk-vold", Location("page", "psykisk-vold")),
        ("contact:krisesenter", Location("contact", "krisesenter")),
        ("checklist:akutt-fare", Location("checklist", "akutt-fare")),
        ("contacts", Location("contacts")),
        ("duties", Location("duties")),
        ("page:", None),
        ("home:x", None),
        ("https://example.org", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_location_parse(text: object, expected: Location | None) -> None:
    assert Location.parse(text) == expected
    if expected is not None:
        assert Location.parse(str(expected)) == expected


def test_history_back_and_forward() -> None:
    a, b, c = Location("page", "a"), Location("page", "b"), Location("page", "c")
    h = History().visit(a).visit(b).visit(c)
    assert h.current == c and h.can_go_back and not h.can_go_forward
    h = h.go_back().go_back()
    assert h.current == a and h.forward == (b, c)
    h = h.go_forward()
    assert h.current == b
    h = h.visit(Location("home"))
    assert h.forward == () and h.back == (a, b)
    assert h.visit(Location("home")) is h


locations_st = st.builds(Location, st.just("page"), st.sampled_from("abcde"))


@given(st.lists(st.tuples(st.sampled_from(["visit", "back", "forward"]), locations_st), max_size=40))
def test_history_never_loses_the_current_place(moves: list[tuple[str, Location]]) -> None:
    h = History(limit=10)
    for move, loc in moves:
        before = h
        h = h.visit(loc) if move == "visit" else h.go_back() if move == "back" else h.go_forward()
        if move == "back" and before.can_go_back:
            assert h.go_forward().current == before.current
        assert len(h.back) <= 10
        assert h.current is not None or not moves or move != "visit"


def test_recent_and_bookmarks() -> None:
    recent = reader.remember_recent(("a", "b", "c"), "b", limit=3)
    assert recent == ("b", "a", "c")
    assert reader.remember_recent(recent, "d", limit=3) == ("d", "b", "a")
    assert reader.toggle_bookmark(("a",), "b") == ("a", "b")
    assert reader.toggle_bookmark(("a", "b"), "a") == ("b",)


def test_known_page_ids_drops_unknown_and_junk(mini_content: Path) -> None:
    handbook = load_handbook(mini_content, "by")
    assert reader.known_page_ids(["fysisk-vold", "borte", 3, None, "fysisk-vold", "psykisk-vold"], handbook) == (
        "fysisk-vold",
        "psykisk-vold",
    )


def test_review_overdue() -> None:
    from handbook.core.review_policy import REVIEW_DAYS

    assert reader.REVIEW_DAYS == REVIEW_DAYS
    today = dt.date(2026, 11, 20)
    assert not reader.review_overdue(dt.date(2026, 1, 1), today)
    assert reader.review_overdue(dt.date(2025, 11, 1), today)
    assert reader.review_overdue(None, today)


def test_table_of_contents_groups_by_kind_and_topic(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/tema-vold.md", """
        ---
        id: tema-vold
        title: Tema vold
        kind: topic
        audience: [all]
        owner: Koordinator
        reviewed: 2026-11-01
        sources: ["x"]
        related: [psykisk-vold, finnes-ikke]
        ---
        # Tema vold
        """)
    handbook = load_handbook(mini_content, "by")
    toc = reader.table_of_contents(handbook)
    kinds = [s.kind for s in toc]
    assert kinds == ["definition", "duty", "topic"]
    definitions = [e.title for e in toc[0].entries]
    assert definitions == ["Fysisk vold i Byen", "Psykisk vold"]
    topic = toc[2].entries[0]
    assert [c.page_id for c in topic.children] == ["psykisk-vold"]


def test_sort_key_puts_norwegian_letters_last() -> None:
    words = ["øre", "åker", "zebra", "ære", "alle"]
    assert sorted(words, key=reader.sort_key) == ["alle", "zebra", "ære", "øre", "åker"]


def test_home_shortcuts_fall_back_when_checklists_are_missing(mini_content: Path) -> None:
    handbook = load_handbook(mini_content, "by")
    found = {s.key: str(s.location) for s in reader.home_shortcuts(handbook)}
    assert found == {"acute": "contacts", "duties": "duties", "contacts": "contacts"}
    write(mini_content / "packs/no/checklists/bekymring-barn.yaml", "id: bekymring-barn\n")
    handbook = load_handbook(mini_content, "by")
    found = {s.key: str(s.location) for s in reader.home_shortcuts(handbook)}
    assert found["child"] == "checklist:bekymring-barn"


@pytest.mark.parametrize("pack", [p.id for p in list_packs(locations.content_dir())])
def test_every_pack_has_emergency_contacts_and_shortcuts(pack: str) -> None:
    handbook = load_handbook(locations.content_dir(), pack)
    bar = reader.emergency_contacts(handbook)
    assert bar, pack
    assert any(c.phone == "112" for c in bar)
    keys = [s.key for s in reader.home_shortcuts(handbook)]
    assert "contacts" in keys and "acute" in keys
    for shortcut in reader.home_shortcuts(handbook):
        assert reader.location_exists(shortcut.location, handbook)


def _contact(**kw: object) -> Contact:
    base: dict[str, object] = {"id": "x", "name": "Krisesenteret", "helps_with": "Trygt sted å bo", "verified": True}
    base.update(kw)
    return Contact(**base)  # type: ignore[arg-type]


def test_contact_filter_by_words_and_digits() -> None:
    crisis = _contact(phone="66 93 23 10", note="Døgnåpent")
    police = _contact(id="p", name="Politiet – nødnummer 112", helps_with="Akutt fare", phone="112")
    both = (crisis, police)
    assert reader.filter_contacts(both, "") == both
    assert reader.filter_contacts(both, "KRISE trygt") == (crisis,)
    assert reader.filter_contacts(both, "66932310") == (crisis,)
    assert reader.filter_contacts(both, "112") == (police,)
    assert reader.filter_contacts(both, "døgnåpent") == (crisis,)
    assert reader.filter_contacts(both, "ingenting") == ()


@pytest.mark.parametrize(
    ("name", "phone", "expected"),
    [
        ("Politiet – nødnummer 112", "112", "Politiet"),
        ("Medisinsk nødtelefon 113 (AMK)", "113", "Medisinsk nødtelefon (AMK)"),
        ("Nödnummer 112", "112", "Nödnummer"),
        ("Krisesenteret", None, "Krisesenteret"),
    ],
)
def test_short_name(name: str, phone: str | None, expected: str) -> None:
    assert reader.short_name(_contact(name=name, phone=phone)) == expected


def test_ui_language() -> None:
    assert reader.ui_language("", "nb") == "nb"
    assert reader.ui_language(None, "sv") == "sv"
    assert reader.ui_language("en", "sv") == "en"
    assert reader.ui_language("klingon", "nn") == "nb"


def test_text_size_steps_and_clamps() -> None:
    assert reader.step_text_size(11, +1) == 12
    assert reader.step_text_size(11, -1) == 10
    assert reader.step_text_size(24, +1) == 24
    assert reader.step_text_size(9, -1) == 9
    assert reader.step_text_size(18, 0) == reader.DEFAULT_TEXT_SIZE
    assert reader.clamp_text_size("stor") == reader.DEFAULT_TEXT_SIZE
    assert reader.clamp_text_size(500) == 24
    assert reader.clamp_text_size("14") == 14
