"""Print a page or a checklist summary, or save it as PDF: A4, with the title, municipality and review date
(a summary: its date) on every page and «Side n av N» at the foot. Works on any QPagedPaintDevice (a QPrinter
or a QPdfWriter). A last page that would hold only a line or two is avoided by setting the text a little
smaller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from handbook.core.checklist import Summary, labels_for, summary_html
from handbook.core.content import Handbook, Page
from handbook.core.paper import BODY_POINTS, NEAR_EMPTY, SMALLER_POINTS
from handbook.files import check_replaceable, write_bytes_atomic
from handbook.ui import themes
from handbook.ui.page_view import format_date, page_html

translate = QCoreApplication.translate
T = TypeVar("T")
MARGINS_MM = QMarginsF(20, 16, 20, 16)


@dataclass(frozen=True)
class PrintJob:
    """What goes on paper."""

    title: str
    municipality: str
    reviewed: str
    html: str
    header_right: str | None = None  # default: «Sist gjennomgått: <reviewed>»

    @classmethod
    def for_page(cls, page: Page, handbook: Handbook, today: dt.date | None = None) -> PrintJob:
        return cls(page.title, handbook.pack.name, format_date(page.reviewed), page_html(page, handbook, today))

    @classmethod
    def for_summary(cls, summary: Summary) -> PrintJob:
        """A checklist summary: its title, the municipality and the date in the pack's language (it goes
        into a case file)."""
        words = labels_for(summary.language)
        reviewed = format_date(summary.reviewed) if summary.reviewed else ""
        return cls(summary.title, summary.municipality, reviewed, summary_html(summary),
                   f"{words['date']}: {format_date(summary.date)}")


def setup_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with comfortable margins."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))


def documents_folder() -> Path:
    """Where the save dialog opens: the user's documents (else the home folder), never the program's folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def ask_pdf_path(parent: QWidget, caption: str, suggested: Path, file_filter: str = "PDF (*.pdf)") -> Path | None:
    """The save dialog for a PDF; None when cancelled. A name without «.pdf» gets it added."""
    name, _filter = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def printer_for(job: PrintJob) -> QPrinter:
    """A printer set up for the job: A4, the margins, and the document's name (title – municipality)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"{job.title} – {job.municipality}")
    setup_page(printer)
    return printer


def open_preview(job: PrintJob, parent: QWidget, title: str) -> QPrintPreviewDialog:
    """Print preview (non-modal): the same pages as on paper; the user prints from it."""
    printer = printer_for(job)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    # The connection holds the printer as long as the dialog lives (the dialog does not own it).
    dialog.paintRequested.connect(lambda device, _printer=printer: render(device, job))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def render(device: QPagedPaintDevice, job: PrintJob) -> int:
    """Lay out and paint the job on `device`; returns the number of pages."""
    resolution = device.logicalDpiY()
    rect = device.pageLayout().paintRectPixels(resolution)
    width, height = float(rect.width()), float(rect.height())
    band = resolution * 0.35  # about 9 mm for the header and the footer
    body_height = height - 2 * band

    doc = _layout(device, job.html, width, body_height)
    pages = max(1, doc.pageCount())

    small = QFont()
    small.setPointSizeF(8)
    header_left = f"{job.title} – {job.municipality}"
    header_right = job.header_right
    if header_right is None:
        header_right = translate("Printing", "Sist gjennomgått: {date}").format(date=job.reviewed)
    page_label = translate("Printing", "Side {page} av {pages}")
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start printing")
    try:
        for index in range(pages):
            if index:
                device.newPage()
            painter.setFont(small)
            top = QRectF(0, 0, width, band * 0.8)
            painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), header_left)
            painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), header_right)
            painter.drawLine(0, int(band * 0.7), int(width), int(band * 0.7))
            painter.save()
            painter.translate(0, band - index * body_height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, index * body_height, width, body_height)
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(small)
            foot = QRectF(0, height - band * 0.8, width, band * 0.8)
            label = page_label.format(page=index + 1, pages=pages)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), job.municipality)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), label)
    finally:
        painter.end()
    return pages


def write_pdf_file(path: Path, title: str, paint: Callable[[QPdfWriter], T]) -> T:
    """Write a PDF with `paint(writer)` so that success means the whole file is there.

    The PDF is painted into memory, checked (a PDF header and end marker) and written with the project's one
    atomic writer (`files.write_bytes_atomic`: a temporary file beside `path`, then a rename). A write-protected
    file is not replaced. Any failure is an OSError with a reason, and `path` is left as it was.
    """
    check_replaceable(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Veileder")
    result = paint(writer)
    del writer  # the PDF is complete once the writer is gone
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise OSError(f"{path}: the PDF was not written completely")
    write_bytes_atomic(path, data)
    return result


def _document(device: QPagedPaintDevice, html: str, width: float, height: float, points: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultStyleSheet(themes.page_css(themes.theme("light"), 11))
    font = QFont()
    font.setPointSizeF(points)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(width, height))
    doc.setHtml(html)
    return doc


def last_page_fill(doc: QTextDocument) -> float:
    """How full the last page is (0–1): the bottom of the last block within its page."""
    height = doc.pageSize().height()
    bottom = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()
    pages = max(1, doc.pageCount())
    return max(0.0, bottom - (pages - 1) * height) / height


def _layout(device: QPagedPaintDevice, html: str, width: float, height: float) -> QTextDocument:
    """The laid-out text; when its last page would be nearly empty, a slightly smaller size that saves it."""
    doc = _document(device, html, width, height, BODY_POINTS)
    if doc.pageCount() < 2 or last_page_fill(doc) >= NEAR_EMPTY:
        return doc
    for points in SMALLER_POINTS:
        smaller = _document(device, html, width, height, points)
        if smaller.pageCount() < doc.pageCount():
            return smaller
    return doc


def save_pdf(path: Path, job: PrintJob) -> int:
    """Write the job to a PDF file; returns the number of pages (OSError when it cannot be written)."""
    path.parent.mkdir(parents=True, exist_ok=True)

    def paint(writer: QPdfWriter) -> int:
        writer.setResolution(300)
        setup_page(writer)
        return render(writer, job)

    return write_pdf_file(path, f"{job.title} – {job.municipality}", paint)
