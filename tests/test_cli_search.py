"""`python -m handbook search` and `index`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.errors import Exit
from tests.conftest import REPO

KEYS = {"id", "title", "kind", "type", "score", "snippet", "path"}
CONTACT_KEYS = KEYS | {"phone", "hours"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_search_json_is_ranked(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "psykisk vold", "--json")
    hits = json.loads(out)
    assert code == Exit.OK
    assert [h["id"] for h in hits][:1] == ["psykisk-vold"]
    assert hits and all(set(h) == (CONTACT_KEYS if h["type"] == "contact" else KEYS) for h in hits)
    assert hits[0]["path"].endswith("psykisk-vold.md") and hits[0]["kind"] == "definition"


def test_search_finds_a_contact_with_its_number(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "krisesenter telefon", "-m", "by", "--json")
    contact = next(h for h in json.loads(out) if h["type"] == "contact")
    assert code == Exit.OK and (contact["id"], contact["phone"]) == ("krisesenter", "66 93 23 10")
    code, out = run(capsys, "--content", str(mini_content), "search", "krisesenter telefon", "-m", "by")
    assert "[contact:krisesenter, contact]" in out and "Telefon 66 93 23 10" in out


def test_search_municipality_and_limit(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "vold", "-m", "by", "--limit", "1", "--json")
    hits = json.loads(out)
    assert code == Exit.OK and len(hits) == 1


def test_search_text_output_and_snippet(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "trusler")
    assert code == Exit.OK
    assert "Psykisk vold  [psykisk-vold, definition]" in out
    assert "Trusler, kontroll" in out and "<b>" not in out


def test_search_text_shows_the_suggestion(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "opplysnigsplikt")
    assert code == Exit.OK
    assert "Mente du «opplysningsplikt»?" in out


def test_search_without_hits(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "search", "qqqqzz")
    assert code == Exit.OK and "Ingen treff" in out
    code, out = run(capsys, "--content", str(mini_content), "search", "qqqqzz", "--json")
    assert json.loads(out) == []


def test_search_unknown_municipality(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(mini_content), "search", "vold", "-m", "atlantis"]) == Exit.NOT_FOUND
    assert "atlantis" in capsys.readouterr().err


def test_index_all_packs_then_unchanged_then_rebuild(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--content", str(mini_content), "index")
    assert code == Exit.OK
    assert [line.split(":")[0] for line in out.splitlines()] == ["no", "by"]
    assert out.count("bygget") == 2
    _, out = run(capsys, "--content", str(mini_content), "index", "-m", "by")
    assert out.startswith("by: 3 sider, uendret")
    _, out = run(capsys, "--content", str(mini_content), "index", "-m", "by", "--rebuild")
    assert out.startswith("by: 3 sider, bygget")


def test_real_content_smoke() -> None:
    """The command from the issue: ranked JSON for the shipped Bærum handbook (in a fresh process)."""
    done = subprocess.run(
        [sys.executable, "-m", "handbook", "search", "opplysningsplikten", "--municipality", "baerum", "--json"],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert isinstance(hits, list) and hits
    assert all(set(h) == (CONTACT_KEYS if h["type"] == "contact" else KEYS) for h in hits)
    assert hits[0]["id"].startswith("opplysningsplikt")
