"""Documents for paper: the whole handbook (PDF) and the citizen brochure (HTML or PDF).

A `PrintDocument` is plain data – a cover and a list of sections of HTML – built here without Qt.
`document_html` fills the one document template (resources/site/document.html, Jinja2); the brochure's
.html is that file, and `handbook.core.pdf` lays the same HTML out as a tagged PDF/UA-1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.core.content import KINDS, Contact, Page
from handbook.core.publication import Publication, slug
from handbook.core.render import links_in_markdown
from handbook.core.templates import Html, join
from handbook.errors import Issue


@dataclass(frozen=True)
class PrintSection:
    """A chapter (level 1, an <h2>) or a page within one (level 2, an <h3>), with its HTML body, whose
    headings start one level below the section's own."""

    anchor: str
    title: str
    level: int
    html: str
    new_page: bool = False


@dataclass(frozen=True)
class PrintDocument:
    """What goes on paper, in order: a cover, optionally a table of contents, then the sections."""

    lang: str
    title: str
    subtitle: str
    cover_html: str
    sections: tuple[PrintSection, ...]
    toc: bool
    toc_title: str
    page_label: str  # "Side {page} av {pages}"
    footer: str
    stylesheet: str  # resources/site/document.css
    notes: tuple[Issue, ...] = ()


def shift_headings(body: str, by: int) -> str:
    """Demote every heading in rendered HTML by `by` levels (at most <h6>)."""

    def shift(match: re.Match[str]) -> str:
        level = min(6, int(match.group(2)) + by)
        return f"<{match.group(1)}h{level}"

    return re.sub(r"<(/?)h([1-6])", shift, body)


def _page_meta(pub: Publication, page: Page) -> Html:
    labels = pub.labels
    reviewed = pub.reviewed_html(page.reviewed)
    sources = join([pub.fill("list-item", content=s) for s in page.sources])
    return pub.fill("print-meta", owner_label=labels["owner"], owner=page.owner or "–",
                    reviewed_label=labels["reviewed"], reviewed=reviewed,
                    sources_label=labels["sources"], sources=sources)


def _page_body(pub: Publication, page: Page, anchors: set[str], contacts: set[str], level: int) -> str:
    """The page body without its own <h1> (the section heading shows the title), its <h2> one level below
    the section's heading (an <h2> for `level` 1)."""
    body: str = pub.page_body(page, pub.href_for("", pages=anchors, contacts=contacts, anchors=True))
    body = re.sub(r"^\s*<h1[^>]*>.*?</h1>\s*", "", body, count=1, flags=re.DOTALL)
    body = body.replace('<span class="broken-link" title="Lenken virker ikke">', '<span class="plain-link">')
    return shift_headings(body, level)


def handbook_document(pub: Publication) -> PrintDocument:
    """The whole handbook: chapters by kind (each on a new page), contacts and checklists."""
    labels, handbook = pub.labels, pub.handbook
    pages, contacts = set(handbook.pages), set(handbook.contacts)
    sections: list[PrintSection] = []
    kinds = [k for k in KINDS if handbook.pages_of_kind(k)]
    kinds += sorted({p.kind for p in handbook.pages.values()} - set(KINDS))
    for kind in kinds:
        sections.append(PrintSection(f"kind-{slug(kind)}", pub.kind_label(kind), 1, "", new_page=True))
        for page in handbook.pages_of_kind(kind):
            body = _page_body(pub, page, pages, contacts, 2) + _page_meta(pub, page)
            sections.append(PrintSection(f"page-{slug(page.id)}", page.title, 2, body))
    cards = Html(shift_headings(join([pub.contact_card(c) for c in pub.ordered_contacts()]), 1))
    sections.append(PrintSection("contacts", labels["contacts"], 1,
                                 pub.fill("print-contacts", intro=labels["contacts_intro"], items=cards),
                                 new_page=True))
    if pub.checklists:
        sections.append(PrintSection("checklists", labels["checklists"], 1,
                                     pub.fill("print-intro", text=labels["checklists_intro"]), new_page=True))
        href = pub.href_for("", pages=set(), contacts=set(), anchors=True)
        for checklist in pub.checklists.values():
            body = pub.checklist_html(checklist, "", href)
            body = re.sub(r"<h1>.*?</h1>", "", body, count=1, flags=re.DOTALL)
            sections.append(PrintSection(f"checklist-{slug(checklist.id)}", checklist.title, 2,
                                         shift_headings(body, 2)))
    cover = pub.fill("print-cover", title=labels["print_title"], municipality=handbook.pack.name,
                     exported=f"{labels['exported']} {pub.today.isoformat()}", intro=labels["emergency_intro"])
    return PrintDocument(
        lang=pub.lang,
        title=labels["print_title"],
        subtitle=handbook.pack.name,
        cover_html=cover,
        sections=tuple(sections),
        toc=True,
        toc_title=labels["toc_title"],
        page_label=labels["page_of"],
        footer=f"{handbook.pack.name} – {labels['print_title']} – {pub.today.isoformat()}",
        stylesheet=pub.templates.text("document.css"),
    )


