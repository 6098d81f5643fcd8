"""The checklist wizard as a user meets it: mouse, keyboard, links, summary, PDF, print and clipboard."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from handbook.core.content import load_handbook
from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.i18n import install_translator
from tests.conftest import CONTENT
from tests.pdfua import check_pdf

# The offscreen platform warns whenever a shown window gets a minimum size from its layout; that is the
# platform's limitation, not the widget's, so exactly that message is ignored.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]

TODAY = dt.date(2026, 11, 23)


def make(qtbot: QtBot, municipality: str, checklist_id: str) -> ChecklistWizard:
    wizard = ChecklistWizard(load_handbook(CONTENT, municipality), checklist_id, today=lambda: TODAY)
    qtbot.addWidget(wizard)
    wizard.resize(760, 900)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_answer(qtbot: QtBot, wizard: ChecklistWizard, number: int) -> None:
    click(qtbot, wizard.answer_buttons[number - 1])


def test_mouse_walk_to_the_summary(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "bekymring-barn")
    assert wizard.question_label.text() == "Er noen i fare akkurat nå?"
    assert wizard.progress_label.text().startswith("Steg 1 av høyst ")
    assert [b.text() for b in wizard.answer_buttons] == ["1   Ja", "2   Nei"]
    click_answer(qtbot, wizard, 2)
    assert wizard.question_label.text() == "Hvor jobber du?"
    click_answer(qtbot, wizard, 2)  # school → advice
    click(qtbot, wizard.continue_button)
    assert wizard.question_label.text() == "Hva gjør deg bekymret?"
    click_answer(qtbot, wizard, 1)  # the child has told → advice
    assert wizard.state is not None and wizard.state.step.type == "advice"
    assert wizard.continue_button.isVisible() and not wizard.answer_buttons
    assert "Samtale med barn om vold" in wizard.actions_label.toPlainText()
    click(qtbot, wizard.continue_button)
    click_answer(qtbot, wizard, 1)  # what the child told is reason to believe
    click_answer(qtbot, wizard, 2)  # not certain of serious violence
    click_answer(qtbot, wizard, 1)  # may come from a parent
    assert wizard.state.finished
    assert wizard.progress_label.text() == "Ferdig – 9 steg"
    text = wizard.summary_plain_text()
    assert "Resultat:\nMeld til barnevernet i dag – uten å varsle foreldrene først." in text
    assert "2. Hvor jobber du? → Skole eller SFO" in text
    assert "Grunnlag: Opplysningsplikt for skoleansatte (Opplæringslova" in text
    assert "Dato: 2026-11-23" in text
    shown = wizard.summary_view.toPlainText()
    assert "Meld til barnevernet i dag – uten å varsle foreldrene først." in shown
    # the national pack has no local child-welfare number: the summary says so and gives a verified national one
    assert "lokalt nummer mangler. Ring nasjonalt: Alarmtelefonen for barn og unge 116 111" in shown


def test_keyboard_walk_back_and_restart(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "akutt-fare")
    qtbot.keyClick(wizard, Qt.Key.Key_2)
    assert wizard.question_label.text() == "Hva har nettopp skjedd?"
    qtbot.keyClick(wizard, Qt.Key.Key_9)  # no ninth answer: nothing happens
    assert wizard.question_label.text() == "Hva har nettopp skjedd?"
    qtbot.keyClick(wizard, Qt.Key.Key_2)  # sexual assault → advice
    assert wizard.state is not None and wizard.state.current == "overgrep"
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.state.current == "trygg-natt"
    qtbot.keyClick(wizard, Qt.Key.Key_Backspace)
    assert wizard.state.current == "overgrep"
    qtbot.keyClick(wizard, Qt.Key.Key_Enter)
    qtbot.keyClick(wizard, Qt.Key.Key_1)  # a safe place tonight
    qtbot.keyClick(wizard, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert wizard.state.current == "trygg-natt"
    for key in (Qt.Key.Key_2, Qt.Key.Key_Return, Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_2):
        qtbot.keyClick(wizard, key)  # no safe place → crisis centre → no child → no great danger → no report
    assert wizard.state.finished and wizard.state.current == "eget-valg"
    text = wizard.summary_plain_text()
    assert "Personen vil ikke kontakte politiet nå." in text
    assert "Be personen om ikke å vaske seg eller bytte klær" in text
    qtbot.keyClick(wizard.summary_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # from the summary
    assert wizard.state.current == "samtykke" and not wizard.summary_plain_text()
    click(qtbot, wizard.restart_button)
    assert wizard.state.current == "fare" and wizard.state.taken == ()
    assert not wizard.back_button.isEnabled()


def test_keys_reach_the_wizard_from_the_focused_button(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "voksen-utsatt")
    qtbot.keyClick(wizard.answer_buttons[0], Qt.Key.Key_2)
    assert wizard.question_label.text().startswith("Er personen redd for å dra hjem i dag")
    qtbot.keyClick(wizard.answer_buttons[1], Qt.Key.Key_2)
    assert wizard.question_label.text() == "Hvordan vet du om volden?"
    qtbot.keyClick(wizard.answer_buttons[1], Qt.Key.Key_1)
    assert wizard.state is not None and wizard.state.step.type == "advice"
    qtbot.keyClick(wizard.continue_button, Qt.Key.Key_Return)
    assert wizard.state.current == "barn"
    qtbot.keyClick(wizard.back_button, Qt.Key.Key_Backspace)
    assert wizard.state.current == "fortalt"


def test_back_button_keeps_earlier_answers(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "eldre-risikoutsatt")
    assert not wizard.back_button.isEnabled()
    click_answer(qtbot, wizard, 2)
    click_answer(qtbot, wizard, 2)
    assert wizard.question_label.text().startswith("Er du helsepersonell")
    click(qtbot, wizard.back_button)
    assert wizard.question_label.text().startswith("Er personen redd for å være hjemme i natt")
    assert wizard.state is not None and [c.step_id for c in wizard.state.taken] == ["fare"]


def test_yes_to_danger_shows_the_emergency_numbers(qtbot: QtBot) -> None:
    wizard = make(qtbot, "hammerfest", "tvangsekteskap-aere")
    click_answer(qtbot, wizard, 1)
    shown = wizard.summary_view.toPlainText()
    assert "Ring 112 nå." in shown and "Politiet – nødnummer 112: 112" in shown and "113" in shown


def test_links_open_beside_the_wizard_and_keep_its_place(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "bekymring-barn")
    click_answer(qtbot, wizard, 1)
    view = wizard.summary_view
    found = view.document().find("Politiet – nødnummer 112")
    assert not found.isNull()
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 3)

    def link_under_the_point() -> bool:
        return view.anchorAt(view.cursorRect(cursor).center()) == "contact:politi-112"

    qtbot.waitUntil(link_under_the_point)  # the summary is laid out
    point = view.cursorRect(cursor).center()
    state = wizard.state
    with qtbot.waitSignal(wizard.linkActivated, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["contact:politi-112"]
    assert wizard.state == state and wizard.state is not None and wizard.state.finished


def test_advice_links_are_page_and_contact_links(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "voksen-utsatt")
    for number in (2, 1):  # no danger now, but afraid to go home today → crisis centre advice
        click_answer(qtbot, wizard, number)
    assert wizard.state is not None and wizard.state.current == "krisesenter"
    html = wizard.actions_label.toHtml()
    assert 'href="contact:krisesenter"' in html and 'href="page:krisesenterlova"' in html
    with qtbot.waitSignal(wizard.linkActivated) as blocker:
        wizard.actions_label.anchorClicked.emit(QUrl("page:krisesenterlova"))
    assert blocker.args == ["page:krisesenterlova"] and wizard.state.current == "krisesenter"


def test_save_as_pdf(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = make(qtbot, "ullensaker", "akutt-fare")
    target = tmp_path / "oppsummering"
    monkeypatch.setattr(wizard, "choose_pdf_path", lambda: str(target))
    click_answer(qtbot, wizard, 1)
    click(qtbot, wizard.pdf_button)
    pdf = tmp_path / "oppsummering.pdf"
    qtbot.waitUntil(pdf.is_file)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert str(pdf) in wizard.status_label.text()
    assert check_pdf(pdf).problems == [], "the saved summary is a tagged PDF/UA-1 (tests/pdfua.py)"
    # Where WeasyPrint cannot load (the portable app), Qt still writes the PDF (untagged).
    monkeypatch.setitem(__import__("sys").modules, "weasyprint", None)
    assert wizard.save_pdf(tmp_path / "qt.pdf") == tmp_path / "qt.pdf"
    assert check_pdf(tmp_path / "qt.pdf").problems, "Qt's PDF is not tagged"


def test_cancelled_pdf_writes_nothing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = make(qtbot, "no", "akutt-fare")
    monkeypatch.setattr(wizard, "choose_pdf_path", lambda: None)
    click_answer(qtbot, wizard, 1)
    click(qtbot, wizard.pdf_button)
    assert wizard.save_pdf() is None and list(tmp_path.iterdir()) == []


def test_print_goes_through_the_print_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = make(qtbot, "no", "akutt-fare")
    out = tmp_path / "utskrift.pdf"
    seen: list[QPrinter] = []

    def accept(printer: QPrinter) -> bool:
        seen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(wizard, "exec_print_dialog", accept)
    click_answer(qtbot, wizard, 1)
    click(qtbot, wizard.print_button)
    assert len(seen) == 1 and seen[0].docName() == "Akutt fare – Nasjonal veileder"  # title – municipality, as pages
    qtbot.waitUntil(out.is_file)
    assert out.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(wizard, "exec_print_dialog", lambda printer: False)
    assert wizard.print_summary() is False


def test_copy_as_plain_text(qtbot: QtBot) -> None:
    wizard = make(qtbot, "asker", "voksen-utsatt")
    click_answer(qtbot, wizard, 1)
    QGuiApplication.clipboard().clear()
    click(qtbot, wizard.copy_button)
    copied = QGuiApplication.clipboard().text()
    assert copied == wizard.summary_plain_text()
    assert copied.startswith("Sjekkliste: Voksen utsatt for vold i nær relasjon (voksen-utsatt, versjon 2.0")
    assert "Kommune: Asker kommune" in copied and "<" not in copied
    assert "kopiert" in wizard.status_label.text()


@pytest.fixture
def swedish_ui() -> Iterator[None]:
    """The reader's UI in Swedish, as with a Swedish pack (Norwegian again afterwards)."""
    install_translator("sv")
    yield
    install_translator("nb")


