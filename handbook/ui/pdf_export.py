"""PDF with Qt: lay out a `PrintDocument` with QTextDocument, add a table of contents with page numbers and
number every page, then write it with QPdfWriter. The content side (what goes on paper) is in the core.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from handbook.core.printdoc import PrintDocument, PrintSection
from handbook.core.templates import escape
from handbook.errors import HandbookError, WriteError
from handbook.files import default_mode

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGINS_MM = QMarginsF(18, 16, 18, 14)
FONT_FAMILY = "DejaVu Sans"
COVER_DROP = 0.3  # the cover's text starts this far down its first page


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for fonts and layout; offscreen when there is no display (a server, CI)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "veileder"])


@dataclass(frozen=True)
class PdfResult:
    """The file written, its number of pages, and on which page each section starts."""

    path: Path
    pages: int
    section_pages: tuple[tuple[str, int], ...]


class _Layout:
    """Page geometry in PDF device pixels."""

    def __init__(self, writer: QPdfWriter) -> None:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(rect.width())
        self.footer = writer.resolution() * 0.35  # about 9 mm for the page number line
        self.body_height = float(rect.height()) - self.footer
        self.writer = writer

    def document(self, html: str, stylesheet: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultStyleSheet(stylesheet)
        doc.setDefaultFont(QFont(FONT_FAMILY, 10))
        doc.setDocumentMargin(0)
        doc.setPageSize(QSizeF(self.width, self.body_height))
        doc.setHtml(html)
        return doc


def _section_html(section: PrintSection, first: bool) -> str:
    tag = "h1" if section.level == 1 else "h2"
    style = ' style="page-break-before: always"' if section.new_page and not first else ""
    return f"<{tag}{style}>{escape(section.title)}</{tag}>\n{section.html}\n"


def _heading_pages(doc: QTextDocument, page_height: float, count: int) -> list[int]:
    """The 0-based page of each of the first `count` <h1>/<h2> blocks, in order."""
    layout = doc.documentLayout()
    pages: list[int] = []
    block = doc.begin()
    while block.isValid() and len(pages) < count:
        if block.blockFormat().headingLevel() in (1, 2):
            top = layout.blockBoundingRect(block).top()
            pages.append(int(top // page_height))
        block = block.next()
    return pages


def _toc_html(doc: PrintDocument, numbers: list[int]) -> str:
    rows = []
    for section, number in zip(doc.sections, numbers, strict=True):
        indent = "" if section.level == 1 else "&#160;&#160;&#160;&#160;"
        css = ' class="toc-chapter"' if section.level == 1 else ""
        rows.append(f'<tr><td style="border: 0px"{css}>{indent}{escape(section.title)}</td>'
                    f'<td style="border: 0px" class="toc-number" align="right">{number}</td></tr>')
    return (f"<h1>{escape(doc.toc_title)}</h1>\n"
            f'<table width="100%" cellpadding="2" cellspacing="0">{"".join(rows)}</table>')


def write_pdf(doc: PrintDocument, path: Path) -> PdfResult:
    """Write `doc` as an A4 PDF with a cover, a table of contents (when `doc.toc`) and page numbers."""
    ensure_gui_application()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pdf", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        result = _render(doc, temp)
        temp.chmod(default_mode())
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write the PDF ({exc.strerror or exc})") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return PdfResult(path, result[0], result[1])


def _render(doc: PrintDocument, target: Path) -> tuple[int, tuple[tuple[str, int], ...]]:
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{doc.title} – {doc.subtitle}")
    writer.setCreator("Veileder")
    layout = _Layout(writer)

    body_html = "".join(_section_html(s, i == 0) for i, s in enumerate(doc.sections))
    body = layout.document(body_html, doc.stylesheet)
    cover = layout.document(doc.cover_html, doc.stylesheet)
    starts = _heading_pages(body, layout.body_height, len(doc.sections))
    if len(starts) != len(doc.sections):
        raise HandbookError(f"{target}: could not place every section heading in the PDF layout")
    toc: QTextDocument | None = None
    toc_pages = 0
    if doc.toc:
        # The numbers do not change the table's height, so one measuring pass is enough.
        toc_pages = layout.document(_toc_html(doc, [0] * len(starts)), doc.stylesheet).pageCount()
    first_body_page = cover.pageCount() + toc_pages + 1
    numbers = [first_body_page + s for s in starts]
    if doc.toc:
        toc = layout.document(_toc_html(doc, numbers), doc.stylesheet)
    documents = [d for d in (cover, toc, body) if d is not None]
    total = sum(d.pageCount() for d in documents)

    part: QTextDocument | None = None
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot open {target} for writing")
    try:
        page_number = 0
        footer_font = QFont(FONT_FAMILY, 8)
        for part in documents:
            for index in range(part.pageCount()):
                if page_number > 0:
                    writer.newPage()
                page_number += 1
                painter.save()
                drop = layout.body_height * COVER_DROP if part is cover and index == 0 else 0.0
                painter.translate(0, drop - index * layout.body_height)
                part.drawContents(painter, QRectF(0, index * layout.body_height, layout.width, layout.body_height))
                painter.restore()
                if page_number > 1:
                    painter.setFont(footer_font)
                    line = QRectF(0, layout.body_height, layout.width, layout.footer)
                    painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), doc.footer)
                    label = doc.page_label.format(page=page_number, pages=total)
                    painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), label)
    finally:
        painter.end()
        # Free the documents before the writer they lay out on (Qt objects are not freed in a fixed order).
        del documents, cover, body, toc, part
    return total, tuple((s.anchor, n) for s, n in zip(doc.sections, numbers, strict=True))
