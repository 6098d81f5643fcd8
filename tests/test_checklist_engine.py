"""The checklist engine: a pure walk (answer, back, restart), the summary, and every path of every shipped checklist."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.core.checklist import (
    Checklist,
    ChecklistError,
    WalkState,
    answer,
    back,
    every_walk,
    get_checklist,
    legal_citations,
    lint_checklists,
    main_citation,
    parse_checklist,
    proceed,
    resolve_answer,
    restart,
    short_citation,
    start,
    steps_left,
    summary,
    summary_html,
    summary_text,
    walk_answers,
)
from handbook.core.content import Handbook, list_packs, load_handbook
from handbook.errors import HandbookError
from tests.checklist_helpers import write_checklist
from tests.conftest import CONTENT

TODAY = dt.date(2026, 11, 23)
FIRST_QUESTION = {"nb": "Er noen i fare akkurat nå?", "sv": "Är någon i fara just nu?"}
EMERGENCY = {"nb": {"politi-112", "amk-113"}, "sv": {"nodnummer-112"}}
SHIPPED = {
    "no": {"bekymring-barn", "voksen-utsatt", "eldre-risikoutsatt", "tvangsekteskap-aere", "akutt-fare"},
    "se": {"oro-for-barn", "akut-fara", "vuxen-utsatt", "aldre-utsatt", "hedersrelaterat-vald"},
}


@pytest.fixture
def mini(mini_content: Path) -> tuple[Handbook, Checklist]:
    write_checklist(mini_content)
    handbook = load_handbook(mini_content, "no")
    return handbook, get_checklist(handbook, "mini")


# ---------------------------------------------------------------------------- walking


def test_start_is_the_first_question(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    state = start(checklist)
    assert state.current == "fare" and state.position == 1
    assert not state.finished and not state.can_go_back


def test_answer_returns_a_new_state_and_leaves_the_old_one(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    first = start(checklist)
    second = answer(first, 1)
    assert first.current == "fare" and first.taken == ()
    assert second.current == "grunn" and second.position == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        second.current = "akutt"  # type: ignore[misc]


def test_yes_to_danger_goes_straight_to_an_end(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    state = answer(start(checklist), 0)
    assert state.finished and state.current == "akutt"


def test_advice_continues_with_answer_zero(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    state = answer(answer(start(checklist), 1), 0)
    assert state.step.type == "advice"
    assert proceed(state).current == "meld"
    with pytest.raises(ChecklistError):
        answer(state, 1)


def test_back_undoes_one_choice_and_is_a_no_op_at_the_start(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    first = start(checklist)
    second = answer(first, 1)
    third = answer(second, 0)
    assert back(third) == second
    assert back(back(third)) == first
    assert back(first) == first


def test_restart_begins_again(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    state = proceed(answer(answer(start(checklist), 1), 0))
    assert state.finished
    assert restart(state) == start(checklist)


@pytest.mark.parametrize("index", [-1, 2, 9])
def test_an_answer_that_does_not_exist_names_the_step(mini: tuple[Handbook, Checklist], index: int) -> None:
    _, checklist = mini
    with pytest.raises(ChecklistError, match="'fare'"):
        answer(start(checklist), index)


def test_an_end_cannot_be_answered(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    with pytest.raises(ChecklistError, match="end"):
        answer(answer(start(checklist), 0), 0)


def test_answers_by_number_or_label(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    question = checklist.step("fare")
    assert resolve_answer(question, "1") == 0
    assert resolve_answer(question, " nei ") == 1
    with pytest.raises(ChecklistError, match=r"'fare'.*1 = Ja; 2 = Nei"):
        resolve_answer(question, "kanskje")
    with pytest.raises(ChecklistError):
        resolve_answer(question, "3")


def test_walk_answers_passes_advice_steps(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    state = walk_answers(checklist, ["2", "Ja"])
    assert state.current == "meld"
    assert [c.step_id for c in state.taken] == ["fare", "grunn", "rad"]


def test_walk_answers_reports_too_few_and_too_many(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    with pytest.raises(ChecklistError, match="'grunn'"):
        walk_answers(checklist, ["2"])
    with pytest.raises(ChecklistError, match="for mange"):
        walk_answers(checklist, ["1", "1"])


def test_every_walk_of_the_mini_checklist(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    ends = sorted(state.current for state in every_walk(checklist))
    assert ends == ["akutt", "folg", "meld"]


def test_every_walk_refuses_a_loop(mini_content: Path) -> None:
    text = Path(write_checklist(mini_content)).read_text(encoding="utf-8").replace("next: folg}", "next: fare}")
    checklist, _ = parse_checklist(text, mini_content / "mini.yaml")
    assert checklist is not None
    with pytest.raises(ChecklistError, match="loops back to step 'fare'"):
        list(every_walk(checklist))


def test_steps_left_counts_the_longest_way_to_an_end(mini: tuple[Handbook, Checklist]) -> None:
    _, checklist = mini
    assert steps_left(checklist, "fare") == 4  # fare → grunn → rad → meld
    assert steps_left(checklist, "meld") == 1


def test_unknown_checklist_is_a_handbook_error(mini: tuple[Handbook, Checklist]) -> None:
    handbook, _ = mini
    with pytest.raises(HandbookError, match="ukjent sjekkliste 'borte'"):
        get_checklist(handbook, "borte")


def test_a_broken_checklist_cannot_be_walked(mini_content: Path) -> None:
    write_checklist(mini_content, "id: mini\nstart: x\nsteps: {}\n")
    handbook = load_handbook(mini_content, "no")
    with pytest.raises(ChecklistError, match="kan ikke brukes"):
        get_checklist(handbook, "mini")


@functools.cache
def _shipped(municipality: str, checklist_id: str) -> Checklist:
    return get_checklist(load_handbook(CONTENT, municipality), checklist_id)


@settings(max_examples=60, deadline=None)
@given(moves=st.lists(st.integers(min_value=-1, max_value=4), max_size=25))
def test_random_walks_keep_their_invariants(moves: list[int]) -> None:
    checklist = _shipped("no", "bekymring-barn")
    state = start(checklist)
    for move in moves:
        if move == -1:
            previous = state
            state = back(state)
            assert state.position == max(previous.position - 1, 1)
            continue
        if state.finished:
            assert restart(state) == start(checklist)
            continue
        options = len(state.step.answers) or 1
        after = answer(state, move % options)
        assert back(after) == state
        assert after.position == state.position + 1
        assert after.current not in [c.step_id for c in after.taken]  # never the same step twice
        state = after
    assert isinstance(state, WalkState)


# ---------------------------------------------------------------------------- the summary


def test_summary_has_path_actions_basis_contacts_and_date(mini: tuple[Handbook, Checklist]) -> None:
    handbook, checklist = mini
    state = walk_answers(checklist, ["Nei", "Ja"])
    result = summary(checklist, state, handbook, TODAY)
    assert (result.checklist_id, result.version, result.reviewed, result.date) == (
        "mini", "1", dt.date(2026, 11, 1), TODAY)
    assert [(e.question, e.answer) for e in result.path] == [
        ("Er noen i fare akkurat nå?", "Nei"),
        ("Har du grunn til å tro at barnet er utsatt?", "Ja"),
    ]
    assert result.complete and result.outcome == "Meld til barnevernet i dag."
    assert [a.text for a in result.actions] == [
        "Skriv ned barnets egne ord.", "Send bekymringsmelding <i>samme dag</i>."]
    basis = result.actions[1].basis[0]
    assert (basis.title, basis.citation) == ("Opplysningsplikt til barnevernet", "Barnevernsloven § 13-2")
    contacts = {c.id: c for c in result.actions[1].contacts}
    assert contacts["krisesenter"].verified is False and contacts["krisesenter"].phone is None
    assert contacts["politi-112"].verified is True and contacts["politi-112"].phone == "112"
    assert [p.title for p in result.actions[1].pages] == ["Fysisk vold"]


def test_summary_text_is_plain_and_complete(mini: tuple[Handbook, Checklist]) -> None:
    handbook, checklist = mini
    result = summary(checklist, walk_answers(checklist, ["2", "1"]), handbook, TODAY)
    text = summary_text(result)
    assert text.startswith("Sjekkliste: Mini-sjekkliste (mini, versjon 1, gjennomgått 2026-11-01)\n")
    assert "Dato: 2026-11-23" in text
    assert "1. Er noen i fare akkurat nå? → Nei" in text
    assert "Grunnlag: Opplysningsplikt til barnevernet (Barnevernsloven § 13-2)" in text
    assert "Kontakt: Krisesenteret: nummer mangler – ikke bekreftet" in text
    assert "Kontakt: Politi: 112" in text and "Politi: 112 – ikke bekreftet" not in text
    assert "Lovgrunnlag og kilder:" in text and "Barnevernsloven § 13-2 (regjeringen.no)" in text
    assert "ingen personopplysninger" in text
    assert "<" not in text.replace("<i>samme dag</i>", "")


def test_summary_in_the_overlay_uses_local_contacts(mini_content: Path) -> None:
    write_checklist(mini_content)
    handbook = load_handbook(mini_content, "by")
    checklist = get_checklist(handbook, "mini")
    text = summary_text(summary(checklist, walk_answers(checklist, ["2", "1"]), handbook, TODAY))
    assert "Kommune: Byen kommune" in text
    assert "Kontakt: Byen krisesenter: 66 93 23 10" in text
    assert "Byen krisesenter: 66 93 23 10 – ikke bekreftet" not in text


def test_summary_html_escapes_and_links(mini: tuple[Handbook, Checklist]) -> None:
    handbook, checklist = mini
    result = summary(checklist, walk_answers(checklist, ["2", "1"]), handbook, TODAY)
    printed = summary_html(result)
    assert "&lt;i&gt;samme dag&lt;/i&gt;" in printed and "<i>" not in printed
    assert 'href="' not in printed
    linked = summary_html(result, links=True)
    assert 'href="contact:krisesenter"' in linked and 'href="page:opplysningsplikt"' in linked


def test_unfinished_walk_says_so(mini: tuple[Handbook, Checklist]) -> None:
    handbook, checklist = mini
    result = summary(checklist, answer(start(checklist), 1), handbook, TODAY)
    assert not result.complete and result.actions == ()
    assert "ikke gått til ende" in summary_text(result)


def test_swedish_summary_words(mini_content: Path) -> None:
    write_checklist(mini_content)
    handbook = load_handbook(mini_content, "no")
    handbook = dataclasses.replace(handbook, pack=dataclasses.replace(handbook.pack, language="sv"))
    checklist = get_checklist(handbook, "mini")
    text = summary_text(summary(checklist, walk_answers(checklist, ["2", "1"]), handbook, TODAY))
    assert text.startswith("Checklista: ") and "Datum: 2026-11-23" in text and "ej bekräftat" in text


def test_citations_are_the_law_and_section() -> None:
    sources = [
        "«Grunn til å tro» (voldsveileder.nkvts.no)",
        "Ingen generell plikt til å anmelde utover straffeloven § 196 (regjeringen.no)",
        "Straffeloven § 196 (dinutvei.no; plikt.no)",
        "Bærum kommune: Handlingsplan 2020–2022",
    ]
    assert legal_citations(sources) == tuple(sources[1:3])
    assert main_citation(sources) == "Straffeloven § 196"
    law = "Opplæringslova (2023, i kraft 1. august 2024), uten paragrafnummer"
    assert short_citation(f"{law} (Prop. 57 L (2022–2023))") == law
    assert main_citation(["Helse- og omsorgstjenesteloven § 3-3 a (nkvts)", "Krisesenterlova § 4 (bufdir)"]) \
        == "Helse- og omsorgstjenesteloven § 3-3 a"
    old_first = ["Socialtjänstlagen (2001:453) 5 kap. 11 § – ansvar (äldre lagen; nck.uu.se)",
                 "Socialtjänstlag (2025:400), kapitel och paragraf ej verifierade (lagen.nu)"]
    assert main_citation(old_first) == "Socialtjänstlag (2025:400), kapitel och paragraf ej verifierade"
    assert main_citation(old_first[:1]) == "Socialtjänstlagen (2001:453) 5 kap. 11 § – ansvar (äldre lagen)"


# ---------------------------------------------------------------------------- every shipped checklist


def _municipalities() -> list[str]:
    return [p.id for p in list_packs(CONTENT)]


def test_every_base_pack_ships_its_checklists() -> None:
    for pack, ids in SHIPPED.items():
        assert ids <= set(load_handbook(CONTENT, pack).checklist_paths), pack


@pytest.mark.parametrize("municipality", _municipalities())
def test_shipped_checklists_lint_clean(municipality: str) -> None:
    handbook = load_handbook(CONTENT, municipality)
    assert handbook.checklist_paths, f"{municipality} has no checklists"
    assert [str(i) for i in lint_checklists(handbook)] == []


@pytest.mark.parametrize("municipality", _municipalities())
def test_every_path_of_every_checklist_reaches_an_end_with_actions(municipality: str) -> None:
    handbook = load_handbook(CONTENT, municipality)
    language = handbook.language
    for checklist_id in sorted(handbook.checklist_paths):
        checklist = get_checklist(handbook, checklist_id)
        first = checklist.step(checklist.start)
        assert first.text == FIRST_QUESTION[language], checklist_id
        yes = checklist.step(first.answers[0].next)
        assert first.answers[0].label in ("Ja",) and yes.type == "end", checklist_id
        assert EMERGENCY[language] <= {c for a in yes.actions for c in a.contacts}, checklist_id
        walks = list(every_walk(checklist))
        assert len(walks) >= 5, checklist_id
        reached = {checklist.start}
        for state in walks:
            where = f"{municipality}/{checklist_id} via {[c.step_id for c in state.taken]}"
            assert state.finished, where
            visited = [c.step_id for c in state.taken] + [state.current]
            assert len(visited) == len(set(visited)), f"loop in {where}"
            reached.update(visited)
            assert state.step.actions, where
            result = summary(checklist, state, handbook, TODAY)
            assert result.complete and result.actions, where
            for action in result.actions:
                assert action.basis, f"{where}: {action.text}"
                for basis in action.basis:
                    assert basis.known and basis.citation and basis.laws, f"{where}: {basis.page_id}"
                    assert handbook.pages[basis.page_id].kind == "duty", f"{where}: {basis.page_id}"
                for contact in action.contacts:
                    assert contact.known, f"{where}: {contact.id}"
                    assert contact.name
                for page in action.pages:
                    assert page.known, f"{where}: {page.id}"
            text = summary_text(result)
            assert result.outcome in text and checklist.version in text
        assert reached == set(checklist.by_id), f"{checklist_id}: steps no walk reaches"
