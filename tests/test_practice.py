"""Practice cases: every shipped case lints clean and every path through it is walked; the lint names file and
line for each broken rule; the command line lists, shows and runs cases with the usual exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.core.content import list_packs, load_handbook
from handbook.core.facts import load_facts
from handbook.core.lint import lint
from handbook.core.practice import (
    PracticeError,
    back,
    case_sheet_html,
    choose,
    every_walk,
    get_case,
    lint_practice,
    load_cases,
    proceed,
    start,
    walk_choices,
    walk_text,
)
from tests.conftest import CONTENT, write

TODAY = dt.date(2026, 12, 1)
SHIPPED_NO = {"barnehage-koppen", "skole-vil-ikke-hjem", "helsestasjon-seksukerskontroll", "hjemmetjenesten-pengene",
              "nav-nodhjelp", "legevakt-natt"}
SHIPPED_SE = {"forskola-berattelsen", "socialtjansten-mottagningen"}


# ---------------------------------------------------------------------------- the shipped cases


@pytest.mark.parametrize("municipality", [p.id for p in list_packs(CONTENT)])
def test_every_shipped_case_lints_clean_for_every_municipality(municipality: str) -> None:
    handbook = load_handbook(CONTENT, municipality)
    issues = lint_practice(handbook, load_facts(CONTENT), TODAY)
    assert [str(i) for i in issues] == []
    cases, _ = load_cases(handbook)
    expected = SHIPPED_SE if handbook.language == "sv" else SHIPPED_NO
    assert expected <= set(cases)


def _shipped() -> list[tuple[str, str]]:
    shipped = [("no", c) for c in sorted(SHIPPED_NO)] + [("se", c) for c in sorted(SHIPPED_SE)]
    return [*shipped, ("ullensaker", "fagdag-samme-familie")]  # a municipality's own case


@pytest.mark.parametrize(("pack", "case_id"), _shipped())
def test_every_path_through_every_shipped_case_is_walked(pack: str, case_id: str) -> None:
    handbook = load_handbook(CONTENT, pack)
    case = get_case(handbook, case_id)
    walks = list(every_walk(case))
    assert len(walks) >= 2
    seen_options: set[tuple[str, int]] = set()
    for walk in walks:
        assert walk.finished and walk.stage.end
        for pick in walk.taken:
            option = case.stage(pick.stage_id).options[pick.index]
            assert option.feedback and option.links and option.rating in ("good", "mixed", "poor")
            seen_options.add((pick.stage_id, pick.index))
        text = walk_text(walk, handbook)  # the command line's rendering of the same walk
        assert walk.stage.text in text.replace("\n", " ") or walk.stage.text[:40] in text
        assert "finnes ikke i håndboken" not in text and "finns inte i vägledningen" not in text
    every_option = {(s.id, i) for s in case.stages for i in range(len(s.options))}
    assert seen_options == every_option  # every option of every stage is on some walk
    assert {w.current for w in walks} == {s.id for s in case.stages if s.end}
    assert any(case.stage(p.stage_id).options[p.index].rating == "good" for w in walks for p in w.taken)


def test_the_conversation_kind_is_used_by_at_least_two_cases() -> None:
    kinds: dict[str, list[str]] = {}
    services: set[str] = set()
    for pack in ("no", "se"):
        cases, _ = load_cases(load_handbook(CONTENT, pack))
        for case in cases.values():
            kinds.setdefault(case.kind, []).append(case.id)
            services.add(case.service)
            if case.kind == "conversation":
                assert all(o.reply for s in case.stages for o in s.options)  # the effect of what was said
    assert len(kinds["conversation"]) >= 2
    assert sum(len(ids) for ids in kinds.values()) >= 8
    assert {"Barnehage", "Skole", "Helsestasjon", "Hjemmetjenesten", "NAV", "Legevakt", "Förskola",
            "Socialtjänsten"} <= services


def test_shipped_cases_name_only_sections_from_the_legal_register() -> None:
    report = lint(CONTENT, today=TODAY)
    practice = [i for i in report.issues if "/practice/" in str(i.path)]
    assert practice == []


def test_the_case_sheet_holds_every_stage_option_and_facilitator_note() -> None:
    handbook = load_handbook(CONTENT, "asker")
    case = get_case(handbook, "barnehage-koppen")
    sheet = case_sheet_html(case, handbook)
    assert case.facilitator is not None and case.facilitator.split(".")[0] in sheet
    for stage in case.stages:
        assert stage.text.split(".")[0] in sheet
        if stage.notes:
            assert "Til den som leder" in sheet
        for option in stage.options:
            assert option.label.replace("«", "").split("(")[0][:20] in sheet.replace("&#x27;", "'")
    assert "Samtale med barn om vold" in sheet and "href=" not in sheet  # links as titles on paper
    assert "oppdiktet" in sheet


# ---------------------------------------------------------------------------- walking


def test_a_walk_shows_feedback_before_the_next_stage_and_goes_back() -> None:
    case = get_case(load_handbook(CONTENT, "no"), "barnehage-koppen")
    state = start(case)
    assert state.current == "tegningen" and not state.feedback and state.position == 1
    state = choose(state, 1)  # the leading question
    assert state.feedback and state.last_option is not None and state.last_option.rating == "poor"
    assert state.last_option.reply and state.current == "hemmelig"
    with pytest.raises(PracticeError):
        choose(state, 0)  # the feedback first
    state = proceed(state)
    assert not state.feedback and state.position == 2
    assert back(state).current == "tegningen" and back(state).taken == ()
    with pytest.raises(PracticeError, match="no option 9"):
        choose(state, 8)


def test_walk_choices_takes_numbers_and_labels() -> None:
    case = get_case(load_handbook(CONTENT, "no"), "skole-vil-ikke-hjem")
    state = walk_choices(case, ["1", "1", "1"])
    assert state.finished and [p.index for p in state.taken] == [0, 0, 0]
    with pytest.raises(PracticeError, match="sluttet"):
        walk_choices(case, ["1"])
    with pytest.raises(PracticeError, match="ugyldig valg"):
        walk_choices(case, ["7"])


# ---------------------------------------------------------------------------- the lint

MINI = """\
id: mini
title: Mini-sak
kind: conversation
version: "1"
reviewed: 2026-11-01
owner: Koordinator for vold i nære relasjoner
audience: [children]
service: Barnehage
sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]
start: en
stages:
  en:
    text: Barnet sier noe.
    says: "Pappa slo."
    discuss: [Hva tenker du?]
    notes: Snakk om åpne spørsmål.
    options:
      - label: "Fortell mer."
        rating: good
        reply: "Han var sint."
        feedback: Åpent spørsmål.
        links: [page:opplysningsplikt, contact:politi-112]
        next: to
      - label: "Slo han deg?"
        rating: poor
        reply: "Ja."
        feedback: Ledende.
        links: [page:psykisk-vold]
        next: slutt
  to:
    text: Barnet ber deg love å tie.
    options:
      - label: "Jeg lover."
        rating: poor
        reply: "Ok."
        feedback: Kan ikke love det.
        links: [page:fysisk-vold]
        next: slutt
      - label: "Det kan jeg ikke love."
        rating: good
        reply: "Ok."
        feedback: Ærlig.
        links: [page:fysisk-vold]
        next: slutt
  slutt:
    end: true
    text: Skriv ned barnets ord.
    links: [page:opplysningsplikt]
