"""Every path of every Swedish checklist, walked as a member of staff would walk it.

Two rules from issue 10, on the Swedish side:
- In Sweden suspicion is enough: no path that passes an answer about a disclosure, violence at home or honour
  ends in "no duty to report". Such a path ends in an orosanmälan (or, for an adult, in help), with the
  social services as a contact.
- An acute ending is never 112 only: it also says where to stay tonight and who follows up, with a contact
  that is not an emergency number.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.core.checklist import Checklist, WalkState, every_walk, get_checklist, summary
from handbook.core.content import Handbook, load_handbook
from tests.conftest import CONTENT

TODAY = dt.date(2026, 12, 1)
SWEDISH = ("se", "kramfors")

# The answers that tell the user about violence: (checklist, step, answer label). A path through any of them may
# not end in "no duty". `test_every_disclosure_answer_is_listed` keeps this table complete.
DISCLOSURES = {
    ("oro-for-barn", "vad", "Barnet har berättat om våld eller övergrepp"),
    ("oro-for-barn", "vad", "Barnet lever med våld mellan vuxna hemma"),
    ("oro-for-barn", "vad", "Heder, könsstympning eller bortgifte"),
    ("vuxen-utsatt", "kand", "Personen har berättat det själv"),
    ("vuxen-utsatt", "berattar", "Ja"),
    ("vuxen-utsatt", "barn", "Ja"),
    ("akut-fara", "barn", "Den utsatta är under 18 år"),
    ("akut-fara", "barn", "Det finns barn i hemmet"),
    ("hedersrelaterat-vald", "alder", "Ja"),
    ("aldre-utsatt", "vald", "Ja"),
}
# Answers whose words say "someone has told" or "violence at home" (how a new disclosure answer is noticed).
DISCLOSURE_WORDS = re.compile(r"berättat|berättar|våld mellan vuxna|barn i hemmet|hemma\b", re.IGNORECASE)
# An ending that tells the user there is nothing to report.
NO_DUTY = re.compile(
    r"ingen (?:orosanmälan|anmälan)|inte (?:skyldig|anmäla)|behöver inte anmälas|ingen skyldighet", re.IGNORECASE
)
# Words for "where to stay tonight" in an acute ending.
TONIGHT = re.compile(r"i natt|i kväll", re.IGNORECASE)
SOCIAL_SERVICES = {"socialtjansten", "socialjour"}


def _books() -> list[Handbook]:
    return [load_handbook(CONTENT, m) for m in SWEDISH]


def _walks(handbook: Handbook) -> Iterator[tuple[Checklist, WalkState]]:
    for checklist_id in sorted(handbook.checklist_paths):
        checklist = get_checklist(handbook, checklist_id)
        for state in every_walk(checklist):
            yield checklist, state


def _answers(checklist: Checklist, state: WalkState) -> list[tuple[str, str, str]]:
    """The questions answered on the way, as (checklist, step, label)."""
    return [
        (checklist.id, c.step_id, checklist.step(c.step_id).answers[c.index].label)
        for c in state.taken
        if c.index is not None
    ]


def disclosure_problems(handbook: Handbook) -> list[str]:
    """Every path through a disclosure answer that ends in "no duty", or without the social services."""
    problems = []
    for checklist, state in _walks(handbook):
        given = [a for a in _answers(checklist, state) if a in DISCLOSURES]
        if not given:
            continue
        where = f"{handbook.pack.id}/{checklist.id} via {[a[2] for a in _answers(checklist, state)]} → {state.current}"
        if NO_DUTY.search(state.step.text):
            problems.append(f"{where}: ends in «{state.step.text}»")
        result = summary(checklist, state, handbook, TODAY)
        contacts = {c.id for a in result.actions for c in a.contacts}
        if not contacts & SOCIAL_SERVICES:
            problems.append(f"{where}: no action names the social services")
    return problems


def acute_problems(handbook: Handbook) -> list[str]:
    """Every ending reached by «Ja» to the first question that is 112 and nothing after it."""
    problems = []
    for checklist_id in sorted(handbook.checklist_paths):
        checklist = get_checklist(handbook, checklist_id)
        first = checklist.step(checklist.start)
        yes = next(a for a in first.answers if a.label == "Ja")
        end = checklist.step(yes.next)
        where = f"{handbook.pack.id}/{checklist_id}/{end.id}"
        if end.type != "end":
            problems.append(f"{where}: «Ja» does not lead straight to an end")
            continue
        follow_up = [
            a for a in end.actions[1:]
            if any(c in handbook.contacts and not handbook.contacts[c].emergency for c in a.contacts)
        ]
        if not follow_up:
            problems.append(f"{where}: no follow-up action with a non-emergency contact")
        if not any(TONIGHT.search(a.text) for a in end.actions):
            problems.append(f"{where}: says nothing about where to stay tonight")
        if not any(c in SOCIAL_SERVICES for a in end.actions for c in a.contacts):
            problems.append(f"{where}: no action names the social services")
    return problems


# ---------------------------------------------------------------------------- the shipped checklists


def test_kramfors_has_the_five_swedish_checklists() -> None:
    handbook = load_handbook(CONTENT, "kramfors")
    assert {"akut-fara", "vuxen-utsatt", "aldre-utsatt", "hedersrelaterat-vald", "oro-for-barn"} <= set(
        handbook.checklist_paths)


@pytest.mark.parametrize("handbook", _books(), ids=SWEDISH)
def test_no_disclosure_path_ends_in_no_duty(handbook: Handbook) -> None:
    assert disclosure_problems(handbook) == []


@pytest.mark.parametrize("handbook", _books(), ids=SWEDISH)
def test_every_acute_ending_says_what_comes_after_the_call(handbook: Handbook) -> None:
    assert acute_problems(handbook) == []


def test_every_disclosure_answer_is_listed() -> None:
    """The table above covers every answer whose words speak of a disclosure or of violence at home."""
    handbook = load_handbook(CONTENT, "se")
    answers = {
        (checklist_id, step.id, option.label)
        for checklist_id in handbook.checklist_paths
        for step in get_checklist(handbook, checklist_id).steps
        for option in step.answers
    }
    worded = {a for a in answers if DISCLOSURE_WORDS.search(a[2])}
    assert worded, "the words match no answer at all"
    assert worded - DISCLOSURES == set(), "a disclosure answer is missing from DISCLOSURES"
    assert DISCLOSURES - answers == set(), "DISCLOSURES names an answer that no longer exists"


def test_no_duty_is_still_an_answer_when_nothing_was_disclosed() -> None:
    """The rule is not vacuous: «Ingen anmälan nu» exists, after signs the user does not read as harm."""
    handbook = load_handbook(CONTENT, "kramfors")
    checklist = get_checklist(handbook, "oro-for-barn")
    ends = {
        state.current for state in every_walk(checklist)
        if NO_DUTY.search(state.step.text) and not set(_answers(checklist, state)) & DISCLOSURES
    }
    assert ends == {"folj"}


# ---------------------------------------------------------------------------- the rules catch a broken checklist


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_a_disclosure_that_leads_to_no_duty_is_found(content_copy: Path) -> None:
    path = content_copy / "packs" / "se" / "checklists" / "oro-for-barn.yaml"
    text = path.read_text(encoding="utf-8")
    # As in version 1.0: after «Barnet har berättat» the user is asked again whether the child is harmed.
    head, tail = text.split("\n  kand-bor:\n")
    tail = tail.replace("    next: familj\n", "    next: misstanke\n", 1)
    path.write_text(head + "\n  kand-bor:\n" + tail, encoding="utf-8")
    # The tags make the checklist's own rules refuse it, with the lines of the disclosure answers …
    from handbook.core.lint import lint

    errors = [str(issue) for issue in lint(content_copy, "kramfors").errors]
    assert any("oro-for-barn.yaml:" in e and "concrete-ground" in e and "'folj'" in e for e in errors), errors
    # … and without the tags, walking every path still finds it.
    path.write_text(path.read_text(encoding="utf-8").replace(", tags: [concrete-ground]", "")
                    .replace("    tags: [no-duty]\n", ""), encoding="utf-8")
    problems = disclosure_problems(load_handbook(content_copy, "kramfors"))
    assert any("oro-for-barn" in p and "Ingen anmälan nu" in p for p in problems), problems


def test_a_112_only_ending_is_found(content_copy: Path) -> None:
    path = content_copy / "packs" / "se" / "checklists" / "akut-fara.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  akut:"))
    first_action = next(i for i in range(start, len(lines)) if "contacts: [nodnummer-112]" in lines[i])
    end = next(i for i in range(first_action, len(lines)) if lines[i].startswith("  hant:"))
    path.write_text("".join([*lines[:first_action + 1], "\n", *lines[end:]]), encoding="utf-8")
    problems = acute_problems(load_handbook(content_copy, "kramfors"))
    assert any("akut-fara/akut: no follow-up action" in p for p in problems), problems
    assert any("akut-fara/akut: says nothing about where to stay tonight" in p for p in problems), problems
