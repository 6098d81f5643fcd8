"""Links and text from content in the reader and the wizard (issue 12): only allowed links reach the system,
pictures come only from the pack, every text is escaped, and «Lagret» is said only of a file that was written."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from handbook.core.content import load_handbook
from handbook.ui.checklist_wizard import ChecklistWizard
from handbook.ui.main_window import MainWindow
from tests.checklist_helpers import MINI, line_of, write_checklist
from tests.conftest import page_text, write
from tests.hostile_support import png_bytes
from tests.ui_support import cached_opener, click_text, open_window

pytestmark = pytest.mark.gui

LINKS = {
    "nettet": ("https://www.bufdir.no/vold/", True),
    "epost": ("mailto:post@kommune.no", True),
    "ring": ("tel:+4722000000", True),
    "skript": ("javascript:alert(1)", False),
    "fila": ("file:///etc/passwd", False),
    "mappa": ("smb://server/del", False),
    "oppsettet": ("ms-settings:privacy", False),
    "dataene": ("data:text/html,<b>x</b>", False),
    "vbs": ("vbscript:msgbox", False),
    "oppover": ("../../hemmelig", False),
}


@pytest.fixture
def content(mini_content: Path) -> Path:
    body = ["# Lenker og bilder", ""]
    body += [f"Lenke til [{word}]({target})." for word, (target, _ok) in LINKS.items()]
    body += [
        "",
        "Kart: ![kartet](bilder/kart.png)",
        "Fjern: ![sporing](http://tracker.example.com/p.png)",
        "Fil: ![passordet](file:///etc/hostname)",
        "Opp: ![oppe](../../../../etc/kart.png)",
        "Data: ![innebygd](data:image/png;base64,iVBORw0KGgo=)",
    ]
    write(mini_content / "packs/no/pages/lenker.md", page_text("lenker", "Lenker", "\n".join(body)))
    (mini_content / "packs/no/bilder").mkdir()
    (mini_content / "packs/no/bilder/kart.png").write_bytes(png_bytes())
    return mini_content


def page_window(qtbot: QtBot, content: Path, page: str = "lenker") -> MainWindow:
    window = open_window(qtbot, "no", cached_opener(content.parent / "cache"), content=content)
    assert window.navigate(f"page:{page}")
    return window


def test_only_allowed_links_reach_the_system_and_only_after_a_yes(
    qtbot: QtBot, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = page_window(qtbot, content)
    asked: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(window, "confirm_external", lambda url: asked.append(url) or True)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    document = window.page_view.browser.document()
    for word, (_target, allowed) in LINKS.items():
        found = document.find(word)
        assert not found.isNull(), word
        assert found.charFormat().isAnchor() is allowed, word  # a refused link is plain text, not a trap
        if allowed:
            click_text(qtbot, window.page_view.browser, word)
    allowed_targets = [target for target, ok in LINKS.values() if ok]
    assert asked == allowed_targets and opened == allowed_targets
    # Whatever route a link takes (the wizard, a contact), the window checks it again before the system.
    for target, ok in LINKS.values():
        if not ok:
            assert window.open_external(target) is False
    assert opened == allowed_targets and asked == allowed_targets
    assert "ikke tillatt" in window.status_label.text()


def test_the_question_before_opening_says_where_the_link_goes(
    qtbot: QtBot, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = page_window(qtbot, content)
    shown: list[str] = []
    opened: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0  # closed without choosing «Åpne»

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    assert window.open_external("https://www.bufdir.no/vold/") is False
    assert window.open_external("mailto:post@kommune.no") is False
    assert window.open_external("tel:+4722000000") is False
    assert "www.bufdir.no" in shown[0] and "internett" in shown[0]
    assert "post@kommune.no" in shown[1] and "+4722000000" in shown[2]
    assert opened == []


def test_pictures_come_only_from_the_pack(qtbot: QtBot, content: Path) -> None:
    window = page_window(qtbot, content)
    html = window.page_view.browser.document().toHtml()
    sources = [part.split('"', 1)[0] for part in html.split('<img src="')[1:]]
    local = (content / "packs/no/bilder/kart.png").resolve()
    assert sources == [QUrl.fromLocalFile(str(local)).toString()]
    text = window.page_view.browser.toPlainText()
    for alt in ("[sporing]", "[passordet]", "[oppe]", "[innebygd]"):
        assert alt in text  # the picture's words instead of the picture
    problems = "\n".join(str(issue) for issue in window.handbook.issues)
    for line in (25, 26, 27, 28):  # the body starts at line 11: the four refused pictures
        assert f"lenker.md:{line}: error: image not shown" in problems


HOSTILE_MINI = MINI.replace(
    "    text: Har du grunn til å tro at barnet er utsatt?\n    help: Du trenger ikke bevis.",
    '    text: \'<h1>Stor</h1><img src="file:///etc/hostname"> Se [psykisk vold](psykisk-vold) '
    "eller [skript](javascript:alert(1)).'\n"
    "    help: '<b>fet</b> & <a href=\"https://evil.example\">lenke</a>'",
).replace('      - {label: "Ja", next: rad}', '      - {label: "<i>Ja</i> & mer", next: rad}')


def walk_to_question(qtbot: QtBot, content: Path) -> ChecklistWizard:
    write_checklist(content, HOSTILE_MINI)
    wizard = ChecklistWizard(load_handbook(content, "no"), "mini", today=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(wizard)
    wizard.choose(1)  # «Nei»: on to the question with the markup in it
    return wizard


def test_the_wizard_escapes_content_and_keeps_only_allowed_links(qtbot: QtBot, mini_content: Path) -> None:
    wizard = walk_to_question(qtbot, mini_content)
    question = wizard.question_label.text()
    assert "&lt;h1&gt;Stor&lt;/h1&gt;&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in question
    assert "<h1>" not in question and "<img" not in question
    assert '<a href="page:psykisk-vold">psykisk vold</a>' in question
    assert "javascript" not in question and "skript" in question
    help_text = wizard.help_label.text()
    assert "&lt;b&gt;fet&lt;/b&gt; &amp; &lt;a href=" in help_text and "<a " not in help_text
    assert "Se psykisk vold eller skript." in wizard.question_label.accessibleName()  # read aloud plainly
    labels = [button.text() for button in wizard.answer_buttons]
    assert labels[0] == "1   <i>Ja</i> && mer"  # plain text on the button; '&' is not a shortcut key
    with qtbot.waitSignal(wizard.linkActivated) as signal:
        wizard.question_label.linkActivated.emit("page:psykisk-vold")
    assert signal.args == ["page:psykisk-vold"]


def test_lint_reports_the_forbidden_link_in_the_checklist(mini_content: Path) -> None:
    from handbook.core.lint import lint

    path = write_checklist(mini_content, HOSTILE_MINI)
    report = lint(mini_content, "no", today=dt.date(2026, 11, 30))
    line = line_of(HOSTILE_MINI, "  grunn:")  # the step's line
    assert any(i.path == path and i.line == line and "link not allowed" in i.message for i in report.errors)


def finished_wizard(qtbot: QtBot, content: Path) -> ChecklistWizard:
    write_checklist(content)
    wizard = ChecklistWizard(load_handbook(content, "no"), "mini", today=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(wizard)
    wizard.choose(0)  # «Ja»: straight to the end
    assert wizard.current_summary is not None
    return wizard


def test_saving_over_a_write_protected_file_does_not_say_saved(qtbot: QtBot, mini_content: Path,
                                                               tmp_path: Path) -> None:
    wizard = finished_wizard(qtbot, mini_content)
    folder = tmp_path / "ut"
    folder.mkdir()
    target = folder / "oppsummering.pdf"
    target.write_bytes(b"the old file")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        assert wizard.save_pdf(target) is None
        assert not wizard.status_label.text().startswith("Lagret")
        assert "Kunne ikke lagre" in wizard.status_label.text()
        assert target.read_bytes() == b"the old file"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [p.name for p in folder.iterdir()] == ["oppsummering.pdf"]  # no temporary file left


def test_saving_where_no_file_can_be_written_does_not_say_saved(qtbot: QtBot, mini_content: Path,
                                                                tmp_path: Path) -> None:
    wizard = finished_wizard(qtbot, mini_content)
    (tmp_path / "fil").write_text("not a folder")
    assert wizard.save_pdf(tmp_path / "fil" / "oppsummering.pdf") is None
    assert "Kunne ikke lagre" in wizard.status_label.text()
    good = wizard.save_pdf(tmp_path / "ok.pdf")
    assert good == tmp_path / "ok.pdf" and good.read_bytes().startswith(b"%PDF")
    assert wizard.status_label.text().startswith("Lagret")


def test_a_page_pdf_over_a_write_protected_file_does_not_say_saved(
    qtbot: QtBot, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = page_window(qtbot, content, "psykisk-vold")
    target = tmp_path / "side.pdf"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR)
    monkeypatch.setattr(window, "ask_pdf_path", lambda _suggested: target)
    try:
        assert window.save_pdf() is None
        assert not window.status_label.text().startswith("Lagret")
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_large_page_is_prepared_off_the_ui_thread(qtbot: QtBot, content: Path) -> None:
    paragraphs = "\n\n".join(f"Avsnitt {n}: vanlig tekst om rutiner og ansvar." for n in range(1200))
    write(content / "packs/no/pages/lang-side.md", page_text("lang-side", "Lang side", f"# Lang side\n\n{paragraphs}"))
    window = page_window(qtbot, content, "psykisk-vold")
    assert window.navigate("page:lang-side")
    view = window.page_view
    assert view.preparing and "Henter siden" in view.browser.toPlainText()  # the window is not held up
    qtbot.waitUntil(lambda: not view.preparing, timeout=30_000)
    assert "Avsnitt 1199" in view.browser.toPlainText()
    assert window.navigate("page:psykisk-vold")  # and other pages still show at once
    assert "Psykisk vold" in view.browser.toPlainText()


def test_the_wizard_counts_a_3000_step_chain_without_recursion(qtbot: QtBot, mini_content: Path) -> None:
    steps = ["id: lang", "title: Lang", 'version: "1"', "reviewed: 2026-11-01", "owner: Koordinator",
             "audience: [children]", 'sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]', "start: s0", "steps:"]
    for n in range(2999):
        steps += [f"  s{n}:", "    type: advice", f"    text: Steg {n}.", f"    next: s{n + 1}"]
    steps += ["  s2999:", "    type: end", "    text: Slutt.", "    actions:", "      - text: Meld.",
              "        basis: [opplysningsplikt]"]
    write_checklist(mini_content, "\n".join(steps) + "\n", name="lang")
    wizard = ChecklistWizard(load_handbook(mini_content, "no"), "lang")
    qtbot.addWidget(wizard)
    assert wizard.error is None
    assert "3000" in wizard.progress_label.text()
    wizard.proceed()
    assert "Steg 1." in wizard.question_label.text()


def test_titles_and_names_from_content_are_text_everywhere(qtbot: QtBot, content: Path) -> None:
    title = '<img src="file:///etc/hostname"><b>Fet</b>'
    write(content / "packs/no/pages/markup.md", page_text("markup", f"'{title}'", "# Tittel\n\nTekst."))
    write(content / "packs/no/pack.yaml", "id: no\nname: '<i>Nasjonal</i>'\nlanguage: nb\n")
    window = page_window(qtbot, content, "markup")
    tips = []
    toc = window.navigation.toc
    for top in range(toc.topLevelItemCount()):
        section = toc.topLevelItem(top)
        tips += [section.child(n).toolTip(0) for n in range(section.childCount())
                 if section.child(n).text(0) == title]
    assert tips == ['<p style="white-space: pre-wrap">&lt;img src=&quot;file:///etc/hostname&quot;&gt;'
                    "&lt;b&gt;Fet&lt;/b&gt;</p>"]
    assert window.home.title.textFormat() == Qt.TextFormat.PlainText and window.home.title.text() == "<i>Nasjonal</i>"


def test_the_summary_shows_the_questions_as_plain_escaped_text(qtbot: QtBot, mini_content: Path) -> None:
    wizard = walk_to_question(qtbot, mini_content)
    wizard.choose(0)  # «<i>Ja</i> & mer»
    wizard.proceed()  # past the advice, to the end
    text = wizard.summary_plain_text()
    assert "Se psykisk vold eller skript. → <i>Ja</i> & mer" in text and "](" not in text
    html = wizard.summary_view.toHtml()
    assert "<h1>Stor" not in html and "&lt;h1&gt;Stor" in html and "javascript" not in html