def brochure_contacts(pub: Publication, pages: list[Page]) -> tuple[list[Contact], list[Issue]]:
    """Emergency contacts and those the residents' pages link to; only verified ones go to citizens."""
    wanted: list[str] = [c.id for c in pub.handbook.contacts.values() if c.emergency]
    for page in pages:
        for _line, link in links_in_markdown(page.body, page.body_line):
            if link.kind == "contact" and link.target not in wanted:
                wanted.append(link.target)
    chosen: list[Contact] = []
    left_out: list[Issue] = []
    for contact_id in wanted:
        contact = pub.handbook.contacts.get(contact_id)
        if contact is None:
            continue
        if contact.verified and contact.phone:
            chosen.append(contact)
        else:
            left_out.append(Issue(contact.path, contact.line, "warning",
                                  f"contact '{contact.id}' left out of the brochure: its number is not verified"))
    return chosen, left_out


def brochure_document(pub: Publication) -> PrintDocument:
    """The citizen brochure: the residents' pages, where to get help, and the verified contacts."""
    labels, handbook = pub.labels, pub.handbook
    pages = [p for p in handbook.pages.values() if p.residents]
    contacts, notes = brochure_contacts(pub, pages)
    page_ids, contact_ids = {p.id for p in pages}, {c.id for c in contacts}
    emergency = [c for c in contacts if c.emergency]
    sections: list[PrintSection] = []
    if emergency:
        items = join([pub.fill("print-emergency-item", name=c.name, phone=c.phone or "", helps_with=c.helps_with)
                      for c in emergency])
        sections.append(PrintSection("emergency", labels["emergency"], 1,
                                     pub.fill("print-emergency", intro=labels["emergency_intro"], items=items)))
    for page in pages:
        sections.append(PrintSection(f"page-{slug(page.id)}", page.title, 1,
                                     _page_body(pub, page, page_ids, contact_ids, 1)))
    cards = Html(shift_headings(join([pub.contact_card(c, with_source=False) for c in contacts]), 1))
    sections.append(PrintSection("contacts", labels["brochure_help"], 1,
                                 pub.fill("print-contacts", intro="", items=cards), new_page=len(pages) > 0))
    cover = pub.fill("print-cover", title=labels["brochure_title"], municipality=handbook.pack.name,
                     exported=f"{labels['exported']} {pub.today.isoformat()}", intro=labels["brochure_intro"])
    if not pages:
        notes.append(Issue(handbook.pack.path / "pack.yaml", 1, "warning",
                           "no page is marked 'residents: true': the brochure has only the contacts"))
    return PrintDocument(
        lang=pub.lang,
        title=labels["brochure_title"],
        subtitle=handbook.pack.name,
        cover_html=cover,
        sections=tuple(sections),
        toc=False,
        toc_title=labels["toc_title"],
        page_label=labels["page_of"],
        footer=f"{handbook.pack.name} – {labels['brochure_title']}",
        stylesheet=pub.templates.text("document.css"),
        notes=tuple(notes),
    )


def document_html(pub: Publication, doc: PrintDocument, page_css: str = "") -> str:
    """A print-ready, self-contained HTML file (the style sheet inlined; no scripts, no outside requests).

    `page_css` adds rules for paper only (the PDF's running header and footer)."""
    return pub.templates.render("document.html", doc=doc, css=Html(doc.stylesheet), cover=Html(doc.cover_html),
                                page_css=Html(page_css))
