"""The exported site and the brochure in headless Chromium: reflow at 320 px (WCAG 1.4.10) and axe-core.

axe-core (the rules engine behind most accessibility checkers) comes from npm into build/axe-core/
(`scripts/install-axe-core.sh`, run by `make test-deps`); it runs inside the page with the WCAG 2.1 A/AA and
the best-practice rules.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.core.content import list_packs, load_handbook
from handbook.core.site import export_site
from tests.chromium import Browser, Tab, find_chromium
from tests.conftest import CONTENT, REPO

MUNICIPALITIES = [p.id for p in list_packs(CONTENT)]
TODAY = dt.date(2026, 12, 1)
AXE = REPO / "build" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NARROW = 320  # CSS pixels: WCAG 1.4.10 reflow


def _missing(what: str, how: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: {how}")
    pytest.skip(f"{what} is not installed ({how})")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        _missing("Chromium", "`make test-deps` installs it")
    chrome = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))  # type: ignore[arg-type]
    try:
        yield chrome
    finally:
        chrome.close()


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.is_file():
        _missing("axe-core", "`make test-deps` runs scripts/install-axe-core.sh")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=MUNICIPALITIES)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The site and, beside it, the brochure as HTML (through the CLI, as an editor makes it)."""
    municipality = request.param
    folder = tmp_path_factory.mktemp(f"a11y-{municipality}")
    export_site(load_handbook(CONTENT, municipality), folder / "site", TODAY)
    done = subprocess.run([sys.executable, "-m", "handbook", "export", "brochure", "-m", municipality,
                           "--out", str(folder / "brosjyre.html")], cwd=REPO, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    return municipality, folder


def _documents(folder: Path) -> list[Path]:
    return [*sorted((folder / "site").rglob("*.html")), folder / "brosjyre.html"]


def _narrow(tab: Tab) -> None:
    tab.send("Emulation.setDeviceMetricsOverride",
             {"width": NARROW, "height": 640, "deviceScaleFactor": 1, "mobile": False})


def _sideways(tab: Tab) -> dict[str, object] | None:
    """None when the page fits the viewport's width; else the widths and the elements that stick out."""
    return tab.js(
        "(() => { const root = document.documentElement, width = root.clientWidth;"
        " if (root.scrollWidth <= width) return null;"
        " const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1)"
        "   .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': '"
        "   + (e.textContent || '').trim().slice(0, 50));"
        " return {scroll: root.scrollWidth, client: width, elements: out}; })()"
    )


def _axe(tab: Tab, source: str) -> list[str]:
    """The axe-core violations on the loaded page, one line each."""
    if not tab.js("typeof window.axe === 'object'"):
        tab.js(source)
    found = tab.js(
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(AXE_TAGS)}}}, resultTypes: ['violations']}})"
        ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
        ".map(n => n.target.join(' ')).join(', ')))"
    )
    return list(found)


@pytest.mark.slow
def test_no_exported_page_scrolls_sideways_at_320_px(exported: tuple[str, Path], browser: Browser) -> None:
    _, folder = exported
    wide: list[str] = []
    with browser.tab() as tab:
        _narrow(tab)
        for path in _documents(folder):
            tab.load(path.as_uri())
            problem = _sideways(tab)
            if problem:
                wide.append(f"{path.relative_to(folder)}: {problem}")
    assert wide == [], f"{len(wide)} pages scroll sideways at {NARROW} px:\n" + "\n".join(wide[:10])


@pytest.mark.slow
def test_axe_core_finds_nothing_on_the_site_and_the_brochure(
    exported: tuple[str, Path], browser: Browser, axe: str
) -> None:
    """Every page of the site (the search page with results shown) and the brochure, wide and narrow."""
    municipality, folder = exported
    handbook = load_handbook(CONTENT, municipality)
    # An overlay's base pages are the base pack's own files (checked there): check the overlay's own pages.
    inherited = {f"{p.id}.html" for p in handbook.pages.values() if p.pack != municipality}
    found: list[str] = []
    with browser.tab() as tab:
        for path in _documents(folder):
            if path.parent.name == "pages" and path.name in inherited:
                continue
            tab.load(path.as_uri())
            if path.name == "search.html":
                first_word = next(iter(handbook.pages.values())).title.split()[0]
                tab.js(f"window.veilederSearch && window.veilederSearch({json.dumps(first_word)})")
            found += [f"{path.relative_to(folder)}: {v}" for v in _axe(tab, axe)]
        _narrow(tab)
        for path in (folder / "site" / "index.html", folder / "brosjyre.html"):
            tab.load(path.as_uri())
            found += [f"{path.relative_to(folder)} at {NARROW} px: {v}" for v in _axe(tab, axe)]
    assert found == [], "\n".join(found[:20])


def test_the_checks_can_fail(tmp_path: Path, browser: Browser, axe: str) -> None:
    """A page that is too wide and has two search landmarks of the same name is caught by both checks."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head><body>'
        '<main><h1>Feil</h1><form role="search"><label>Søk <input type="search"></label></form>'
        '<form role="search"><label>Søk <input type="search"></label></form>'
        f'<pre>{"x" * 400}</pre></main></body></html>',
        encoding="utf-8",
    )
    with browser.tab() as tab:
        _narrow(tab)
        tab.load(page.as_uri())
        assert _sideways(tab) is not None
        assert any(v.startswith("landmark-unique") for v in _axe(tab, axe))
