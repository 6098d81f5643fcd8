"""The command line: packs and lint, as an editor or CI uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.cli import main
from tests.conftest import page_text, write


def test_packs_json(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(mini_content), "packs", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["language"], r["pages"]) for r in rows] == [("no", "nb", 3), ("by", "nb", 3)]


def test_lint_ok_exits_zero(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(mini_content), "lint"]) == 0
    assert "0 feil" in capsys.readouterr().out


def test_lint_error_prints_path_line_and_exits_one(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nSe [borte](borte).\n"))
    assert main(["--content", str(mini_content), "lint", "--municipality", "by"]) == 1
    assert f"{path}:12: error: broken link: no page 'borte'" in capsys.readouterr().out


def test_lint_json(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", reviewed="2020-01-01"))
    assert main(["--content", str(mini_content), "lint", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["id"] for o in data["overdue"]] == ["x"]
    assert data["issues"][0]["level"] == "warning"


def test_unknown_municipality_is_a_clear_message(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(mini_content), "lint", "-m", "oslo"]) == 3
    assert "unknown municipality or pack 'oslo'" in capsys.readouterr().err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "lint" in capsys.readouterr().out
