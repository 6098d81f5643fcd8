"""Issue 10: every checklist is reached from the home screen, no emergency slot is without a number, and the
checklist summary goes on paper like a page (header, footer, Ctrl+P / Ctrl+Shift+S)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPdfWriter
from pytestqt.qtbot import QtBot

from handbook import locations
from handbook.core.content import list_packs, load_handbook
from handbook.ui import printing
from handbook.ui.checklist_wizard import ChecklistWizard
from tests.ui_support import open_window

pytestmark = pytest.mark.gui
MUNICIPALITIES = [p.id for p in list_packs(locations.content_dir()) if p.base is not None]
PHONE = re.compile(r"^\+?\d[\d -]*\d$")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_the_five_municipalities_are_all_there() -> None:
    assert sorted(MUNICIPALITIES) == ["asker", "baerum", "hammerfest", "kramfors", "ullensaker"]


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_checklist_opens_from_the_home_screen(qtbot: QtBot, opener: Any, municipality: str) -> None:
    window = open_window(qtbot, municipality, opener)
    handbook = window.handbook
    assert set(window.home.checklists) == set(handbook.checklist_paths) and handbook.checklist_paths
    for checklist_id in handbook.checklist_paths:
        window.navigate("home")
        button = window.home.checklists[checklist_id]
        assert button.isVisible() and button.title.text() and button.subtitle.text()  # title and description
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert str(window.history.current) == f"checklist:{checklist_id}"
        wizard = window.checklist
        assert isinstance(wizard, ChecklistWizard) and wizard.isVisible()
        assert wizard.checklist is not None and wizard.error is None, wizard.error
        assert wizard.title_label.text() == button.title.text()
        assert wizard.question_label.text()  # the first question is shown


def test_the_acute_tile_opens_the_acute_checklist(qtbot: QtBot, opener: Any) -> None:
    """Kramfors: «Akut fara» opens the acute checklist once the Swedish pack has it, a page until then."""
    window = open_window(qtbot, "kramfors", opener)
    qtbot.mouseClick(window.home.tiles["acute"], Qt.MouseButton.LeftButton)
    if "akut-fara" in window.handbook.checklist_paths:
        assert str(window.history.current) == "checklist:akut-fara"
        assert isinstance(window.checklist, ChecklistWizard) and window.checklist.error is None
    else:
        assert window.history.current is not None and window.history.current.kind == "page"


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_emergency_slot_shows_a_phone_number(qtbot: QtBot, opener: Any, municipality: str) -> None:
    window = open_window(qtbot, municipality, opener)
    bar = window.emergency
    assert bar.buttons
    for contact_id, button in bar.buttons.items():
        contact = window.handbook.contacts[contact_id]
        assert button.isVisible()
        assert PHONE.match(button.title.text()), (contact_id, button.title.text())
        if contact.verified and contact.phone:
            assert button.title.text() == contact.phone
        else:  # the national number is labelled as such, and the missing local number is named
            national = window.handbook.fallback_for(contact)
            assert national is not None and national.verified
            assert button.title.text() == national.phone
            words = ("Nationellt", "saknas") if window.handbook.pack.is_swedish else ("Nasjonalt", "mangler")
            assert words[0] in button.subtitle.text() and words[1] in button.subtitle.text()


def test_hammerfest_bar_names_the_missing_local_numbers(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "hammerfest", opener)
    child = window.emergency.buttons["barnevernvakt"]
    assert child.title.text() == "116 111"
    assert child.subtitle.text() == ("Nasjonalt: Alarmtelefonen for barn og unge\n"
                                     "Barnevernvakten: lokalt nummer mangler")
    assert window.emergency.buttons["krisesenter"].title.text() == "116 006"


# ---------------------------------------------------------------------------- the summary on paper


def _walk_to_summary(qtbot: QtBot, window: Any, checklist_id: str) -> ChecklistWizard:
    """Answer «Ja» to every question and go on from every advice, by keyboard, until the summary."""
    window.navigate(f"checklist:{checklist_id}")
    wizard = window.checklist
    assert isinstance(wizard, ChecklistWizard) and wizard.state is not None
    for _ in range(len(wizard.checklist.steps) if wizard.checklist else 0):
        if wizard.current_summary is not None:
            break
        key = Qt.Key.Key_1 if wizard.state.step.type == "question" else Qt.Key.Key_Return
        qtbot.keyClick(wizard, key)
    assert wizard.current_summary is not None
    return wizard


def _pdf_text(path: Path) -> tuple[int, list[str]]:
    reader = PdfReader(str(path))
    return len(reader.pages), [" ".join(page.extract_text().split()) for page in reader.pages]


def test_ctrl_shift_s_saves_the_summary_with_header_and_footer(
    qtbot: QtBot, opener: Any, tmp_path: Path
) -> None:
    window = open_window(qtbot, "hammerfest", opener)
    assert not window.act_pdf.isEnabled()
    wizard = _walk_to_summary(qtbot, window, "akutt-fare")
    assert window.act_pdf.isEnabled() and window.act_print.isEnabled()
    target = tmp_path / "oppsummering.pdf"
    asked: list[bool] = []

    def choose() -> str:
        asked.append(True)
        return str(target)

    wizard.choose_pdf_path = choose  # type: ignore[method-assign]
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_S, CTRL | SHIFT)
    assert asked == [True]
    pages, texts = _pdf_text(target)
    shown = (f"Dato: {printing.format_date(dt.date.today())}", dt.date.today().isoformat())  # Qt's PDF, WeasyPrint's
    for number, text in enumerate(texts, 1):
        assert "Akutt fare – Hammerfest kommune" in text
        assert any(date in text for date in shown)
        assert f"Side {number} av {pages}" in text
    assert "116 111" in "".join(texts)  # the national number where the local one is missing
    assert str(target) in window.status_label.text()


def test_ctrl_p_prints_the_summary(qtbot: QtBot, opener: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, "kramfors", opener)
    checklist_id = "akut-fara" if "akut-fara" in window.handbook.checklist_paths else "oro-for-barn"
    wizard = _walk_to_summary(qtbot, window, checklist_id)
    out = tmp_path / "utskrift.pdf"

    def accept(printer: Any) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    wizard.exec_print_dialog = accept  # type: ignore[method-assign]
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_P, CTRL)
    pages, texts = _pdf_text(out)
    title = wizard.current_summary.title  # type: ignore[union-attr]
    assert f"{title} – Kramfors kommun" in texts[0]
    assert "Datum: " in texts[0]
    assert re.search(rf"Sida 1 av {pages}|Side 1 av {pages}", texts[0])


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")  # the preview dialog, offscreen
def test_the_summary_has_a_print_preview_with_the_paper_pages(qtbot: QtBot, opener: Any) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window = open_window(qtbot, "asker", opener)
    assert not window.act_preview.isEnabled()
    wizard = _walk_to_summary(qtbot, window, "akutt-fare")
    assert window.act_preview.isEnabled()
    assert wizard.preview_button.isVisible() and wizard.preview_button.accessibleName() == "Forhåndsvis"
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_P, CTRL | SHIFT)  # the window's Ctrl+Shift+P
    preview = wizard.preview_dialog
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    title = wizard.current_summary.title  # type: ignore[union-attr]
    assert preview.windowTitle() == f"Forhåndsvisning – {title} – Asker kommune"
    pages = preview.findChild(QPrintPreviewWidget)
    assert pages is not None
    qtbot.waitUntil(lambda: pages.pageCount() > 0)
    printed = wizard.print_job()
    assert printed is not None
    preview.close()
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)  # the summary's own button too
    again = wizard.preview_dialog
    assert again is not None and again is not preview
    qtbot.waitUntil(again.isVisible)
    again.close()


def test_a_nearly_empty_last_page_is_avoided(qtbot: QtBot, tmp_path: Path) -> None:
    """Text that would leave a line or two on a last page is set a little smaller to fit one page less."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(300)
    printing.setup_page(writer)
    rect = writer.pageLayout().paintRectPixels(300)
    height = rect.height() - 2 * 300 * 0.35
    html = ""
    for count in range(1, 400):
        html = "".join(f"<p>Avsnitt {n}: hva du gjør nå, hvem du ringer og hvorfor.</p>" for n in range(count))
        doc = printing._document(writer, html, rect.width(), height, printing.BODY_POINTS)
        if doc.pageCount() == 2:
            assert printing.last_page_fill(doc) < printing.NEAR_EMPTY  # one paragraph over the page
            break
    else:
        pytest.fail("never reached a second page")
    pages = printing.save_pdf(tmp_path / "ut.pdf", printing.PrintJob("Tittel", "Asker kommune", "", html, "Dato"))
    assert pages == 1 and len(PdfReader(str(tmp_path / "ut.pdf")).pages) == 1


