"""The page view (issue 5, item 4): owner, review date, sources, find in page, links, bad content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from handbook.ui.main_window import MainWindow
from tests.conftest import page_text, write
from tests.ui_support import cached_opener, click_text, open_window

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier



@pytest.fixture
def content(mini_content: Path) -> Path:
    """The small test content plus an old page with a link to the outside world."""
    write(mini_content / "packs/no/pages/gammel-rutine.md", page_text(
        "gammel-rutine", "Gammel rutine",
        """
        # Gammel rutine
        Les mer hos [Bufdir](https://www.bufdir.no/vold/) eller se [psykisk vold](psykisk-vold).
        En lenke til [en side som ikke finnes](borte).
        """,
        kind="routine", reviewed="2020-01-15", owner="Enhetsleder for helsestasjonen",
        sources='["Bufdir (bufdir.no)", "Kommunens rutine"]',
    ))
    return mini_content


def page_window(qtbot: QtBot, content: Path, page: str) -> MainWindow:
    window = open_window(qtbot, "by", cached_opener(content.parent / "cache"), content=content)
    assert window.navigate(f"page:{page}")
    return window


def test_page_shows_owner_review_date_and_sources(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:opplysningsplikt-barnevern")
    page = window.handbook.pages["opplysningsplikt-barnevern"]
    text = window.page_view.browser.toPlainText()
    assert page.title in window.windowTitle()
    assert f"Ansvarlig: {page.owner}" in text
    assert "Sist gjennomgått: " in text
    assert page.reviewed is not None and page.reviewed.strftime("%d.%m.%Y") in text
    assert all(source in text for source in page.sources)
    assert "Se også" in text
    assert "over 12 måneder" not in text


def test_an_old_review_is_marked(qtbot: QtBot, content: Path) -> None:
    window = page_window(qtbot, content, "gammel-rutine")
    text = window.page_view.browser.toPlainText()
    assert "15.01.2020" in text
    assert "for mer enn 12 måneder siden" in text  # the notice at the top
    assert "(over 12 måneder siden)" in text  # and the mark by the date
    assert "Enhetsleder for helsestasjonen" in text
    assert "Kommunens rutine" in text


def test_find_in_page_highlights_every_match(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "no", opener)
    window.navigate("page:opplysningsplikt-barnevern")
    view = window.page_view
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_F, CTRL)
    assert view.find_bar.isVisible() and view.find_bar.field.hasFocus()
    qtbot.keyClicks(view.find_bar.field, "barnevern")
    count = view.match_count
    assert count > 3
    assert len(view.browser.extraSelections()) == count
    assert view.find_bar.count.text() == f"1 av {count}"
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Return)
    assert view.current_match == 1
    qtbot.mouseClick(view.find_bar.previous, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.find_bar.previous, Qt.MouseButton.LeftButton)
    assert view.current_match == count - 1  # wraps round
    qtbot.keyClicks(view.find_bar.field, "qqq")
    assert view.match_count == 0 and view.find_bar.count.text() == "Ingen treff"
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Escape)
    assert view.find_bar.isHidden()
    assert view.browser.extraSelections() == []


def click_link(qtbot: QtBot, window: MainWindow, text: str) -> None:
    click_text(qtbot, window.page_view.browser, text)


def test_an_outside_link_asks_first_and_opens_only_when_told(
    qtbot: QtBot, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = page_window(qtbot, content, "gammel-rutine")
    asked: list[str] = []
    opened: list[str] = []
    answer = [False]

    def confirm(url: str) -> bool:
        asked.append(url)
        return answer[0]

    monkeypatch.setattr(window, "confirm_external", confirm)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    click_link(qtbot, window, "Bufdir")
    assert asked == ["https://www.bufdir.no/vold/"] and opened == []
    assert window.current_page_id == "gammel-rutine"
    answer[0] = True
    click_link(qtbot, window, "Bufdir")
    assert opened == ["https://www.bufdir.no/vold/"]


def test_internal_and_broken_links(qtbot: QtBot, content: Path) -> None:
    window = page_window(qtbot, content, "gammel-rutine")
    browser = window.page_view.browser
    broken = browser.document().find("en side som ikke finnes")
    assert not broken.charFormat().isAnchor()  # a broken link is plain text, not a trap
    click_link(qtbot, window, "psykisk vold")
    assert window.current_page_id == "psykisk-vold"
    click_link(qtbot, window, "krisesenteret")  # contact:krisesenter
    assert window.stack.currentWidget() is window.contacts
    assert window.contacts.cards["krisesenter"].property("current") == "true"


def test_bad_content_is_listed_in_one_dialog_and_the_good_pages_remain(qtbot: QtBot, content: Path) -> None:
    write(content / "packs/no/pages/odelagt.md", "---\nid: odelagt\ntitle: [uavsluttet\n---\n# Ødelagt\n")
    write(content / "packs/no/pages/uten-front.md", "# Ingen front matter\n")
    window = open_window(qtbot, "by", cached_opener(content.parent / "cache"), content=content)
    qtbot.waitUntil(lambda: window.issues_dialog is not None and window.issues_dialog.isVisible())
    listed = window.issues_dialog.text.toPlainText()
    assert "odelagt.md" in listed and "uten-front.md" in listed
    assert window.navigate("page:psykisk-vold")
    assert "odelagt" not in window.handbook.pages
