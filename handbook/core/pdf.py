"""Tagged PDF (PDF/UA-1) from the document template, with WeasyPrint. No Qt here.

The handbook PDF, the citizen brochure and a checklist summary are HTML first (resources/templates/document.html)
and WeasyPrint lays that out as a tagged PDF: a structure tree (headings, paragraphs, lists, tables with header
cells, links), the document language, the title shown in the viewer's title bar, bookmarks for the chapters and
pages, text without ligature glyphs, and the running header and footer marked as artifacts (pagination, not
content). WeasyPrint needs the Pango libraries (Debian: libpango-1.0-0, libpangoft2-1.0-0; Windows: a GTK 3
runtime); without them the export says so in plain words.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.core.checklist import Summary, summary_html
from handbook.core.paper import BODY_POINTS, NEAR_EMPTY, SMALLER_POINTS
from handbook.core.printdoc import PrintDocument, document_html
from handbook.core.publication import Publication
from handbook.core.templates import load_labels
from handbook.errors import HandbookError, WriteError
from handbook.files import write_bytes_atomic

PDF_VARIANT = "pdf/ua-1"


class PdfEngineMissing(HandbookError):  # noqa: N818 (a HandbookError: the user reads its message)
    """WeasyPrint or the Pango libraries cannot be loaded (the portable Windows app): tagged PDF is unavailable."""


@dataclass(frozen=True)
class PdfResult:
    """The file written, its number of pages, and on which page (1-based) each section starts."""

    path: Path
    pages: int
    section_pages: tuple[tuple[str, int], ...]


def css_string(text: str) -> str:
    """`text` as a quoted CSS string (for `content:`), safe inside a <style> element."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>\n\r' else ch for ch in text)
    return f'"{escaped}"'


def page_css(doc: PrintDocument, header: str) -> str:
    """The running header and footer (page margin boxes), and «Side n av N», in the document's words."""
    return _margin_css(header, doc.footer, doc.page_label, on_first_page=False) + (
        "@media print { .document-footer { display: none; } }\n")


def _margin_css(header: str, footer: str, page_label: str, on_first_page: bool) -> str:
    before, _, rest = page_label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    number = " ".join(p for p in (css_string(before) if before else "", "counter(page)",
                                  css_string(middle) if middle else "", "counter(pages)" if "{pages}" in rest else "",
                                  css_string(after) if after else "") if p)
    small = "font-size: 8pt; color: #4a4a4a; font-family: 'DejaVu Sans', Arial, sans-serif;"
    return (
        "@media print {\n"
        f"  @page {{ @top-left {{ content: {css_string(header)}; {small} }}\n"
        f"    @bottom-left {{ content: {css_string(footer)}; {small} }}\n"
        f"    @bottom-right {{ content: {number}; {small} }} }}\n"
        + ("" if on_first_page else "  @page :first { @top-left { content: none; } @bottom-left { content: none; }"
           " @bottom-right { content: none; } }\n")
        + "}\n"
    )


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise PdfEngineMissing(
            "PDF export needs WeasyPrint and the Pango libraries, which could not be loaded "
            f"({exc}). On Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0; on Windows see README "
            "(«Publishing»). The brochure can still be exported as .html."
        ) from exc
    return weasyprint


def _layout(html: str, css: str, lang: str) -> Any:
    weasyprint = _weasyprint()
    stylesheets = [weasyprint.CSS(string=css)] if css else None
    document = weasyprint.HTML(string=html, base_url=None).render(stylesheets=stylesheets)
    if lang and not document.metadata.lang:
        document.metadata.lang = lang
    return document


def _finish(document: Any) -> tuple[bytes, int, dict[str, int]]:
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            anchors.setdefault(name, number)
    data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=False)
    return mark_pagination_as_artifacts(data), len(document.pages), anchors


def render_pdf(html: str, css: str = "", lang: str = "") -> tuple[bytes, int, dict[str, int]]:
    """Lay out `html` as a tagged PDF/UA-1: the bytes, the page count and the 1-based page of each anchor.

    `css` is added to the document's own styles; `lang` sets the language when the HTML does not say it."""
    return _finish(_layout(html, css, lang))


def last_page_fill(document: Any) -> float:
    """How full the last page of a laid-out document is (0–1): the bottom of its last line within the page's
    content area. 1 when it cannot be told (then nothing is changed)."""
    try:
        page = document.pages[-1]._page_box
        lines = [box for box in page.descendants() if type(box).__name__ == "LineBox"]
        if not lines or page.height <= 0:
            return 1.0
        bottom = max(box.position_y + box.height for box in lines)
        return float(max(0.0, min(1.0, (bottom - page.margin_top) / page.height)))
    except (AttributeError, IndexError, TypeError):  # WeasyPrint's page boxes are not public API
        return 1.0