"""


def _mini(content: Path, text: str = MINI) -> Path:
    return write(content / "packs/no/practice/mini.yaml", text)


def _problems(content: Path) -> list[str]:
    handbook = load_handbook(content, "no")
    return [str(i) for i in lint_practice(handbook, load_facts(content), TODAY)]


def test_a_valid_case_lints_clean_and_is_walked(mini_content: Path) -> None:
    _mini(mini_content)
    assert _problems(mini_content) == []
    case = get_case(load_handbook(mini_content, "no"), "mini")
    assert sorted(len(w.taken) for w in every_walk(case)) == [1, 2, 2]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("        feedback: Åpent spørsmål.\n", "", 18, "lacks 'feedback'"),
        ("        next: to\n", "", 18, "lacks 'next'"),
        ("        reply: \"Han var sint.\"\n", "", 18, "lacks 'reply'"),
        ("        rating: good\n        reply: \"Han", "        rating: best\n        reply: \"Han", 19,
         "needs 'rating'"),
        ("page:psykisk-vold]", "page:finnes-ikke]", 24, "broken link: no page 'finnes-ikke'"),
        ("contact:politi-112]", "contact:ukjent]", 18, "broken link: no contact 'ukjent'"),
        ("[page:psykisk-vold]", "[checklist:ingen]", 24, "broken link: no checklist 'ingen'"),
        ("[page:psykisk-vold]", "[nettside:x]", 28, "must be page:<id>"),
        ("        links: [page:psykisk-vold]\n", "", 24, "has no links"),
        ("        next: slutt\n  to:", "        next: en\n  to:", 24, "loop: en → en"),
        ("  slutt:\n    end: true\n", "  slutt:\n", 45, "dead end: stage 'slutt'"),
        ("next: to\n", "next: tre\n", 18, "leads to 'tre', which is not a stage"),
        ("start: en", "start: null", 10, "missing field 'start'"),
        ("Barnet sier noe.", "Barnet sier noe om § 999.", 12, "§ 999 is not in the legal register"),
        ("kind: conversation", "kind: quiz", 3, "unknown kind 'quiz'"),
        ("    discuss: [Hva tenker du?]\n", "    diskuter: [Hva?]\n", 15, "unknown field 'diskuter'"),
    ],
)
def test_each_broken_rule_names_file_and_line(mini_content: Path, old: str, new: str, line: int,
                                              message: str) -> None:
    assert old in MINI
    path = _mini(mini_content, MINI.replace(old, new, 1))
    problems = _problems(mini_content)
    hits = [p for p in problems if message in p]
    assert hits, problems
    assert any(h.startswith(f"{path}:{line}: error:") for h in hits), hits


def test_a_loop_between_two_stages_and_an_unreachable_stage(mini_content: Path) -> None:
    text = MINI.replace("        next: slutt\n      - label: \"Det kan", "        next: en\n      - label: \"Det kan")
    text += "  ensom:\n    end: true\n    text: Ingen kommer hit.\n"
    _mini(mini_content, text)
    problems = _problems(mini_content)
    assert any("loop: en → to → en" in p for p in problems), problems
    assert any("stage 'ensom' cannot be reached" in p for p in problems), problems


def test_invalid_yaml_is_one_problem_with_its_line(mini_content: Path) -> None:
    path = _mini(mini_content, MINI.replace("    text: Barnet sier noe.", "    text: [Barnet sier noe."))
    problems = _problems(mini_content)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:") and "invalid YAML" in problems[0]


def test_lint_of_the_handbook_includes_the_practice_cases(mini_content: Path) -> None:
    _mini(mini_content, MINI.replace("next: to\n", "next: tre\n"))
    report = lint(mini_content, "no", today=TODAY)
    assert any("practice/mini.yaml" in str(i.path) and "tre" in i.message for i in report.errors)


def test_a_municipality_replaces_a_base_case(mini_content: Path) -> None:
    _mini(mini_content)
    write(mini_content / "packs/by/practice/mini.yaml", MINI.replace("Mini-sak", "Byens mini-sak"))
    cases, issues = load_cases(load_handbook(mini_content, "by"))
    assert issues == [] and cases["mini"].title == "Byens mini-sak" and cases["mini"].pack == "by"


# ---------------------------------------------------------------------------- the command line


def test_cli_list_show_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "list", "--municipality", "ullensaker", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} >= SHIPPED_NO
    assert main(["practice", "show", "legevakt-natt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["start"] == "mottak" and {"from": "mottak", "to": "forteller", "option": 1,
                                          "label": data["stages"][0]["options"][0]["label"]} in data["edges"]
    assert main(["practice", "run", "forskola-berattelsen", "-m", "kramfors", "--choices", "1,2,1"]) == 0
    out = capsys.readouterr().out
    assert "Berätta mer." in out and "Bra val" in out and "påhittat" in out
    assert main(["practice", "run", "nav-nodhjelp", "--choices", "1,1,1", "--json"]) == 0
    walk = json.loads(capsys.readouterr().out)
    assert walk["end"] == "slutt" and [p["rating"] for p in walk["path"]] == ["good", "good", "good"]


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str], mini_content: Path) -> None:
    assert main(["practice", "show", "finnes-ikke"]) == 3
    assert "ukjent øvingssak" in capsys.readouterr().err
    assert main(["practice", "run", "nav-nodhjelp", "--choices", "9"]) == 2
    assert "ugyldig valg" in capsys.readouterr().err
    assert main(["practice"]) == 2
    _mini(mini_content, MINI.replace("next: to\n", "next: tre\n"))
    assert main(["--content", str(mini_content), "practice", "run", "mini", "--choices", "1"]) == 1
    assert "mini.yaml:18" in capsys.readouterr().err
    assert main(["--content", str(mini_content), "practice", "list"]) == 0


def test_a_case_that_is_one_chain_of_3000_stages_lints_without_recursion(mini_content: Path) -> None:
    """A hostile or careless case: the walks keep their own stack (core/graph.py), as for checklists."""
    head = MINI.split("stages:\n")[0] + "start: s0\nstages:\n"
    stages = [f"  s{i}: {{text: D, options: [{{label: V, rating: good, reply: J, feedback: G, "
              f"links: [page:fysisk-vold], next: s{(i + 1) % 3000}}}]}}\n" for i in range(3000)]
    text = head.replace("start: en\n", "") + "".join(stages)  # the last stage leads back to the first: a loop
    _mini(mini_content, text)
    problems = _problems(mini_content)
    assert any("loop: s0 → s1 → s2" in p and "s2999 → s0" in p for p in problems), problems[:3]
