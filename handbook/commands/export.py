"""`export`: publish a municipality's handbook as a static site, a citizen brochure or a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.core.content import load_handbook
from handbook.core.printdoc import PrintDocument, brochure_document, document_html, handbook_document
from handbook.core.publication import Publication
from handbook.core.site import export_site
from handbook.core.templates import write_text_atomically
from handbook.errors import Exit, Issue

NAME = "export"
HELP = "publish the handbook: a static site (html), a citizen brochure (brochure) or a PDF (pdf)"

FORMATS = {
    "html": "a static site for the intranet: every page, contents, contacts, checklists and offline search",
    "brochure": "the citizen brochure (pages marked residents: true and the verified contacts), .html or .pdf",
    "pdf": "the whole handbook as one tagged PDF (PDF/UA-1) with a table of contents and page numbers",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for name, help_text in FORMATS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--municipality", "-m", required=True, help="municipality or pack id, e.g. asker")
        target = "DIR" if name == "html" else "FILE.html|FILE.pdf" if name == "brochure" else "FILE.pdf"
        command.add_argument("--out", "-o", required=True, type=Path, metavar=target, help="where to write it")
        command.add_argument("--strict", action="store_true",
                             help="refuse to export when the content has errors (see `lint`)")


def _report(issues: tuple[Issue, ...] | list[Issue], strict: bool) -> bool:
    """Print content problems to stderr; False when `strict` and there are errors."""
    errors = [i for i in issues if i.is_error]
    for issue in issues:
        print(issue, file=sys.stderr)
    if errors:
        print(f"{len(errors)} feil i innholdet; sidene med feil er utelatt eller vist uten lenken. "
              "Se `python -m handbook lint`.", file=sys.stderr)
    return not (strict and errors)


def _write_pdf(pub: Publication, doc: PrintDocument, out: Path) -> int:
    """Lay out and write a tagged PDF/UA-1 (WeasyPrint, loaded only when a PDF is asked for)."""
    from handbook.core.pdf import write_document_pdf

    return write_document_pdf(pub, doc, out).pages


def run(args: argparse.Namespace) -> int:
    handbook = load_handbook(args.content, args.municipality)
    pub = Publication.prepare(handbook)
    if not _report(pub.issues, args.strict):
        return Exit.CONTENT_ERRORS
    out: Path = args.out
    if args.format == "html":
        result = export_site(handbook, out, pub.today)
        print(f"{result.out}: {result.pages} sider, {result.checklists} sjekklister, {result.contacts} kontakter "
              f"(åpne {result.out / 'index.html'})")
        return Exit.OK
    suffix = out.suffix.lower()
    if args.format == "brochure":
        if suffix not in (".html", ".htm", ".pdf"):
            print(f"feil: {out}: the brochure is written as .html or .pdf", file=sys.stderr)
            return Exit.USAGE
        doc = brochure_document(pub)
        for note in doc.notes:
            print(note, file=sys.stderr)
        if suffix == ".pdf":
            pages = _write_pdf(pub, doc, out)
            print(f"{out}: brosjyre, {pages} sider")
        else:
            write_text_atomically(out, document_html(pub, doc))
            print(f"{out}: brosjyre (HTML, klar til utskrift)")
        return Exit.OK
    if suffix != ".pdf":
        print(f"feil: {out}: the handbook PDF must be written to a .pdf file", file=sys.stderr)
        return Exit.USAGE
    pages = _write_pdf(pub, handbook_document(pub), out)
    print(f"{out}: {len(handbook.pages)} sider fra veilederen på {pages} PDF-sider")
    return Exit.OK