def render_fitting_pdf(html: str, css: str, lang: str) -> tuple[bytes, int, dict[str, int]]:
    """Like `render_pdf`, but when the last page would be nearly empty (a line or two), the text is set a little
    smaller until it fits on one page less – the same rule as printing from the reader (`core/paper.py`)."""
    document = _layout(html, css + f"\nbody {{ font-size: {BODY_POINTS}pt; }}", lang)
    if len(document.pages) >= 2 and last_page_fill(document) < NEAR_EMPTY:
        for points in SMALLER_POINTS:
            smaller = _layout(html, css + f"\nbody {{ font-size: {points}pt; }}", lang)
            if len(smaller.pages) < len(document.pages):
                document = smaller
                break
    return _finish(document)


def mark_pagination_as_artifacts(data: bytes) -> bytes:
    """Mark content that is not in the structure tree (the running header and footer) as /Artifact.

    WeasyPrint tags the page margin boxes with marked-content ids that no structure element in the tree
    refers to; PDF/UA-1 wants such content marked as a pagination artifact instead."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        reachable: set[tuple[int, int]] = set()
        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
                if node.is_indirect:
                    if node.objgen in reachable:
                        continue
                    reachable.add(node.objgen)
                stack.append(node.K)
        parent_tree = _number_tree(root.get("/ParentTree"))
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            parents = parent_tree.get(int(key)) if key is not None else None
            if not isinstance(parents, pikepdf.Array):
                continue
            orphans = {mcid for mcid, elem in enumerate(parents)
                       if not (isinstance(elem, pikepdf.Dictionary) and elem.is_indirect and elem.objgen in reachable)}
            if not orphans:
                continue
            commands = pikepdf.parse_content_stream(page)
            changed = False
            for index, command in enumerate(commands):
                operands, operator = command.operands, command.operator
                if str(operator) != "BDC" or len(operands) != 2 or not isinstance(operands[1], pikepdf.Dictionary):
                    continue
                mcid = operands[1].get("/MCID")
                if mcid is not None and int(mcid) in orphans:
                    artifact = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
                    commands[index] = pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact, artifact],
                                                                       pikepdf.Operator("BDC"))
                    changed = True
            if changed:
                page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(commands))
                for orphan in orphans:
                    parents[orphan] = None
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _number_tree(node: Any) -> dict[int, Any]:
    """A PDF number tree (the ParentTree) as a dict."""
    found: dict[int, Any] = {}
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        nums = item.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                found[int(nums[i])] = nums[i + 1]
        stack.extend(item.get("/Kids") or [])
    return found


def write_document_pdf(pub: Publication, doc: PrintDocument, path: Path) -> PdfResult:
    """Write `doc` as a tagged A4 PDF/UA-1 with a cover, contents (when `doc.toc`), bookmarks and page numbers."""
    html = document_html(pub, doc, page_css(doc, f"{doc.title} – {doc.subtitle}"))
    data, pages, anchors = render_pdf(html)
    missing = [s.anchor for s in doc.sections if s.anchor not in anchors]
    if missing:
        raise HandbookError(f"{path}: could not place the section '{missing[0]}' in the PDF layout")
    write_pdf_bytes(path, data)
    return PdfResult(path, pages, tuple((s.anchor, anchors[s.anchor]) for s in doc.sections))


SUMMARY_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1b1b1b;
  font-variant-ligatures: none; font-feature-settings: "liga" 0, "clig" 0, "dlig" 0; }
h1, h2 { color: #123a5c; break-after: avoid; } h1 { font-size: 18pt; } h2 { font-size: 13pt; }
"""


def write_summary_pdf(summary: Summary, path: Path) -> PdfResult:
    """A checklist summary as a tagged PDF/UA-1: the same HTML as on screen and on paper (`summary_html`),
    with the checklist and municipality as the running header and the date and «Side n av N» as the footer."""
    page_label = str(load_labels(summary.language)["page_of"])
    header = f"{summary.title} – {summary.municipality}"
    footer = f"{summary.checklist_id} {summary.version} · {summary.date.isoformat()}"
    css = SUMMARY_CSS + _margin_css(header, footer, page_label, on_first_page=True)
    data, pages, _anchors = render_fitting_pdf(summary_html(summary), css, summary.language)
    write_pdf_bytes(path, data)
    return PdfResult(path, pages, ())


def write_pdf_bytes(path: Path, data: bytes) -> None:
    """Write a PDF through a temporary file beside it (all or nothing); it ends with the user's normal file mode.
    A write-protected file is not replaced."""
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write the PDF ({exc.strerror or exc})") from exc
