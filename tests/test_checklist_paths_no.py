"""Every path of every Norwegian checklist, read from `checklist show --json` as a tool or a reviewer reads it.

Issue 10: a disclosure or violence at home never ends in «no duty», and the end reached by «Ja» to «Er noen i
fare akkurat nå?» always says what comes after the emergency call.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from handbook.cli import main
from handbook.core.content import list_packs, load_handbook
from tests.conftest import CONTENT

NORWEGIAN = [p.id for p in list_packs(CONTENT) if load_handbook(CONTENT, p.id).language in ("nb", "nn")]
CHECKLISTS = ["akutt-fare", "bekymring-barn", "eldre-risikoutsatt", "tvangsekteskap-aere", "voksen-utsatt"]
EMERGENCY_NUMBERS = {"112", "113", "110"}
NO_DUTY_WORDS = ("ikke plikt", "ingen plikt", "ikke meldeplikt", "ingen meldeplikt")

Path = tuple[tuple[str, dict[str, Any] | None], ...]  # (step id, answer taken there or None for advice)


def show_json(capsys: pytest.CaptureFixture[str], municipality: str, checklist_id: str) -> dict[str, Any]:
    code = main(["checklist", "show", checklist_id, "-m", municipality, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data: dict[str, Any] = json.loads(out.out)
    return data


def walks(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every path from the start to an end: the steps with the answers taken, and the end."""
    steps = {s["id"]: s for s in data["steps"]}
    todo: list[tuple[str, Path]] = [(data["start"], ())]
    while todo:
        current, path = todo.pop()
        assert current not in {step_id for step_id, _ in path}, f"{data['id']}: loop at {current}"
        step = steps[current]
        if step["type"] == "end":
            yield path, step
        elif step["type"] == "advice":
            todo.append((step["next"], (*path, (current, None))))
        else:
            todo.extend((answer["next"], (*path, (current, answer))) for answer in step["answers"])


def concrete_ground_taken(path: Path) -> list[str]:
    return [a["label"] for _, a in path if a is not None and "concrete-ground" in a.get("tags", [])]


def no_duty_violations(data: dict[str, Any]) -> list[str]:
    """Paths through a concrete ground (disclosure, violence at home) that end in an end tagged no-duty."""
    return [f"{' → '.join(step for step, _ in path)} → {end['id']}"
            for path, end in walks(data)
            if concrete_ground_taken(path) and "no-duty" in end.get("tags", [])]


def test_the_path_check_finds_a_disclosure_that_ends_in_no_duty() -> None:
    broken = {
        "id": "t", "start": "fare",
        "steps": [
            {"id": "fare", "type": "question", "answers": [
                {"label": "Ja", "next": "akutt", "tags": []},
                {"label": "Barnet har fortalt", "next": "grunn", "tags": ["concrete-ground"]}]},
            {"id": "akutt", "type": "end", "tags": []},
            {"id": "grunn", "type": "question", "answers": [
                {"label": "Ja", "next": "meld", "tags": []}, {"label": "Nei", "next": "folg", "tags": []}]},
            {"id": "meld", "type": "end", "tags": []},
            {"id": "folg", "type": "end", "tags": ["no-duty"]},
        ],
    }
    assert no_duty_violations(broken) == ["fare → grunn → folg"]
    broken["steps"][0]["answers"][1]["tags"] = []
    assert no_duty_violations(broken) == []


@pytest.mark.parametrize("municipality", NORWEGIAN)
def test_no_disclosure_or_violence_at_home_ends_in_no_duty(
    capsys: pytest.CaptureFixture[str], municipality: str
) -> None:
    through_a_ground = 0
    no_duty_ends = 0
    for checklist_id in CHECKLISTS:
        data = show_json(capsys, municipality, checklist_id)
        for step in data["steps"]:
            if step["type"] == "end" and any(w in step["text"].casefold() for w in NO_DUTY_WORDS):
                assert "no-duty" in step["tags"], f"{checklist_id}/{step['id']} says «no duty» without the tag"
            no_duty_ends += step["type"] == "end" and "no-duty" in step["tags"]
        grounds = [a["label"] for s in data["steps"] for a in s["answers"] if "concrete-ground" in a["tags"]]
        assert grounds, f"{checklist_id}: no answer is marked as a disclosure or violence at home"
        assert no_duty_violations(data) == [], checklist_id
        through_a_ground += sum(1 for path, _ in walks(data) if concrete_ground_taken(path))
    assert no_duty_ends >= 1 and through_a_ground > 50  # the check above has something to check


def test_a_disclosure_leads_at_least_to_discussing_the_case_with_barnevernet(
    capsys: pytest.CaptureFixture[str]
) -> None:
    data = show_json(capsys, "no", "bekymring-barn")
    for path, end in walks(data):
        if concrete_ground_taken(path):
            contacts = {c for step_id, _ in path for s in data["steps"] if s["id"] == step_id
                        for action in s["actions"] for c in action["contacts"]}
            contacts |= {c for action in end["actions"] for c in action["contacts"]}
            assert contacts & {"barnevernstjenesten", "barnevernvakt"}, [step for step, _ in path]


@pytest.mark.parametrize("municipality", NORWEGIAN)
def test_every_acute_end_says_what_comes_after_the_call(capsys: pytest.CaptureFixture[str], municipality: str) -> None:
    contacts = load_handbook(CONTENT, municipality).contacts
    for checklist_id in CHECKLISTS:
        data = show_json(capsys, municipality, checklist_id)
        steps = {s["id"]: s for s in data["steps"]}
        first = steps[data["start"]]
        assert first["text"] == "Er noen i fare akkurat nå?", checklist_id
        yes = next(a for a in first["answers"] if a["label"] == "Ja")
        ends = [end for path, end in walks(data) if path[0][1] == yes]
        assert ends, checklist_id
        for end in ends:
            where = f"{municipality}/{checklist_id}/{end['id']}"
            used = {c for action in end["actions"] for c in action["contacts"]}
            assert {"politi-112", "amk-113"} <= used, where
            follow_up = [
                action["text"] for action in end["actions"]
                if any(contacts[c].phone and contacts[c].verified and contacts[c].phone not in EMERGENCY_NUMBERS
                       for c in action["contacts"])
            ]
            assert follow_up, f"{where}: no follow-up action with a non-emergency number"
            # where to stay tonight, the children at home, and 116 006 (Vold- og overgrepslinjen)
            assert {"krisesenter", "barnevernvakt", "vold-og-overgrepslinjen"} <= used, where
            assert contacts["vold-og-overgrepslinjen"].phone == "116 006"
            if "adults" in data["audience"]:  # after the danger an adult decides, unless avvergeplikt applies
                consent = [a["text"] for a in end["actions"] if "anmeldelse-og-samtykke" in a["basis"]]
                assert consent and any("avvergeplikt" in text for text in consent), where
