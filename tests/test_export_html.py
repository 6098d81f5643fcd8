"""`export html`: the static site for every municipality, checked as files and in real headless Chromium."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import re
import stat
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbook.core.checklist import load_checklists
from handbook.core.content import list_packs, load_handbook
from handbook.core.site import MARKER, export_site
from handbook.errors import HandbookError
from tests.chromium import Browser, Tab, find_chromium
from tests.conftest import CONTENT, REPO

MUNICIPALITIES = [p.id for p in list_packs(CONTENT)]
TODAY = dt.date(2026, 12, 1)
UNVERIFIED = {"nb": "ikke bekreftet", "nn": "ikkje stadfesta", "sv": "ej bekräftat"}


class Parsed(HTMLParser):
    """The parts of an HTML file the checks need: tags with attributes, ids, text by tag."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data

    def attr(self, tag: str, name: str) -> list[str]:
        return [a[name] for t, a in self.tags if t == tag and name in a]


@functools.cache
def _parsed(path: Path) -> Parsed:
    return Parsed(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=MUNICIPALITIES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    municipality = request.param
    out = tmp_path_factory.mktemp(f"site-{municipality}") / "site"
    export_site(load_handbook(CONTENT, municipality), out, TODAY)
    return municipality, out


def _html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


# ---------------------------------------------------------------------------- the files


def test_every_page_contact_and_checklist_is_exported(site: tuple[str, Path]) -> None:
    municipality, out = site
    handbook = load_handbook(CONTENT, municipality)
    for page in handbook.pages.values():
        path = out / "pages" / f"{page.id}.html"
        assert path.is_file(), page.id
        text = path.read_text(encoding="utf-8")
        assert page.owner in text.replace("&#x27;", "'")
        assert page.reviewed is None or page.reviewed.isoformat() in text
        assert 'class="sources"' in text
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('href="pages/') >= len(handbook.pages)
    contacts = _parsed(out / "contacts.html")
    for contact in handbook.contacts.values():
        assert f"contact-{contact.id}" in contacts.ids
    checklists, _ = load_checklists(handbook)
    for checklist in checklists.values():
        page = _parsed(out / "checklists" / f"{checklist.id}.html")
        for step in checklist.steps:
            assert f"step-{step.id}" in page.ids, (checklist.id, step.id)
    assert (out / "assets" / "search-index.js").read_text(encoding="utf-8").startswith("/*")
    assert (out / MARKER).is_file()


def test_unverified_contacts_are_plainly_marked(site: tuple[str, Path]) -> None:
    municipality, out = site
    handbook = load_handbook(CONTENT, municipality)
    text = (out / "contacts.html").read_text(encoding="utf-8")
    word = UNVERIFIED[handbook.language]
    for contact in handbook.contacts.values():
        start = text.index(f'id="contact-{contact.id}"')
        card = text[start:text.index("</li>", start)]
        badge = f'<span class="unverified">{word}</span>'
        assert (badge in card) == (not contact.verified), contact.id


def test_accessible_structure_on_every_page(site: tuple[str, Path]) -> None:
    municipality, out = site
    language = load_handbook(CONTENT, municipality).language
    for path in _html_files(out):
        page = _parsed(path)
        html_tags = [a for t, a in page.tags if t == "html"]
        assert html_tags and html_tags[0].get("lang") == language, path
        assert len(page.h1) == 1 and page.h1[0].strip(), f"{path}: exactly one non-empty <h1>"
        assert "main" in page.ids and any(t == "main" for t, _ in page.tags), path
        assert any(t == "a" and a.get("class") == "skip-link" and a.get("href") == "#main" for t, a in page.tags)
        assert all(a.get("aria-label") for t, a in page.tags if t == "nav"), f"{path}: every <nav> is labelled"
        assert any(t == "header" for t, _ in page.tags) and any(t == "footer" for t, _ in page.tags)
        for t, a in page.tags:
            if t == "input" and a.get("type") != "hidden":
                assert a.get("id") and a["id"] in page.attr("label", "for"), f"{path}: input without a label"


def test_nothing_is_loaded_from_outside(site: tuple[str, Path]) -> None:
    _, out = site
    outside = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
    for path in _html_files(out):
        page = _parsed(path)
        for tag, attrs in page.tags:
            for name in ("src", "srcset", "data", "poster"):
                assert not outside.match(attrs.get(name, "")), f"{path}: <{tag} {name}> loads from outside"
            if tag == "link":
                assert not outside.match(attrs.get("href", "")), f"{path}: <link> loads from outside"
        assert "@import" not in path.read_text(encoding="utf-8")
    for asset in (out / "assets").iterdir():
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import|@font-face", text), asset
        if asset.name == "search.js":
            assert "fetch(" not in text and "XMLHttpRequest" not in text


def test_every_relative_link_resolves(site: tuple[str, Path]) -> None:
    _, out = site
    for path in _html_files(out):
        page = _parsed(path)
        for href in page.attr("a", "href") + page.attr("link", "href") + page.attr("script", "src"):
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # outside links (https:, tel:, mailto:) are hyperlinks, never loaded by themselves
            target = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), f"{path}: link to missing {href}"
            assert out.resolve() in target.parents, f"{path}: link leaves the site: {href}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in _parsed(target).ids, f"{path}: no #{parts.fragment} in {target.name}"


