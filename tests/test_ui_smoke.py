"""Smoke mode (issue 5, item 8): `python main.py --smoke` starts, waits for the index, prints timings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # the app in a fresh process


def smoke(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VEILEDER_CACHE_DIR": str(tmp_path / "cache"),
           "VEILEDER_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "main.py", "--smoke", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=180, check=False)


def test_smoke_prints_timings_and_exits_0(tmp_path: Path) -> None:
    first = smoke(tmp_path, "--municipality", "asker")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout.strip().splitlines()[-1])
    assert {"ready_ms", "window_ms", "index_ms"} <= set(report)
    assert report["municipality"] == "asker" and report["home"] is True
    index = tmp_path / "cache" / "index" / "asker"
    built = {p: p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()}
    assert built, "the first start built the index in the user's cache"
    again = smoke(tmp_path, "--municipality", "asker")  # the index is cached now
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout.strip().splitlines()[-1])["home"] is True
    assert {p: p.stat().st_mtime_ns for p in index.rglob("*") if p.is_file()} == built, "opened, not rebuilt"
    assert not (tmp_path / "config" / "veileder.ini").exists()  # smoke mode leaves the settings alone


def test_smoke_with_an_unknown_municipality_exits_3(tmp_path: Path) -> None:
    result = smoke(tmp_path, "--municipality", "atlantis")
    assert result.returncode == 3
    assert "atlantis" in result.stderr


def test_without_a_screen_the_app_says_how_to_start_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py"], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    if sys.platform.startswith("linux"):
        assert result.returncode == 4
        assert "xvfb-run" in result.stderr and "--smoke" in result.stderr


def test_has_display() -> None:
    from handbook.ui.app import has_display

    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert not has_display({}, "linux")
    assert has_display({}, "win32")
