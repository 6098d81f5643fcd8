"""Shared fixtures: offscreen Qt, a private cache folder, and small content trees built per test."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SHARED_FACTS = REPO.parent / "shared" / "facts"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache and config folders: nothing touches the user's real ones."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("VEILEDER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("VEILEDER_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("VEILEDER_CONTENT", raising=False)
    monkeypatch.setenv("VEILEDER_LOG_DIR", str(base / "log"))
    monkeypatch.setenv("VEILEDER_SETTINGS", str(base / "no-packs-folder.ini"))  # no machine-wide packs folder


def write(path: Path, text: str) -> Path:
    """Write dedented text, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def page_text(page_id: str, title: str, body: str, /, **fields: object) -> str:
    """A page with valid front matter; `fields` override or add front-matter lines (raw YAML values)."""
    meta: dict[str, object] = {
        "id": page_id,
        "title": title,
        "kind": "definition",
        "audience": "[adults]",
        "synonyms": "[]",
        "owner": "Koordinator for vold i nære relasjoner",
        "reviewed": "2026-11-01",
        "sources": '["Straffeloven § 282 (overgrep.no)"]',
    }
    meta.update(fields)
    front = "\n".join(f"{k}: {v}" for k, v in meta.items() if v is not None)
    return f"---\n{front}\n---\n{textwrap.dedent(body).lstrip()}"


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A tiny valid content tree: base `no` with three pages and a municipality `by` overlaying one."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "facts", root / "facts")
    write(root / "packs/no/pack.yaml", "id: no\nname: Nasjonal veileder\nlanguage: nb\n")
    write(root / "packs/no/pages/psykisk-vold.md", page_text(
        "psykisk-vold", "Psykisk vold",
        """
        # Psykisk vold
        Trusler, kontroll og nedverdigelse er psykisk vold. Se [fysisk vold](fysisk-vold).

        ## Tegn du kan se etter
        Barnevernstjenesten kan hjelpe. Ring [krisesenteret](contact:krisesenter).
        """,
        synonyms="[trusler, kontroll]",
    ))
    write(root / "packs/no/pages/fysisk-vold.md", page_text(
        "fysisk-vold", "Fysisk vold",
        """
        # Fysisk vold
        Slag, spark og lugging. Mishandling i nære relasjoner er straffbart etter straffeloven § 282.
        """,
    ))
    write(root / "packs/no/pages/opplysningsplikt.md", page_text(
        "opplysningsplikt", "Opplysningsplikt til barnevernet",
        """
        # Opplysningsplikt til barnevernet
        Offentlig ansatte skal melde fra til barnevernstjenesten (barnevernsloven § 13-2).
        Ring 112 ved fare.
        """,
        kind="duty", audience="[children]", synonyms="[bekymringsmelding, meldeplikt]",
        sources='["Barnevernsloven § 13-2 (regjeringen.no)"]',
    ))
    write(root / "packs/no/contacts.yaml", """
        - id: krisesenter
          name: Krisesenteret
          helps_with: Råd og trygt sted å bo
          verified: false
          emergency: true
        - id: politi-112
          name: Politi
          helps_with: Akutt fare
          phone: "112"
          verified: true
          emergency: true
        """)
    write(root / "packs/no/synonyms.yaml", "- [helsesøster, helsesykepleier]\n- [vinr, vold i nære relasjoner]\n")
    write(root / "packs/by/pack.yaml", "id: by\nname: Byen kommune\nlanguage: nb\nbase: no\n")
    write(root / "packs/by/pages/fysisk-vold.md", page_text(
        "fysisk-vold", "Fysisk vold i Byen",
        """
        # Fysisk vold i Byen
        Lokal rutine: ring [krisesenteret](contact:krisesenter).
        """,
    ))
    write(root / "packs/by/contacts.yaml", """
        - id: krisesenter
          name: Byen krisesenter
          helps_with: Råd og trygt sted å bo
          phone: "66 93 23 10"
          verified: true
          emergency: true
        """)
    return root


@pytest.fixture
def opener(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """Opens a municipality's search index from one cache shared by the GUI tests (built once per run)."""
    from tests.ui_support import cached_opener, shared_cache  # Qt: only for the tests that ask for it

    return cached_opener(shared_cache(tmp_path_factory))
