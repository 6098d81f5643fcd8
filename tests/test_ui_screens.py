"""Every screen (issue 14): on 1024×768, 1366×768 and scaled screens the window fits, and the home screen, a page
with the find bar and a checklist step show every control whole; at the largest text size the emergency bar still
shows every number whole. Each screen is its own process (tests/screen_probe.py): Qt picks the screen at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # one process per screen

SCREENS = {  # name: (logical width, height, device pixel ratio)
    "1024x768": (1024, 768, 1.0),
    "1366x768": (1366, 768, 1.0),
    "1920x1080 at 125 %": (1536, 864, 1.25),
    "2560x1440 at 200 %": (1280, 720, 2.0),
}


def probe(tmp_path: Path, width: int, height: int, dpr: float, cache: Path) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(REPO),
               VEILEDER_CACHE_DIR=str(cache))
    run = subprocess.run([sys.executable, str(REPO / "tests/screen_probe.py"), "asker"], env=env,
                         capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_control_is_on_the_screen(name: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.ui_support import shared_cache

    width, height, dpr = SCREENS[name]
    result = probe(tmp_path, width, height, dpr, shared_cache(tmp_path_factory))
    assert result["screen"] == [0, 0, width, height] and result["dpr"] == dpr
    assert result["window_inside"], result["frame"]
    assert result["home"] == [], result["home"]
    assert result["find_bar"] and result["page"] == [], result["page"]
    assert result["answers"] >= 2 and result["checklist"] == [], result["checklist"]
    assert result["summary_shown"] and result["summary"] == [], result["summary"]  # its four buttons too
    assert result["emergency_largest"] == [], result["emergency_largest"]
    assert result["window_inside_largest"]
    assert result["emergency_height_default"] == result["emergency_needed_default"] < result["emergency_height"]
