"""Practice cases as a user meets them: opened from the home page or the menu, walked by keyboard, feedback
with links that open the handbook beside the case, the meeting mode for a projector, the case sheet, and
nothing written to the settings or the cache by a walk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from handbook.core.content import load_handbook
from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.main_window import MainWindow
from handbook.ui.practice_view import MEETING_SCALE, TEXT_SCALE, PracticeView, PracticeWindow
from tests.conftest import CONTENT
from tests.ui_support import open_window

# The offscreen platform cannot raise a window or take size hints: exactly those messages are ignored.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")]
CASE = "barnehage-koppen"


def open_from_home(qtbot: QtBot, window: MainWindow) -> PracticeView:
    qtbot.mouseClick(window.home.practice_link, Qt.MouseButton.LeftButton)
    practice = window.practice_window
    assert isinstance(practice, PracticeWindow)
    qtbot.waitExposed(practice)
    practice.activateWindow()
    qtbot.waitUntil(practice.isActiveWindow)
    return practice.view


def press(qtbot: QtBot, view: PracticeView, key: Qt.Key) -> None:
    """A key press where the focus is (as the user's keyboard does)."""
    target = view.focusWidget() or view
    assert view.isAncestorOf(target) or target is view
    qtbot.keyClick(target, key)


def make_view(qtbot: QtBot, municipality: str = "no") -> PracticeView:
    view = PracticeView(load_handbook(CONTENT, municipality), text_size=11)
    qtbot.addWidget(view)
    view.resize(900, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_a_case_opens_from_the_home_page_and_is_walked_by_keyboard(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    view = open_from_home(qtbot, window)
    assert view.state is None and CASE in view.case_buttons  # the list of cases
    view.case_buttons[CASE].setFocus()
    press(qtbot, view, Qt.Key.Key_Space)  # open the focused case
    assert view.state is not None and view.state.current == "tegningen"
    assert "Pappa kastet koppen" in view.says_label.text() and len(view.option_buttons) == 4
    assert "oppdiktet" in view.fictional_label.text()

    press(qtbot, view, Qt.Key.Key_2)  # the leading question
    assert view.state.feedback and view.pages.currentIndex() == 2
    assert view.chosen_label.text() == "Du sier: «Slo pappa mamma også?»"
    assert view.rating_label.text() == "Ikke et godt valg"
    assert "Ja." in view.reply_label.text() and "ledende" in view.feedback_label.text().lower()
    assert view.links.hrefs() == ["page:samtale-med-barn", "page:statens-barnehus"]
    assert view.links.buttons[0].text() == "→ Samtale med barn om vold – lytt, ikke forhør"

    press(qtbot, view, Qt.Key.Key_Backspace)  # back: choose again
    assert view.state.current == "tegningen" and not view.state.feedback
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_2, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return):
        press(qtbot, view, key)
    assert view.state.finished and view.state.current == "etterpa"
    assert "Skriv ned Idas egne ord" in view.stage_text.text()
    assert "checklist:bekymring-barn" in view.stage_links.hrefs() and view.stage_links.isVisible()
    path = view.path_label.text()
    assert "Fortell mer om det." in path and "lagrer ingenting" in path


def test_the_menu_and_its_shortcut_open_practice(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    assert window.act_practice in window.menuBar().actions()[1].menu().actions()  # Gå → Øvingssaker
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    practice = window.practice_window
    assert isinstance(practice, PracticeWindow) and practice.isVisible()
    assert set(practice.view.case_buttons) >= {CASE, "legevakt-natt", "nav-nodhjelp"}


def test_feedback_links_open_the_page_contact_and_checklist_beside_the_case(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    view = open_from_home(qtbot, window)
    view.open_case(CASE)
    press(qtbot, view, Qt.Key.Key_1)
    assert view.focusWidget() is view.continue_button
    press(qtbot, view, Qt.Key.Key_Backtab)  # Shift+Tab from «Fortsett» into the links above it
    assert view.focusWidget() is view.links.buttons[-1]
    with qtbot.waitSignal(view.linkActivated, timeout=2000) as blocker:
        press(qtbot, view, Qt.Key.Key_Return)  # Enter follows the link
    assert blocker.args == ["page:samtale-med-barn"]
    assert window.current_page_id == "samtale-med-barn"
    assert view.state is not None and view.state.feedback  # the case kept its place

    qtbot.mouseClick(view.continue_button, Qt.MouseButton.LeftButton)  # back in the case: «Fortsett»
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return):
        press(qtbot, view, key)
    assert view.state.current == "henting"
    press(qtbot, view, Qt.Key.Key_1)
    assert view.links.hrefs() == ["page:opplysningsplikt-barnehage", "contact:barnevernvakt"]
    qtbot.mouseClick(view.links.buttons[1], Qt.MouseButton.LeftButton)
    assert window.history.current is not None and str(window.history.current) == "contact:barnevernvakt"
    qtbot.mouseClick(view.continue_button, Qt.MouseButton.LeftButton)
    assert view.state.finished
    button = view.stage_links.buttons[view.stage_links.hrefs().index("checklist:bekymring-barn")]
    button.setFocus()
    press(qtbot, view, Qt.Key.Key_Space)
    assert isinstance(window.checklist, ChecklistWizard) and window.checklist.checklist_id == "bekymring-barn"
    assert view.state.finished and view.state.current == "etterpa"


def test_meeting_mode_one_stage_per_screen_large_text_options_when_ready(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.open_case("skole-vil-ikke-hjem")
    normal = view.stage_text.font().pointSizeF()
    assert normal == pytest.approx(11 * TEXT_SCALE)
    assert not view.discuss_label.isVisible() and len(view.option_buttons) == 3

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert view.meeting
    large = view.stage_text.font().pointSizeF()
    assert large == pytest.approx(normal * MEETING_SCALE) and large >= 26
    assert view.discuss_label.isVisible() and "Hvem ringer du" in view.discuss_label.text()
    assert view.option_buttons == [] and view.reveal_button.isVisible()  # the group talks first
    assert view.stage_texts_on_screen() == [view.case.stage("fredag").text]  # type: ignore[union-attr]
    press(qtbot, view, Qt.Key.Key_1)
    assert view.state is not None and not view.state.feedback  # no choice before the options are shown
    press(qtbot, view, Qt.Key.Key_Return)  # the group is ready
    assert len(view.option_buttons) == 3 and view.option_buttons[0].label.font().pointSizeF() > 2 * 11
    press(qtbot, view, Qt.Key.Key_1)
    assert view.state.feedback and view.feedback_label.font().pointSizeF() == pytest.approx(large)
    assert view.stage_texts_on_screen() == []  # the feedback has its own screen
    press(qtbot, view, Qt.Key.Key_Return)
    assert view.stage_texts_on_screen() == [view.case.stage("rektor").text]  # type: ignore[union-attr]
    assert view.option_buttons == []  # hidden again for the next stage
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    assert not view.meeting and len(view.option_buttons) == 3
    assert view.stage_text.font().pointSizeF() == pytest.approx(normal)


def test_the_practice_window_fills_the_screen_in_meeting_mode(qtbot: QtBot) -> None:
    window = PracticeWindow(load_handbook(CONTENT, "kramfors"), text_size=11)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert set(window.view.case_buttons) == {"forskola-berattelsen", "socialtjansten-mottagningen"}
    window.view.meeting_start.click()
    assert window.view.meeting and window.isFullScreen()
    window.view.open_case("forskola-berattelsen")
    assert window.view.reveal_button.isVisible() and "Vad tänker du" in window.view.discuss_label.text()
    window.view.set_meeting(False)
    assert not window.isFullScreen()


def test_the_case_sheet_prints_with_the_facilitator_notes(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot, "hammerfest")
    view.open_case("legevakt-natt")
    offered: list[Path] = []

    def ask(suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / "saksark.pdf"

    view.ask_pdf_path = ask  # type: ignore[method-assign]
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert offered and offered[0].name == "legevakt-natt.pdf"
    text = " ".join((page.extract_text() or "") for page in PdfReader(tmp_path / "saksark.pdf").pages)
    flat = " ".join(text.split())
    assert "Merkene på halsen" in flat and "Hammerfest" in flat
    assert "Til den som leder møtet" in flat and "Til diskusjon" in flat and "Side 1 av" in flat
    assert "Ikke et godt valg" in flat  # every option with its rating, for the facilitator
    asked: list[Any] = []
    view.ask_printer = lambda printer: asked.append(printer) or False  # type: ignore[method-assign]
    assert view.print_sheet() is False and asked  # cancelled in the dialog: nothing printed


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()}


def test_a_walk_writes_nothing_to_settings_or_cache(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "ullensaker", opener)
    window.settings.sync()
    folders = (Path(os.environ["VEILEDER_CONFIG_DIR"]), Path(os.environ["VEILEDER_CACHE_DIR"]))
    before = _snapshot(*folders)
    view = open_from_home(qtbot, window)
    view.open_case("nav-nodhjelp")
    for key in (Qt.Key.Key_2, Qt.Key.Key_Return, Qt.Key.Key_3, Qt.Key.Key_Return, Qt.Key.Key_2, Qt.Key.Key_Return):
        press(qtbot, view, key)
    assert view.state is not None and view.state.finished
    view.set_meeting(True)
    view.restart()
    view.set_meeting(False)
    window.practice_window.close()  # type: ignore[union-attr]
    window.settings.sync()
    assert _snapshot(*folders) == before
    window.close()
    written = b"".join(_snapshot(*folders).values()).lower()
    assert written, "closing the reader saved its own settings"
    for trace in (b"nav-nodhjelp", b"practice", "Du ringer samboeren".lower().encode()):
        assert trace not in written
