"""Markdown to HTML: raw HTML stays text, internal links resolve per municipality, broken ones are marked."""

from __future__ import annotations

from handbook.core.render import (
    LinkTarget,
    classify_link,
    headings,
    links_in_markdown,
    plain_text,
    render_markdown,
)


def test_raw_html_is_shown_as_text_not_run() -> None:
    html = render_markdown("Hei <script>alert(1)</script> og <b>fet</b>\n\n<div onclick='x'>blokk</div>\n")
    assert "<script>" not in html and "<b>fet</b>" not in html and "<div" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;div onclick=" in html


def test_tables_headings_with_ids_and_attribute_lists() -> None:
    html = render_markdown("## Hva gjør du?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst\n{: .viktig }\n")
    assert "<h2 id=\"hva-gjor-du\">Hva gjør du?</h2>" in html
    assert "<table>" in html and "<td>2</td>" in html
    assert '<p class="viktig">Tekst</p>' in html


def test_internal_links_become_app_links() -> None:
    html = render_markdown("[A](psykisk-vold) [B](contact:krisesenter) [C](checklist:akutt-fare) [D](#her)")
    assert '<a class="page-link" href="page:psykisk-vold">A</a>' in html
    assert '<a class="contact-link" href="contact:krisesenter">B</a>' in html
    assert '<a class="checklist-link" href="checklist:akutt-fare">C</a>' in html
    assert 'href="#her"' in html


def test_href_for_resolves_per_municipality_and_marks_broken_links() -> None:
    known = {"lokal"}

    def href_for(link: LinkTarget) -> str | None:
        if link.kind == "page":
            return f"{link.target}.html" if link.target in known else None
        return None

    html = render_markdown("Se [lokal side](lokal) og [borte](borte).", href_for)
    assert '<a class="page-link" href="lokal.html">lokal side</a>' in html
    assert '<span class="broken-link" title="Lenken virker ikke">borte</span>' in html
    assert "borte.html" not in html


def test_classify_link() -> None:
    assert classify_link("https://lovdata.no") == LinkTarget("external", "https://lovdata.no", scheme="https")
    assert classify_link("mailto:post@example.org").kind == "external"
    assert classify_link("contact:amk-113") == LinkTarget("contact", "amk-113")
    assert classify_link("page:x") == LinkTarget("page", "x")
    assert classify_link("side#sted") == LinkTarget("page", "side", "sted")
    assert classify_link("#sted") == LinkTarget("anchor", "sted")


def test_links_in_markdown_have_file_lines() -> None:
    body = "# T\n\nSe [a](a) og [b](contact:b).\n\n[c](https://x.no)\n"
    found = [(line, link.kind, link.target) for line, link in links_in_markdown(body, first_line=10)]
    assert found == [(12, "page", "a"), (12, "contact", "b"), (14, "external", "https://x.no")]


def test_plain_text_and_headings() -> None:
    body = "# Tittel\n\n- Ring [krisesenteret](contact:k) **nå**.\n\n## Neste steg\n| a | b |\n|---|---|\n"
    text = plain_text(body)
    assert "Ring krisesenteret nå." in text
    assert "contact:" not in text and "#" not in text and "**" not in text
    assert headings(body) == ["Tittel", "Neste steg"]
