"""Content as untrusted input (issue 12): hostile content makes `lint`, `export html` and the app's start
finish, name each problem as path:line, and leave the rest of the handbook working. No exported file links to
a forbidden scheme or fetches anything from elsewhere.

The subprocess timeouts are hang guards (a FIFO or /dev/zero would block for ever), not timing assertions.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.hostile_support import FORBIDDEN_LINKS, PACK, Fault, build

pytestmark = pytest.mark.slow  # lint, --smoke and export in fresh processes over hostile content

HANG_GUARD = 240  # seconds


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Build the hostile content once and run lint, export html and the smoke start on it."""
    root = tmp_path_factory.mktemp("hostile")
    content, faults = build(root)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "VEILEDER_CACHE_DIR": str(root / "cache"), "VEILEDER_CONFIG_DIR": str(root / "config"),
           "VEILEDER_CONTENT": str(content)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=HANG_GUARD, check=False)

    site = root / "site"
    return {
        "content": content,
        "pack": content / "packs" / PACK,
        "faults": faults,
        "site": site,
        "lint": run("-m", "handbook", "--content", str(content), "lint", "--municipality", PACK),
        "export": run("-m", "handbook", "--content", str(content), "export", "html", "--municipality", PACK,
                      "--out", str(site)),
        "smoke": run("main.py", "--smoke", "--municipality", PACK),
    }


def _faults() -> list[Fault]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return build(Path(folder))[1]


FAULTS = _faults()


def test_lint_finishes_and_fails_with_a_report(hostile: dict[str, Any]) -> None:
    result = hostile["lint"]
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert " feil, " in result.stdout  # the summary line: lint reached its end


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_lint_names_each_fault_with_path_and_line(hostile: dict[str, Any], fault: Fault) -> None:
    where = f"{hostile['pack'] / fault.file}:{fault.line}: error: "
    lines = [line for line in hostile["lint"].stdout.splitlines() if line.startswith(where)]
    assert lines, f"{where} not in lint's output"
    assert any(fault.words in line for line in lines), lines


def test_the_rest_of_the_handbook_still_lints_clean(hostile: dict[str, Any]) -> None:
    """Only the hostile pack is reported: the base pack's pages are read and checked as usual."""
    errors = [line for line in hostile["lint"].stdout.splitlines() if ": error: " in line]
    assert errors and all(f"/packs/{PACK}/" in line for line in errors)


def test_the_app_starts_and_lists_the_problems(hostile: dict[str, Any]) -> None:
    result = hostile["smoke"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["home"] is True and report["municipality"] == PACK
    no_pages = len(list((hostile["content"] / "packs" / "no" / "pages").glob("*.md")))
    assert report["pages"] >= no_pages + 2  # the base pack's pages, the good page and the link page
    issues = "\n".join(report["issues"])
    for name in ("pages/fifo.md:1:", "pages/null.md:1:", "pages/bombe.md:4:", "pages/dyp.md:3:",
                 "pages/stor.md:1:", "pages/tabell.md:", "pages/farlige-lenker.md:13:"):
        assert f"{hostile['pack']}/{name}" in issues, name


def test_export_html_finishes_reports_and_writes_the_good_pages(hostile: dict[str, Any]) -> None:
    result = hostile["export"]
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("pages/fifo.md:1:", "pages/null.md:1:", "pages/bombe.md:4:", "checklists/dyp.yaml:2:",
                 "pages/farlige-lenker.md:13:", "pages/farlige-bilder.md:13:"):
        assert f"{hostile['pack']}/{name}" in result.stderr, name
    site: Path = hostile["site"]
    assert (site / "pages" / "opplysningsplikt-barnevern.html").is_file()  # the base pack is all there
    assert (site / "pages" / "god-side.html").is_file()
    assert not (site / "pages" / "fifo.html").exists() and not (site / "pages" / "stor.html").exists()
    # The picture from the pack travels with the site; nothing else is copied.
    assert [p.relative_to(site).as_posix() for p in (site / "images").rglob("*") if p.is_file()] == [
        f"images/{PACK}/bilder/kart.png"
    ]
    page = (site / "pages" / "god-side.html").read_text(encoding="utf-8")
    assert f'src="../images/{PACK}/bilder/kart.png"' in page
    assert 'href="https://www.bufdir.no/vold/"' in page and 'href="mailto:post@fiende.kommune.no"' in page


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, name, value or "") for name, value in attrs]


def test_no_exported_file_links_to_a_forbidden_scheme_or_a_remote_resource(hostile: dict[str, Any]) -> None:
    site: Path = hostile["site"]
    files = [p for p in site.rglob("*") if p.is_file()]
    assert len(files) > 50
    for path in files:
        if path.suffix == ".png":
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".css", ".js"):
            assert not re.search(r"url\(\s*['\"]?(?:[a-z][a-z0-9+.-]*:|//)", text, re.IGNORECASE), path
            assert not re.search(r"\b(?:fetch|XMLHttpRequest|importScripts)\b", text), path  # nothing fetched
            continue
        if path.suffix != ".html":
            continue
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]", text), path
        parser = _Attributes()
        parser.feed(text)
        for tag, name, value in parser.found:
            where = f"{path.relative_to(site)}: <{tag} {name}={value!r}>"
            assert not name.startswith("on"), where
            lowered = value.strip().lower()
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "background", "data"):
                assert not lowered.startswith(FORBIDDEN_LINKS), where
            if name in ("src", "srcset", "poster", "background", "data") or (tag == "link" and name == "href"):
                assert ":" not in lowered and not lowered.startswith("//"), where  # only files of the site
            if name == "style":
                assert "url(" not in lowered, where
    lenker = (site / "pages" / "farlige-lenker.html").read_text(encoding="utf-8")
    assert "klikk" in lenker and "passord" in lenker  # the links' words are shown, as text
    bilder = (site / "pages" / "farlige-bilder.html").read_text(encoding="utf-8")
    assert "<img" not in bilder and "[sporing]" in bilder
    assert "Ring 211 nå." in (site / "pages" / "usynlig.html").read_text(encoding="utf-8")  # controls removed


def test_the_long_chain_checklist_is_walked_in_the_site(hostile: dict[str, Any]) -> None:
    page = (hostile["site"] / "checklists" / "lang.html").read_text(encoding="utf-8")
    assert "Steg 2998." in page and "Slutt." in page