def test_contrast_of_the_colours_meets_wcag_aa() -> None:
    css = (REPO / "resources/site/style.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def ratio(a: str, b: str) -> float:
        high, low = sorted((luminance(colours[a]), luminance(colours[b])), reverse=True)
        return (high + 0.05) / (low + 0.05)

    pairs = [("text", "bg"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("link-visited", "bg"),
             ("link", "panel"), ("header-text", "header-bg"), ("emergency-text", "emergency-bg"),
             ("warn-text", "warn-bg"), ("overdue-text", "panel"), ("focus-text", "focus"), ("text", "panel")]
    for fg, bg in pairs:
        assert ratio(fg, bg) >= 4.5, f"{fg} on {bg}: {ratio(fg, bg):.2f}"
    assert ratio("focus", "header-bg") >= 3, "the focus ring must stand out on the header (non-text contrast)"


def test_labels_have_the_same_words_in_every_language() -> None:
    data = yaml.safe_load((REPO / "resources/site/labels.yaml").read_text(encoding="utf-8"))

    def keys(mapping: dict[str, object], prefix: str = "") -> set[str]:
        found = set()
        for key, value in mapping.items():
            found |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return found

    assert keys(data["nb"]) == keys(data["nn"]) == keys(data["sv"])


def test_a_second_export_replaces_the_first(mini_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "site"
    handbook = load_handbook(mini_content, "by")
    export_site(handbook, out, TODAY)
    (out / "pages" / "stale.html").write_text("old", encoding="utf-8")
    export_site(handbook, out, TODAY)
    assert not (out / "pages" / "stale.html").exists()
    assert (out / "pages" / "fysisk-vold.html").is_file()
    assert [p.name for p in out.parent.iterdir()] == ["site"], "no build folders are left behind"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_site_folder_is_readable_by_a_web_server(mini_content: Path, tmp_path: Path) -> None:
    """Built in a private temp folder, the site still ends up with the ordinary folder mode (umask 022)."""
    out = tmp_path / "site"
    old = os.umask(0o022)
    try:
        export_site(load_handbook(mini_content, "by"), out, TODAY)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o644


def test_refuses_a_folder_that_is_not_an_export(mini_content: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(HandbookError, match="not empty"):
        export_site(load_handbook(mini_content, "by"), tmp_path, TODAY)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_cli_writes_the_site_and_reports_bad_input_without_a_traceback(mini_content: Path, tmp_path: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "handbook", "--content", str(mini_content), "export", *args],
                              cwd=REPO, capture_output=True, text=True, check=False)

    done = cli("html", "--municipality", "by", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    unknown = cli("html", "--municipality", "nowhere", "--out", str(tmp_path / "x"))
    assert unknown.returncode == 3 and "nowhere" in unknown.stderr and "Traceback" not in unknown.stderr
    (mini_content / "packs/by/pages/odd.md").write_text("---\nid: [broken\n---\n# x\n", encoding="utf-8")
    broken = cli("html", "--municipality", "by", "--out", str(tmp_path / "site2"))
    assert broken.returncode == 0 and "odd.md:" in broken.stderr and "Traceback" not in broken.stderr
    strict = cli("html", "--municipality", "by", "--out", str(tmp_path / "site3"), "--strict")
    assert strict.returncode == 1 and "odd.md:" in strict.stderr and not (tmp_path / "site3").exists()


# ---------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test-deps` installs it")
        pytest.skip("Chromium is not installed (`make test-deps` installs it)")
    chrome = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield chrome
    finally:
        chrome.close()


def _local_only(urls: list[str], allowed: tuple[str, ...] = ("file://",)) -> list[str]:
    return [u for u in urls if not u.startswith((*allowed, "data:", "about:"))]


@pytest.mark.slow
def test_site_loads_and_every_link_resolves_in_chromium(site: tuple[str, Path], browser: Browser) -> None:
    """Crawl the site from its home page. An overlay's base pages are the same files as in the base pack's
    site (crawled in full there), so for an overlay only its own pages and the shared pages are opened; the
    links to the others must still point at existing files and anchors."""
    municipality, out = site
    handbook = load_handbook(CONTENT, municipality)
    skip = {(out / "pages" / f"{p.id}.html").as_uri() for p in handbook.pages.values() if p.pack != municipality}
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    todo = [(out / "index.html").as_uri()]
    with browser.tab() as tab:
        while todo:
            url = todo.pop()
            if url in ids or url in skip:
                continue
            tab.load(url)
            state = tab.js("({title: document.title, main: !!document.querySelector('main h1'),"
                           " css: getComputedStyle(document.body).fontFamily,"
                           " ids: [...document.querySelectorAll('[id]')].map(e => e.id),"
                           " links: [...document.querySelectorAll('a[href]')].map(a => a.href)})")
            assert state["title"] and state["main"], f"{url} did not load"
            assert "system-ui" in state["css"], f"{url}: the style sheet did not load"
            ids[url] = set(state["ids"])
            for link in state["links"]:
                if link.startswith("file://"):
                    links.append((url, link))
                    todo.append(link.partition("#")[0])
        assert _local_only(tab.requested_urls()) == []
        assert tab.console_errors() == []
    assert set(ids) | skip >= {p.as_uri() for p in _html_files(out)}, "every page is reachable from the home page"
    for source, link in links:
        target, _, fragment = link.partition("#")
        path = Path(urllib.parse.unquote(urllib.parse.urlsplit(target).path))
        assert target in ids or path.is_file(), f"{source} → {link}: does not load"
        known = ids[target] if target in ids else _parsed(path).ids
        assert not fragment or urllib.parse.unquote(fragment) in known, f"{source} → {link}: no such anchor"


def _search(tab: Tab, query: str) -> list[str]:
    """Run the page's search for `query` and return the result links in order."""
    return tab.js(
        f"(() => {{ window.veilederSearch({json.dumps(query)});"
        " return [...document.querySelectorAll('#search-results li:not(.suggestion) a')]"
        ".map(a => a.getAttribute('href')); })()"
    )


@pytest.mark.slow
def test_search_finds_a_page_in_chromium(site: tuple[str, Path], browser: Browser) -> None:
    municipality, out = site
    handbook = load_handbook(CONTENT, municipality)
    page = next(p for p in handbook.pages.values() if p.kind == "duty") if handbook.pages_of_kind("duty") else \
        next(iter(handbook.pages.values()))
    with browser.tab() as tab:
        query = urllib.parse.quote(page.title)
        tab.load((out / "search.html").as_uri() + f"?q={query}")
        hits = tab.js("[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))")
        assert hits and hits[0] == f"pages/{page.id}.html", f"{page.title!r}: {hits[:3]}"
        assert "«" in tab.js("document.getElementById('search-status').textContent")
        # Typing in the field updates the results as a user types.
        tab.js("document.getElementById('q').value = ''; document.getElementById('q').focus()")
        word = page.synonyms[0] if page.synonyms else page.title.split()[0]
        tab.type_text(word)
        typed = tab.js("[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))")
        assert f"pages/{page.id}.html" in typed[:10], f"typing {word!r}: {typed[:10]}"
        assert tab.js("document.querySelectorAll('#search-results mark').length") > 0
        assert _search(tab, "xqzzyv") == []
        assert _local_only(tab.requested_urls()) == []
        assert tab.console_errors() == []


def test_search_handles_compounds_synonyms_and_typos_in_chromium(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "site"
    export_site(load_handbook(CONTENT, "no"), out, TODAY)
    with browser.tab() as tab:
        tab.load((out / "search.html").as_uri())
        assert "pages/barnevernstjenesten.html" in _search(tab, "tjenesten")[:10]  # part of a compound
        assert "pages/helsestasjon-og-skolehelsetjeneste.html" in _search(tab, "helsesøster")[:5]
        # A typo is corrected as in the app: the page comes first, with «Mente du …?» above it.
        assert _search(tab, "bekymringsmeldnig")[0] == "pages/bekymringsmelding.html"
        suggestion = tab.js("document.querySelector('#search-results .suggestion a')?.textContent")
        assert suggestion == "bekymringsmelding"
        # A question finds the page, a contact shows its number, a checklist is one of its own kind.
        assert "pages/samtale-med-barn.html" in _search(tab, "hvordan snakker jeg med et barn om vold")[:3]
        assert "contacts.html#contact-politi-112" in _search(tab, "ringe 112")[:3]
        assert tab.js("[...document.querySelectorAll('#search-results .result-answer')]"
                      ".some(p => p.textContent.includes('112'))")
        assert "checklists/akutt-fare.html" in _search(tab, "sjekkliste akutt fare")[:3]
        assert tab.js("document.querySelector('#search-results .result-checklist .result-kind').textContent")
        for hostile in ('"((* ', "*", "AND OR NOT", "x" * 2000, "<script>alert(1)</script>"):
            _search(tab, hostile)
        assert tab.js("document.querySelectorAll('#search-results script').length") == 0
        assert tab.console_errors() == []


def test_keyboard_skip_link_and_focus_in_chromium(site: tuple[str, Path], browser: Browser) -> None:
    _, out = site
    with browser.tab() as tab:
        tab.load((out / "contacts.html").as_uri())
        tab.key("Tab", "Tab", 9)
        assert tab.js("document.activeElement.className") == "skip-link"
        assert tab.js("getComputedStyle(document.activeElement).top") != "-160px", "the skip link shows on focus"
        outline = tab.js("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "focus is visible"
        tab.key("Enter", "Enter", 13, "\r")
        assert tab.js("location.hash") == "#main"
        assert tab.js("document.activeElement.id") == "main"
        tab.key("Tab", "Tab", 9)
        assert tab.js("document.activeElement.tagName") == "A", "Tab goes on to the first link in the content"


@pytest.mark.slow
def test_site_works_from_a_local_web_server_in_chromium(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "site"
    export_site(load_handbook(CONTENT, "kramfors" if "kramfors" in MUNICIPALITIES else "se"), out, TODAY)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with browser.tab() as tab:
            tab.load(base + "index.html")
            assert tab.js("document.documentElement.lang") == "sv"
            tab.load(base + "search.html?q=" + urllib.parse.quote("orosanmälan"))
            hits = tab.js("[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))")
            assert hits, "search works over http too"
            assert _local_only(tab.requested_urls(), (base,)) == []
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
