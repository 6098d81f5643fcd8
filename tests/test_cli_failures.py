"""The command line never shows a traceback (issue 12): every failure is a message and a named exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.core import index_store
from handbook.errors import Exit
from tests.conftest import REPO


def test_search_with_an_unreadable_cache_searches_in_memory(
    mini_content: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(root: Path, fingerprint: str) -> Path | None:
        raise PermissionError(13, "Permission denied", str(root))

    monkeypatch.setattr(index_store, "ready_index", unreadable)
    code = main(["--content", str(mini_content), "search", "psykisk vold"])
    out, err = capsys.readouterr()
    assert code == Exit.OK
    assert "Psykisk vold" in out
    assert "søker i minnet" in err and "Traceback" not in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a folder without permissions")
def test_search_with_an_unreadable_cache_folder_in_a_real_process(mini_content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(REPO), "VEILEDER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "handbook", "--content", str(mini_content), "search", "vold"]
    assert subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).returncode == 0
    cache.chmod(0)
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    finally:
        cache.chmod(0o700)
    assert result.returncode == Exit.OK, result.stderr
    assert "Traceback" not in result.stderr and "vold" in result.stdout.lower()


@pytest.mark.parametrize("error, code, words", [
    (PermissionError(13, "Permission denied", "/x/content/packs"), Exit.FILE_ERROR, "/x/content/packs"),
    (RuntimeError("uventet"), Exit.INTERNAL_ERROR, "Meld fra"),
    (RecursionError("maximum recursion depth exceeded"), Exit.INTERNAL_ERROR, "Meld fra"),
])
def test_any_failure_is_a_message_and_a_named_exit_code(
    mini_content: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    error: BaseException, code: Exit, words: str,
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr("handbook.commands.lint.lint", fail)
    assert main(["--content", str(mini_content), "lint"]) == code
    err = capsys.readouterr().err
    assert err.startswith("feil: ") and words in err and "Traceback" not in err


def test_exit_codes_have_names() -> None:
    assert Exit.FILE_ERROR == 5 and Exit.INTERNAL_ERROR == 6 and Exit.INTERRUPTED == 130
