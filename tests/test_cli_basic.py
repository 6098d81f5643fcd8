"""The command line: packs and lint, as an editor or CI uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.errors import Exit
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


def test_a_write_failure_has_its_own_exit_code(mini_content: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["--content", str(mini_content), "export", "html", "-m", "by", "--out", str(blocker / "site")])
    assert code == Exit.FILE_ERROR  # not «not found» (3)
    err = capsys.readouterr().err
    assert "a-file" in err and "Traceback" not in err


def test_every_command_module_exists() -> None:
    from handbook.cli import build_parser
    from handbook.commands import MODULES

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(MODULES)  # a missing module is an error, never silently left out
