"""Paper from the main window: print, preview or save as PDF the page being read – or, when a checklist shows
its summary, that summary (Ctrl+P and Ctrl+Shift+S then print or save it). The main window inherits these
methods (`PrintingMixin`); the layout itself is `handbook.ui.printing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from handbook.ui.window_parts import WindowParts

if TYPE_CHECKING:  # paper is loaded when it is first used, not while the window opens
    from PySide6.QtPrintSupport import QPrinter

    from handbook.ui import printing
    from handbook.ui.checklist_wizard import ChecklistWizard


class PrintingMixin(WindowParts):
    """Printing in the main window (the parts it uses: `WindowParts`)."""

    def summary_wizard(self) -> ChecklistWizard | None:
        """The checklist wizard when it is shown with its summary (Ctrl+P / Ctrl+Shift+S print that)."""
        wizard = self.wizard
        shown = self.stack.currentWidget() is self.checklist_holder
        if shown and wizard is not None and wizard.current_summary is not None:
            return wizard
        return None

    def update_print_actions(self) -> None:
        enabled = self.current_page_id is not None or self.summary_wizard() is not None
        for name in ("print", "preview", "pdf"):
            self.act[name].setEnabled(enabled)

    def _print_job(self) -> printing.PrintJob | None:
        page_id = self.current_page_id
        if page_id is None:
            return None
        from handbook.ui import printing

        return printing.PrintJob.for_page(self.handbook.pages[page_id], self.handbook)

    def ask_printer(self, printer: QPrinter) -> bool:
        """The print dialog (tests replace this method)."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def ask_pdf_path(self, suggested: Path) -> Path | None:
        """The save dialog for a PDF (tests replace this method)."""
        from handbook.ui import printing

        return printing.ask_pdf_path(self, self.tr("Lagre som PDF"), suggested)

    def print_page(self) -> None:
        wizard = self.summary_wizard()
        if wizard is not None:
            if wizard.print_summary():
                self.show_status(wizard.status_label.text())
            return
        job = self._print_job()
        if job is None:
            return
        from handbook.ui import printing

        printer = printing.printer_for(job)
        if self.ask_printer(printer):
            try:
                pages = printing.render(printer, job)
            except OSError as exc:
                self.show_status(self.tr("Kunne ikke skrive ut: {error}").format(error=exc))
                return
            self.show_status(self.tr("Sendt til skriveren ({pages} sider)").format(pages=pages))

    def preview_page(self) -> QWidget | None:
        """Print preview of the page – or of the checklist summary when it is shown (the same pages as on paper);
        print from the preview."""
        wizard = self.summary_wizard()
        if wizard is not None:
            return wizard.preview_summary()
        job = self._print_job()
        if job is None:
            return None
        from handbook.ui import printing

        dialog = printing.open_preview(job, self, self.tr("Forhåndsvisning – {title}").format(title=job.title))
        self.preview_dialog = dialog
        return dialog

    def save_pdf(self) -> Path | None:
        wizard = self.summary_wizard()
        if wizard is not None:
            saved = wizard.save_pdf()
            if saved is not None:
                self.show_status(wizard.status_label.text())
            return saved
        job = self._print_job()
        page_id = self.current_page_id
        if job is None or page_id is None:
            return None
        from handbook.ui import printing

        path = self.ask_pdf_path(printing.documents_folder() / f"{page_id}.pdf")
        if path is None:
            return None

        try:
            pages = printing.save_pdf(path, job)
        except OSError as exc:
            self.show_status(self.tr("Kunne ikke lagre PDF: {error}").format(error=exc))
            return None
        self.show_status(self.tr("Lagret {path} ({pages} sider)").format(path=path, pages=pages))
        return path