def test_swedish_wizard(qtbot: QtBot, swedish_ui: None) -> None:
    wizard = make(qtbot, "kramfors", "oro-for-barn")
    assert wizard.question_label.text() == "Är någon i fara just nu?"
    assert wizard.progress_label.text().startswith("Steg 1 av högst ")
    assert (wizard.back_button.text(), wizard.restart_button.text()) == ("Tillbaka", "Börja om")
    for key in (Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_1,
                Qt.Key.Key_2):
        qtbot.keyClick(wizard, key)
    assert wizard.state is not None and wizard.state.current == "anmal"
    assert wizard.progress_label.text().startswith("Klart – ")
    assert (wizard.print_button.text(), wizard.pdf_button.text(), wizard.copy_button.text()) == (
        "Skriv ut", "Spara som PDF", "Kopiera som text")
    text = wizard.summary_plain_text()
    assert text.startswith("Checklista: Oro för ett barn") and "Kommun: Kramfors kommun" in text
    assert "Socialtjänstlag (2025:400)" in text
    assert "Svaren på vägen" in wizard.summary_view.toPlainText()


def test_accessible_names(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "bekymring-barn")
    assert [b.accessibleName() for b in wizard.answer_buttons] == ["Svar 1: Ja", "Svar 2: Nei"]
    assert wizard.question_label.accessibleName() == "Er noen i fare akkurat nå?"  # the words, not «Spørsmål»
    assert wizard.question_label.accessibleDescription() == "Spørsmål"
    assert wizard.progress_label.accessibleName().startswith("Steg 1 av høyst ")
    assert all(b.accessibleDescription() == "Er noen i fare akkurat nå?" for b in wizard.answer_buttons)
    for widget in (wizard, wizard.back_button, wizard.restart_button, wizard.progress_bar, wizard.summary_view,
                   wizard.print_button, wizard.pdf_button, wizard.copy_button, wizard.continue_button):
        assert widget.accessibleName(), widget
    assert "Tast 1–2" in wizard.answers_box.accessibleDescription()


def test_an_unknown_checklist_shows_an_error_instead_of_crashing(qtbot: QtBot) -> None:
    wizard = make(qtbot, "no", "finnes-ikke")
    assert wizard.state is None and wizard.error is not None
    assert "ukjent sjekkliste 'finnes-ikke'" in wizard.error_label.text()
    qtbot.keyClick(wizard, Qt.Key.Key_1)
    assert wizard.state is None


def test_a_walk_leaves_no_trace(qtbot: QtBot) -> None:
    folders = [Path(os.environ["VEILEDER_CONFIG_DIR"]), Path(os.environ["VEILEDER_CACHE_DIR"])]
    wizard = make(qtbot, "no", "bekymring-barn")
    for key in (Qt.Key.Key_2, Qt.Key.Key_5, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_1,
                Qt.Key.Key_1):
        qtbot.keyClick(wizard, key)
    assert wizard.state is not None and wizard.state.finished
    for folder in folders:
        assert not folder.exists() or not any(folder.rglob("*")), folder
