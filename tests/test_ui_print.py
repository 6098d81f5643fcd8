"""Print and PDF of a page (issue 5, item 7): title, municipality, review date and page numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from handbook.ui import printing
from tests.ui_support import cached_opener, open_window, shared_cache

pytestmark = pytest.mark.gui


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_save_a_page_as_pdf(qtbot: QtBot, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    window = open_window(qtbot, "asker", cached_opener(shared_cache(tmp_path_factory)))
    window.navigate("page:opplysningsplikt-barnevern")
    target = tmp_path / "ut" / "side.pdf"
    offered: list[Path] = []

    def ask(suggested: Path) -> Path:
        offered.append(suggested)
        return target

    window.ask_pdf_path = ask  # type: ignore[method-assign]
    qtbot.keyClick(window.page_view.browser, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert offered and offered[0].name == "opplysningsplikt-barnevern.pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(target) >= 2  # a long page runs over several sheets
    assert "side.pdf" in window.status_label.text()


def test_print_job_carries_title_municipality_review_date_and_page_numbers(
    qtbot: QtBot, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, "asker", cached_opener(shared_cache(tmp_path_factory)))
    window.navigate("page:taushetsplikt")
    drawn: list[str] = []
    original = printing.QPainter.drawText

    def spy(self: Any, *args: Any) -> None:
        drawn.append(str(args[-1]))
        original(self, *args)

    monkeypatch.setattr(printing.QPainter, "drawText", spy)
    out = tmp_path / "utskrift.pdf"

    def printer_dialog(printer: Any) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    window.ask_printer = printer_dialog  # type: ignore[method-assign]
    qtbot.mouseClick(window.toolbar.widgetForAction(window.act_print), Qt.MouseButton.LeftButton)
    page = window.handbook.pages["taushetsplikt"]
    pages = pdf_pages(out)
    assert pages >= 1
    assert f"{page.title} – Asker kommune" in drawn
    assert page.reviewed is not None
    assert f"Sist gjennomgått: {page.reviewed.strftime('%d.%m.%Y')}" in drawn
    assert f"Side 1 av {pages}" in drawn and f"Side {pages} av {pages}" in drawn


def test_print_and_pdf_are_off_when_no_page_is_shown(qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory) -> None:
    window = open_window(qtbot, "no", cached_opener(shared_cache(tmp_path_factory)))
    assert not window.act_print.isEnabled() and not window.act_pdf.isEnabled()
    assert window.save_pdf() is None


def test_the_save_dialog_opens_in_documents_and_always_gives_a_pdf_name(qtbot: QtBot,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QWidget

    asked: list[str] = []
    answers = iter(["/tmp/saker/sak", "/tmp/saker/sak.2026", "/tmp/saker/a.PDF", ""])

    def dialog(_parent: QWidget, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    parent = QWidget()
    qtbot.addWidget(parent)
    suggested = printing.documents_folder() / "side.pdf"
    assert printing.documents_folder() == Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert printing.ask_pdf_path(parent, "Lagre som PDF", suggested) == Path("/tmp/saker/sak.pdf")
    assert printing.ask_pdf_path(parent, "Lagre som PDF", suggested) == Path("/tmp/saker/sak.2026.pdf")  # kept
    assert printing.ask_pdf_path(parent, "Lagre som PDF", suggested) == Path("/tmp/saker/a.PDF")
    assert printing.ask_pdf_path(parent, "Lagre som PDF", suggested) is None  # cancelled
    assert asked == [str(suggested)] * 4