def test_every_municipality_emergency_contact_has_a_number_in_the_core() -> None:
    for municipality in MUNICIPALITIES:
        handbook = load_handbook(locations.content_dir(), municipality)
        for contact in handbook.contacts.values():
            if contact.emergency and not (contact.verified and contact.phone):
                assert handbook.fallback_for(contact) is not None, (municipality, contact.id)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")  # a top-level wizard
def test_the_wizard_alone_answers_ctrl_p_and_ctrl_shift_s_on_its_summary(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = ChecklistWizard(load_handbook(locations.content_dir(), "asker"), "akutt-fare")
    qtbot.addWidget(wizard)
    wizard.show()
    calls: list[str] = []
    wizard.choose_pdf_path = lambda: calls.append("pdf") or str(tmp_path / "a.pdf")  # type: ignore[method-assign]
    wizard.exec_print_dialog = lambda printer: calls.append("print") or False  # type: ignore[method-assign]
    qtbot.keyClick(wizard, Qt.Key.Key_P, CTRL)
    assert calls == []  # no summary yet: nothing to print
    qtbot.keyClick(wizard, Qt.Key.Key_1)
    assert wizard.current_summary is not None
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_P, CTRL)
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_S, CTRL | SHIFT)
    assert calls == ["print", "pdf"] and (tmp_path / "a.pdf").is_file()
