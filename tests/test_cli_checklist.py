"""`python -m handbook checklist list|show|run` on a small fixture and on the shipped checklists."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.cli import main
from tests.checklist_helpers import MINI, write_checklist
from tests.conftest import CONTENT, REPO

# A real path through each shipped checklist: (municipality, id, answers, words the summary must hold).
REAL_PATHS = [
    ("no", "bekymring-barn", "2,2,1,1,2,1", ["Meld til barnevernet i dag – uten å varsle foreldrene først",
                                              "Opplæringslova", "Barnevernsloven § 13-2"]),
    ("asker", "voksen-utsatt", "2,1,2,Ja,1,2,2,2", ["Respekter valget", "Straffeloven § 196",
                                                    "Tilby å ringe krisesenteret sammen med personen"]),
    # several concerns at once: violence, economic abuse and neglect each bring their own advice
    ("baerum", "eldre-risikoutsatt", "2,2,1,Ja,Ja,Ja,Nei,2,2,1,1",
     ["Hjelp personen videre med samtykke", "Vern for eldre", "Helsepersonelloven § 21", "Statsforvalteren",
      "Skriv ned hva du har sett, med dato: manglende mat", "Finn ut om noen styrer pengene for personen"]),
    ("hammerfest", "tvangsekteskap-aere", "2,1,2,1,1", ["Det haster", "Kompetanseteamet", "478 09 050"]),
    ("asker", "tvangsekteskap-aere", "2,1,Ja", ["Personen er i utlandet", "Utenriksdepartementets operative senter",
                                                "straffeloven § 253"]),
    ("ullensaker", "akutt-fare", "1", ["Ring 112 nå", "Politiet – nødnummer 112: 112", "113"]),
    ("kramfors", "oro-for-barn", "Nej,1,1,1", ["Gör en orosanmälan genast – och säg inget till familjen",
                                                 "Socialtjänstlag (2025:400)", "Kommun: Kramfors kommun"]),
    ("kramfors", "akut-fara", "Ja", ["Ring 112 nu", "Nödnummer 112: 112", "Kvinnofridslinjen: 020-50 50 50"]),
    ("kramfors", "vuxen-utsatt", "Nej,1,Nej,Ja,3,2,2", ["Respektera valget – och håll dörren öppen",
                                                        "Socialtjänstlag (2025:400)"]),
    ("kramfors", "aldre-utsatt", "Nej,Nej,Ja,Ja,Nej,1,2,2,2", ["Personen kan inte ta till vara sina egna",
                                                               "överförmyndaren", "1177 Vårdguiden: 1177"]),
    ("kramfors", "hedersrelaterat-vald", "Nej,1,Nej,Ja,1", ["Det brådskar", "tillfälligt utreseförbud",
                                                            "LVU) 31 a §", "010-223 57 60"]),
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_defaults_to_the_norwegian_base(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist", "list")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids == ["akutt-fare", "bekymring-barn", "eldre-risikoutsatt", "tvangsekteskap-aere", "voksen-utsatt"]


def test_list_json_for_a_swedish_municipality(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist", "list", "--municipality", "kramfors", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["pack"]) for r in rows] == [(i, "se") for i in (
        "akut-fara", "aldre-utsatt", "hedersrelaterat-vald", "oro-for-barn", "vuxen-utsatt")]
    assert rows[3]["title"].startswith("Oro för ett barn") and rows[3]["version"] == "1.1"


def test_list_shows_a_local_override(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    write_checklist(mini_content, MINI.replace("title: Mini-sjekkliste", "title: Byens sjekkliste"), pack="by")
    _, out, _ = run(capsys, "--content", str(mini_content), "checklist", "list", "-m", "by", "--json")
    assert [(r["id"], r["title"], r["pack"]) for r in json.loads(out)] == [("mini", "Byens sjekkliste", "by")]
    _, out, _ = run(capsys, "--content", str(mini_content), "checklist", "list", "--json")
    assert [(r["id"], r["pack"]) for r in json.loads(out)] == [("mini", "no")]


def test_show_json_has_steps_and_edges(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    code, out, _ = run(capsys, "--content", str(mini_content), "checklist", "show", "mini", "--json")
    data = json.loads(out)
    assert code == 0 and data["start"] == "fare" and data["version"] == "1"
    assert [s["id"] for s in data["steps"]] == ["fare", "akutt", "grunn", "rad", "meld", "folg"]
    assert {(e["from"], e["to"], e["label"]) for e in data["edges"]} == {
        ("fare", "akutt", "Ja"), ("fare", "grunn", "Nei"), ("grunn", "rad", "Ja"), ("grunn", "folg", "Nei"),
        ("rad", "meld", None),
    }
    meld = next(s for s in data["steps"] if s["id"] == "meld")
    assert meld["actions"][0]["contacts"] == ["krisesenter", "politi-112"]


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist", "show", "akutt-fare")
    assert code == 0
    assert "[fare] question: Er noen i fare akkurat nå?" in out and "    1. Ja → akutt" in out
    assert "    1. Vold med skader → skader (concrete-ground)" in out


def test_show_gives_the_tags_of_answers_and_ends(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklist", "show", "bekymring-barn")
    assert code == 0 and "[folg-med] end (no-duty): Du har ikke plikt til å melde nå." in out
    code, out, _ = run(capsys, "checklist", "show", "bekymring-barn", "--json")
    steps = {s["id"]: s for s in json.loads(out)["steps"]}
    assert steps["folg-med"]["tags"] == ["no-duty"] and steps["politi"]["tags"] == []
    assert [a["tags"] for a in steps["hva"]["answers"]] == [["concrete-ground"], [], ["concrete-ground"], []]


def test_run_prints_the_summary(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    code, out, _ = run(capsys, "--content", str(mini_content), "checklist", "run", "mini", "--answers", "Nei,1")
    assert code == 0
    assert out.startswith("Sjekkliste: Mini-sjekkliste (mini, versjon 1, gjennomgått 2026-11-01)\n")
    assert f"Dato: {dt.date.today().isoformat()}" in out
    assert "Resultat:\nMeld til barnevernet i dag." in out
    assert "1. Er noen i fare akkurat nå? → Nei\n2. Har du grunn til å tro at barnet er utsatt? → Ja" in out
    assert "Kontakt: Krisesenteret: nummer mangler – ikke bekreftet" in out


def test_run_json(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    code, out, _ = run(capsys, "--content", str(mini_content), "checklist", "run", "mini", "-a", "2,2", "--json",
                       "-m", "by")
    data = json.loads(out)
    assert code == 0 and data["complete"] and data["outcome"] == "Følg med."
    assert data["municipality"] == "Byen kommune" and data["date"] == dt.date.today().isoformat()
    assert [p["answer"] for p in data["path"]] == ["Nei", "Nei"]
    assert data["actions"][0]["basis"][0]["citation"] == "Barnevernsloven § 13-2"
    assert data["text"].startswith("Sjekkliste: Mini-sjekkliste")


def test_a_bad_answer_names_the_step(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    code, out, err = run(capsys, "--content", str(mini_content), "checklist", "run", "mini", "--answers", "2,kanskje")
    assert code == 2 and out == ""
    assert "ugyldig svar 'kanskje' på steg 'grunn' («Har du grunn til å tro at barnet er utsatt?»)" in err
    assert "1 = Ja; 2 = Nei" in err


def test_too_few_answers_name_the_step(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_checklist(mini_content)
    code, _, err = run(capsys, "--content", str(mini_content), "checklist", "run", "mini", "--answers", "2")
    assert code == 2 and "svarene sluttet ved steg 'grunn'" in err


def test_unknown_checklist(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "checklist", "run", "finnes-ikke", "--answers", "1")
    assert code == 3 and "ukjent sjekkliste 'finnes-ikke'" in err


def test_a_broken_checklist_is_a_content_error(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_checklist(mini_content, MINI.replace("next: folg}", "next: fare}"))
    code, _, err = run(capsys, "--content", str(mini_content), "checklist", "run", "mini", "--answers", "1")
    assert code == 1 and f"{path}:" in err and "loop" in err


def test_no_action_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "checklist")
    assert code == 2 and "list" in err and "run" in err


@pytest.mark.parametrize(("municipality", "checklist_id", "answers", "expected"), REAL_PATHS)
def test_a_real_path_through_each_shipped_checklist(
    capsys: pytest.CaptureFixture[str], municipality: str, checklist_id: str, answers: str, expected: list[str]
) -> None:
    code, out, err = run(capsys, "checklist", "run", checklist_id, "-m", municipality, "--answers", answers)
    assert code == 0, err
    for words in expected:
        assert words in out, words
    headings = ("Grund:", "Lagstöd och källor:") if municipality == "kramfors" else ("Grunnlag:", "Lovgrunnlag og")
    for heading in ("Resultat:", "Kontakt:", *headings):
        assert heading in out, heading


def test_real_paths_cover_every_shipped_checklist() -> None:
    covered = {checklist_id for _, checklist_id, _, _ in REAL_PATHS}
    shipped = {p.stem for p in (CONTENT / "packs").glob("*/checklists/*.yaml")}
    assert covered == shipped


def test_as_a_module(mini_content: Path) -> None:
    write_checklist(mini_content)
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "--content", str(mini_content), "checklist", "run", "mini", "-a", "1"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Resultat:\nRing 112 nå." in result.stdout
