"""The checklist wizard inside the reader: it follows the reader's text size and UI language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from handbook.core.content import Handbook
from handbook.core.reader import DEFAULT_TEXT_SIZE
from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.main_window import MainWindow
from tests.ui_support import cached_opener, open_window, shared_cache

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opener(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Handbook], Any]:
    return cached_opener(shared_cache(tmp_path_factory))


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
