"""The checklist wizard inside the reader: it follows the reader's text size and UI language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from handbook.core.reader import DEFAULT_TEXT_SIZE
from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.i18n import install_translator
from handbook.ui.main_window import MainWindow
from tests.ui_support import open_window, start_app

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier



def open_checklist(qtbot: QtBot, window: MainWindow, tile: str = "child") -> ChecklistWizard:
    qtbot.mouseClick(window.home.tiles[tile], Qt.MouseButton.LeftButton)
    wizard = window.checklist
    assert isinstance(wizard, ChecklistWizard) and wizard.isVisible()
    return wizard


def sizes(wizard: ChecklistWizard) -> tuple[float, float, float]:
    """Point sizes of an answer button, the question and the title."""
    return (wizard.answer_buttons[0].font().pointSizeF(), wizard.question_label.font().pointSizeF(),
            wizard.title_label.font().pointSizeF())


def test_ctrl_plus_and_minus_reach_an_open_wizard(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    wizard = open_checklist(qtbot, window)
    button, question, title = sizes(wizard)
    assert button > DEFAULT_TEXT_SIZE and question > DEFAULT_TEXT_SIZE and title > question  # large, as before
    height = wizard.answer_buttons[0].minimumHeight()
    qtbot.keyClick(wizard.answer_buttons[0], Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(wizard.answer_buttons[0], Qt.Key.Key_Plus, CTRL)
    assert window.text_size == 13 and window.checklist is wizard
    bigger = sizes(wizard)
    assert all(after > before for after, before in zip(bigger, (button, question, title), strict=True))
    assert bigger[0] / 13 == pytest.approx(button / DEFAULT_TEXT_SIZE)  # still as much larger than the text
    assert wizard.answer_buttons[0].minimumHeight() > height
    assert wizard.help_label.font().pointSize() == 13  # the rest follows the application's font
    qtbot.keyClick(wizard.answer_buttons[0], Qt.Key.Key_2)  # the next step's buttons are made at the new size
    assert wizard.answer_buttons[0].font().pointSizeF() == bigger[0]
    qtbot.keyClick(wizard, Qt.Key.Key_0, CTRL)
    assert window.text_size == DEFAULT_TEXT_SIZE
    assert wizard.answer_buttons[0].font().pointSizeF() == button
    assert wizard.state is not None and wizard.state.position == 2  # the walk kept its place


def test_a_new_wizard_starts_at_the_current_text_size(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    default = sizes(open_checklist(qtbot, window))
    window.navigate("home")
    for _ in range(3):
        qtbot.keyClick(window.home.first_tile(), Qt.Key.Key_Plus, CTRL)
    assert window.text_size == 14
    wizard = open_checklist(qtbot, window, "adult")
    assert sizes(wizard)[0] == pytest.approx(default[0] * 14 / DEFAULT_TEXT_SIZE)


def choose_language(qtbot: QtBot, window: MainWindow, language: str) -> None:
    """Fil → Innstillinger: pick the language and press the first button (Lagre)."""
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_the_wizard_speaks_the_readers_language_english_included(qtbot: QtBot, opener: Any) -> None:
    reader = start_app(qtbot, "no", opener, tracked=False)
    try:
        assert reader.window is not None
        wizard = open_checklist(qtbot, reader.window)
        assert (wizard.back_button.text(), wizard.restart_button.text()) == ("Tilbake", "Start på nytt")
        with qtbot.waitSignal(reader.windowOpened):
            choose_language(qtbot, reader.window, "en")
        window = reader.window
        assert window.menuBar().actions()[0].text() == "&File"
        wizard = open_checklist(qtbot, window)
        assert (wizard.back_button.text(), wizard.restart_button.text()) == ("Back", "Start again")
        assert wizard.progress_label.text().startswith("Step 1 of at most ")
        assert wizard.question_label.text() == "Er noen i fare akkurat nå?"  # the content keeps its language
        assert [b.accessibleName() for b in wizard.answer_buttons] == ["Answer 1: Ja", "Answer 2: Nei"]
        assert wizard.keys_label.text() == "Press 1–2 to answer. Backspace or Alt+Left goes back."
        qtbot.keyClick(wizard.answer_buttons[0], Qt.Key.Key_2)
        qtbot.keyClick(wizard, Qt.Key.Key_1)  # works in a kindergarten → advice
        assert wizard.continue_button.text() == "Continue"
        assert wizard.keys_label.text().startswith("Enter continues.")
        assert "Read more" in wizard.actions_label.toPlainText() or "Contact" in wizard.actions_label.toPlainText()
        window.navigate("home")
        wizard = open_checklist(qtbot, window, "acute")
        qtbot.keyClick(wizard, Qt.Key.Key_1)  # danger now → the summary with the emergency numbers
        assert wizard.progress_label.text().startswith("Done – ")
        assert (wizard.print_button.text(), wizard.pdf_button.text(), wizard.copy_button.text()) == (
            "Print", "Save as PDF", "Copy as text")
        shown = wizard.summary_view.toPlainText()
        assert "Result" in shown and "What to do, in this order" in shown and "The answers along the way" in shown
        assert "Ring 112 nå." in shown
        text = wizard.summary_plain_text()  # what goes into a case file stays in the pack's language
        assert text.startswith("Sjekkliste: Akutt fare") and "Resultat:" in text
        QApplication.clipboard().clear()
        qtbot.mouseClick(wizard.copy_button, Qt.MouseButton.LeftButton)
        assert wizard.status_label.text().startswith("The summary is copied.")
    finally:
        if reader.window is not None:
            reader.window.close()
            reader.window.deleteLater()
        install_translator("nb")
        QApplication.processEvents()
