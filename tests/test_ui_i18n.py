"""The translations (Swedish, English) cover every UI string and are compiled from the current sources."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.gui
TRANSLATIONS = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent
SOURCES = sorted((REPO / "handbook" / "ui").glob("*.py"))
PLACEHOLDER = re.compile(r"\{\w*\}")


def tool(name: str) -> str:
    found = BIN / name
    if not found.exists():
        pytest.skip(f"{name} is not installed")
    return str(found)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_ui_string_is_translated(tmp_path: Path, lang: str) -> None:
    ts = tmp_path / f"veileder_{lang}.ts"
    shutil.copy(TRANSLATIONS / ts.name, ts)
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *map(str, SOURCES), "-ts", str(ts)],
                   check=True, capture_output=True)
    unfinished = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            unfinished.append(source)
        else:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text or "")), source
    assert unfinished == [], "run scripts/translations.sh and translate these"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_compiled_translations_match_their_sources(tmp_path: Path, lang: str) -> None:
    qm = tmp_path / f"veileder_{lang}.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TRANSLATIONS / f"veileder_{lang}.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), "run scripts/translations.sh"
