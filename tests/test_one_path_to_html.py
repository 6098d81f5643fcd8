"""One path to HTML: markup lives in resources/templates/ (Jinja2 with autoescaping), never in Python strings,
and one link resolver decides where a content link goes for the reader, the site and the documents."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from handbook.core.links import KnownTargets, classify_link, resolve_link
from handbook.core.templates import Html, render, template_folder

ROOT = Path(__file__).resolve().parents[1]
TAG = re.compile(r"<\s*/?\s*(?:p|div|a|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|td|th|span|b|i|em|strong|small|br|hr|"
                 r"img|html|head|body|title|meta|section|article|nav|aside|main|header|footer|time|blockquote|"
                 r"code|pre|font|u|sup|sub|script|style)(?=[\s>/])", re.IGNORECASE)

# Where a tag in a Python string is not HTML we assemble: file -> text the literal holds. Keep it short, say why.
ALLOWED = {
    # SQLite's FTS5 `snippet()` takes its highlight markers as SQL arguments: a query, not markup we build.
    "handbook/core/bench.py": ("snippet(pages, 4, '<b>', '</b>'",),
}
# The search snippets (`<b>` around the matches, everything else escaped) belong to the search package, which
# is being rewritten (issue 11); they move to a template with it.
ALLOWED_FOLDERS = ("handbook/core/search.py", "handbook/core/search/")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def html_literals(source: str, filename: str = "<text>") -> list[tuple[int, str]]:
    """String literals (also the pieces of f-strings) that hold an HTML tag, docstrings left out."""
    tree = ast.parse(source, filename)
    docstrings = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and TAG.search(node.value)
    )


def test_the_scan_finds_markup_in_python() -> None:
    """The scan below would catch the ways HTML was built before: f-strings, concatenation, join."""
    source = '''
def page(title):
    """A docstring may talk about <h1> headings."""
    out = [f"<h1>{title}</h1>", '<p class="x">' + title + "</p>", "<br/>".join(["a", "b"])]
    return "".join(out) + "< 3 is not a tag"
'''
    found = sorted(text for _line, text in html_literals(source))
    assert found == sorted(["<h1>", "</h1>", '<p class="x">', "</p>", "<br/>"])


def test_no_html_is_assembled_outside_the_templates() -> None:
    problems = []
    for path in sorted((ROOT / "handbook").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(ALLOWED_FOLDERS):
            continue
        allowed = ALLOWED.get(relative, ())
        for line, text in html_literals(path.read_text(encoding="utf-8"), relative):
            if not any(marker in text for marker in allowed):
                problems.append(f"{relative}:{line}: {text[:60]!r}")
    assert not problems, "HTML built in Python; put it in a template in resources/templates/:\n" + "\n".join(problems)


def test_every_template_escapes_what_it_is_given() -> None:
    hostile = '<script>alert("x")</script> & \'q\''
    assert render("ui/tooltip.html", text=hostile) == (
        '<p style="white-space: pre-wrap">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;</p>')
    assert render("ui/tooltip.html", text=Html("<b>made by a template</b>")).endswith("<b>made by a template</b></p>")
    templates = sorted(p.relative_to(template_folder()).as_posix() for p in template_folder().rglob("*.html"))
    assert "macros.html" in templates and "reader/page.html" in templates and "document.html" in templates


@pytest.mark.parametrize(("href", "reader", "site", "document"), [
    ("page:vold", "page:vold", "../pages/vold.html", "#page-vold"),
    ("vold", "page:vold", "../pages/vold.html", "#page-vold"),
    ("contact:politi", "contact:politi", "../contacts.html#contact-politi", "#contact-politi"),
    ("checklist:akutt", "checklist:akutt", "../checklists/akutt.html", None),  # a document has no checklists
    ("page:ukjent", None, None, None),  # an unknown id goes nowhere, in every view
    ("#her", "#her", "#her", "#her"),
    ("https://nav.no", "https://nav.no", "https://nav.no", "https://nav.no"),
    ("javascript:alert(1)", None, None, None),
])
def test_one_link_resolver_for_every_view(href: str, reader: str | None, site: str | None,
                                          document: str | None) -> None:
    known = KnownTargets(pages={"vold"}, contacts={"politi"}, checklists={"akutt"})
    link = classify_link(href)
    assert resolve_link(link, "reader", known) == reader
    assert resolve_link(link, "site", known, root="../") == site
    assert resolve_link(link, "document", known) == document
