"""What readers see of the shipped content: every list is a list, and no internal file or register word shows.

These tests go over every page, contact and checklist of every municipality, as the reader, the intranet
site, the handbook PDF and the citizen brochure show them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from handbook.core.content import Handbook, list_packs, load_handbook
from handbook.core.facts import internal_words_in
from handbook.core.printdoc import brochure_document, document_html, handbook_document
from handbook.core.publication import Publication
from handbook.core.render import render_markdown
from handbook.core.site import export_site
from handbook.ui.page_view import page_html
from tests.conftest import CONTENT

MUNICIPALITIES = [p.id for p in list_packs(CONTENT)]
TODAY = dt.date(2026, 12, 1)
# A line inside a paragraph that starts like a list item: the list ran into the paragraph.
LIST_LINE_IN_PARAGRAPH = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\S", re.MULTILINE)


class Paragraphs(HTMLParser):
    """The text of every <p> in an HTML document, markup inside the paragraph left out."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self._depth += 1
            if self._depth == 1:
                self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.paragraphs[-1] += data


class VisibleText(HTMLParser):
    """The text a reader sees in an HTML document: no markup, no style sheet, no script."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1
        for name, value in attrs:  # tooltips and labels are read too
            if name in ("title", "alt", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


@functools.cache
def handbook(municipality: str) -> Handbook:
    book = load_handbook(CONTENT, municipality)
    assert [str(i) for i in book.issues if i.is_error] == []  # a file left out would be left unchecked
    assert book.pages and book.contacts
    return book


def lists_in_paragraphs(html: str) -> list[str]:
    return [p for p in Paragraphs(html).paragraphs if LIST_LINE_IN_PARAGRAPH.search(p)]


def list_items_run_together(html: str) -> list[str]:
    """List items whose text still holds a line that starts like a list item (a sub-list that did not nest)."""
    items = re.findall(r"<li>(.*?)(?:<ul>|<ol>|</li>)", html, re.DOTALL)
    return [item for item in items if LIST_LINE_IN_PARAGRAPH.search(item)]


def internal_words(text: str) -> list[str]:
    """The project's own file names and words (the lint's rule) in what a reader sees."""
    return internal_words_in(text)


def test_a_list_written_right_after_a_paragraph_line_is_a_list() -> None:
    html = render_markdown("**Tegn du kan se etter:**\n- blåmerker\n- frykt\n\nTrinn:\n1. Ring\n2. Skriv\n")
    assert "<ul>\n<li>blåmerker</li>\n<li>frykt</li>\n</ul>" in html
    assert "<ol>\n<li>Ring</li>\n<li>Skriv</li>\n</ol>" in html
    assert not lists_in_paragraphs(html)


def test_list_items_with_continuation_lines_stay_one_tight_list() -> None:
    html = render_markdown("Gjør slik:\n- første\n  fortsetter her\n- andre\n")
    assert html.count("<ul>") == 1 and html.count("<li>") == 2 and "<li><p>" not in html


def test_a_sub_list_indented_under_its_item_text_is_nested() -> None:
    html = render_markdown("1. Forklar\n2. Spør, for eksempel:\n   - «Slår noen deg?»\n   - «Er du redd?»\n3. Lytt\n")
    assert "<li>Spør, for eksempel:<ul>\n<li>«Slår noen deg?»</li>\n<li>«Er du redd?»</li>\n</ul>" in html
    assert html.count("<ol>") == 1 and html.count("<li>") == 5
    assert not list_items_run_together(html)


def test_fenced_code_and_rules_are_left_alone() -> None:
    assert lists_in_paragraphs(render_markdown("Tekst\n- - -\n")) == []
    html = render_markdown("Tekst\n\n```\nkode\n- ikke en liste\n```\n")
    assert "<li>" not in html


def test_the_check_finds_a_list_inside_a_paragraph() -> None:
    assert lists_in_paragraphs("<p>Tegn:\n- blåmerker\n- frykt</p>") == ["Tegn:\n- blåmerker\n- frykt"]
    assert internal_words("Kilde: content/facts/numbers.yaml") == ["content/facts", "numbers.yaml"]
    assert internal_words("plassholder – nummeret er ikke i faktaregisteret") == ["faktaregist", "plassholder"]
    swedish = "Brottet finns inte i vägledningens faktaregister; platshållare"
    assert internal_words(swedish) == ["faktaregist", "platshållare"]
    assert internal_words("Kilde: politiet.no, sjekket november 2026") == []


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_shipped_page_renders_its_lists_as_lists(municipality: str) -> None:
    book = handbook(municipality)
    assert book.pages
    bad = {page_id: lists_in_paragraphs(html) + list_items_run_together(html)
           for page_id, html in ((p.id, render_markdown(p.body)) for p in book.pages.values())}
    assert {page_id: found for page_id, found in bad.items() if found} == {}


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_no_page_contact_or_checklist_shows_an_internal_word(municipality: str) -> None:
    book = handbook(municipality)
    found: dict[str, list[str]] = {}
    for page in book.pages.values():
        text = "\n".join([page.title, page.body, *page.sources, page.owner or ""])
        if words := internal_words(text):
            found[f"page {page.id}"] = words
    for contact in book.contacts.values():
        fields = (contact.name, contact.helps_with, contact.phone, contact.direct, contact.hours, contact.note,
                  contact.source, contact.web)
        text = "\n".join(str(v) for v in fields if v)
        if words := internal_words(text):
            found[f"contact {contact.id}"] = words
    for checklist_id, path in book.checklist_paths.items():
        text = yaml.safe_dump(yaml.safe_load(Path(path).read_text(encoding="utf-8")), allow_unicode=True)
        if words := internal_words(text):  # the YAML's own comments are for editors and are dropped here
            found[f"checklist {checklist_id}"] = words
    assert found == {}


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_reader_site_pdf_and_brochure_show_lists_and_no_internal_word(municipality: str, tmp_path: Path) -> None:
    book = handbook(municipality)
    pub = Publication.prepare(book, TODAY)
    shown = {f"reader:{page_id}": page_html(page, book, TODAY) for page_id, page in book.pages.items()}
    shown["pdf"] = document_html(pub, handbook_document(pub))
    shown["brochure"] = document_html(pub, brochure_document(pub))
    export_site(book, tmp_path / "site", TODAY)
    shown |= {f"site:{p.name}": p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    assert len(shown) > len(book.pages) * 2
    lists = {name: found for name, html in shown.items()
             if (found := lists_in_paragraphs(html) + list_items_run_together(html))}
    words = {name: found for name, html in shown.items() if (found := internal_words(VisibleText(html).text))}
    assert lists == {}
    assert words == {}
