"""The desktop's own conventions (issue 14): command line, one instance, the log, Qt's dialogs in Norwegian, the
system's dark scheme, print preview, the crash dialog, background failures, the icon and the window class."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from handbook import __version__
from handbook.logfile import log_file, start_log
from handbook.ui import app as app_module
from handbook.ui import themes
from handbook.ui.i18n import install_translator
from handbook.ui.reader_app import ReaderApp
from handbook.ui.settings import Settings
from handbook.ui.single_instance import SingleInstance, server_name
from tests.conftest import REPO
from tests.ui_support import open_window, wait_results

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


def run_main(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_version_help_and_an_unknown_option() -> None:
    version = run_main("--version", "--smoke")  # --version wins: nothing starts
    assert version.returncode == 0 and version.stdout.strip() == f"Veileder {__version__}"
    helped = run_main("--help")
    assert helped.returncode == 0 and "--municipality" in helped.stdout and "--version" in helped.stdout
    wrong = run_main("--smok")  # no abbreviations: a typo is refused, not guessed
    assert wrong.returncode == 2 and "ukjent valg: --smok" in wrong.stderr and wrong.stdout == ""


def test_qt_options_are_passed_on_to_qt_and_the_program_is_veileder() -> None:
    args, qt = app_module.parse_args(["main.py", "-platform", "offscreen", "--smoke", "-reverse"])
    assert args.smoke and qt == ["-platform", "offscreen", "-reverse"]
    assert app_module.qt_argv(qt)[0] == "veileder"  # the window class (WM_CLASS) is veileder, not main.py


def test_a_second_start_brings_the_open_window_forward(qtbot: QtBot) -> None:
    first = SingleInstance()
    assert first.name == server_name() and first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=60_000):
            second = run_main("--municipality", "asker")
        assert second.returncode == 0, second.stderr
        assert "allerede åpen" in second.stderr
    finally:
        first.close()
    assert not SingleInstance().already_running()  # gone with the first: the next start opens a window


def test_bring_forward_shows_the_window(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    reader: ReaderApp = window._reader_app  # type: ignore[attr-defined]
    window.hide()
    reader.bring_forward()
    assert window.isVisible()


def test_the_log_holds_no_search_text(qtbot: QtBot, opener: Any) -> None:
    path = start_log()
    assert path == log_file()
    window = open_window(qtbot, "asker", opener)
    wait_results(qtbot, window, "Kari Nordmann slo")
    window.navigate("page:" + next(iter(window.handbook.pages)))
    window.background.run(lambda: 1 / 0)  # a failure in a background job is logged – and shown
    qtbot.waitUntil(lambda: "Noe gikk galt i bakgrunnen" in window.status_label.text())
    assert str(log_file()) in window.status_label.text()
    window.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert "startet" in text and "background task failed" in text
    assert "Kari" not in text and "Nordmann" not in text


def test_the_crash_dialog_says_where_the_log_is(monkeypatch: pytest.MonkeyPatch) -> None:
    start_log()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module, "show_crash_dialog", lambda message, details: shown.append((message, details)))
    try:
        raise ValueError("noe uventet")
    except ValueError as exc:
        app_module._crash_handler(ValueError, exc, exc.__traceback__)
    assert len(shown) == 1 and str(log_file()) in shown[0][0] and "noe uventet" in shown[0][1]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "noe uventet" in log_file().read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "save", "cancel", "name"), [
    ("nb", "&Lagre", "Avbryt", "Fil&navn:"),
    ("sv", "&Spara", "Avbryt", "Fil&namn:"),
])
def test_the_save_dialog_speaks_the_ui_language(qtbot: QtBot, language: str, save: str, cancel: str,
                                                name: str) -> None:
    install_translator(language)
    try:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(None, "Lagre som PDF", documents, "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.show()
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        texts = {b.text() for b in buttons.findChildren(QPushButton)}
        assert save in texts and cancel in texts, texts
        assert name in {label.text() for label in dialog.findChildren(QLabel)}
    finally:
        install_translator("nb")


def test_a_page_is_saved_to_the_documents_folder_and_can_be_previewed(qtbot: QtBot, opener: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, "asker", opener)
    window.navigate("page:" + next(p.id for p in window.handbook.pages.values() if p.kind == "duty"))
    asked: list[Path] = []
    monkeypatch.setattr(window, "ask_pdf_path", lambda suggested: asked.append(suggested))
    window.save_pdf()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked and asked[0].parent == Path(documents)
    preview = window.preview_page()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    pages = preview.findChild(QPrintPreviewWidget)
    assert pages is not None
    qtbot.waitUntil(lambda: pages.pageCount() > 0)
    assert window.act_preview.isEnabled() and not window.act_preview.shortcut().isEmpty()
    preview.close()


def test_the_system_dark_scheme_is_followed_until_a_theme_is_chosen(qtbot: QtBot, opener: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop switches to dark (Qt's style hints say so and signal it; the offscreen platform cannot be
    asked to switch, so what it reports is replaced here, and its signal is sent as the desktop sends it)."""
    hints = QGuiApplication.styleHints()
    desktop = {"scheme": Qt.ColorScheme.Light, "contrast": False}
    monkeypatch.setattr(themes, "desktop_preferences", lambda: (desktop["scheme"], desktop["contrast"]))
    window = open_window(qtbot, "asker", opener)
    assert Settings().theme == "system" and window.theme_choice == "system" and window.theme.name == "light"
    desktop["scheme"] = Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "dark"
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).name() == window.theme.base
    desktop["contrast"] = True
    hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert window.theme.name == "contrast"
    desktop["contrast"] = False
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "dark" and Settings().theme == "system"  # following is not a choice
    light = next(a for a in window.theme_actions.actions() if a.data() == "light")
    light.trigger()  # a manual choice stays, whatever the desktop says
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "light" and Settings().theme == "light"


def test_about_shows_program_and_content_version_and_date(qtbot: QtBot, opener: Any) -> None:
    window = open_window(qtbot, "asker", opener)
    box = window.show_about()
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert f"Veileder {__version__}" in text and "levert med programmet" in text
    assert "Innholdets dato: " in text and "ukjent" not in text
    box.close()


def test_cancelling_the_first_start_picker_explains_and_offers_the_list_again(qtbot: QtBot,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    reader = ReaderApp(settings=Settings())
    answers = [True, False]  # first «Velg kommune», then «Avslutt»
    explained: list[bool] = []
    quit_calls: list[bool] = []
    monkeypatch.setattr(reader, "explain_cancel", lambda: explained.append(True) or answers.pop(0))
    monkeypatch.setattr(reader, "quit_app", lambda: quit_calls.append(True))
    assert reader.start(None) is None
    first = reader.chooser
    assert first is not None
    qtbot.addWidget(first)
    first.reject()
    second = reader.chooser
    assert second is not None and second is not first and second.isVisible()
    qtbot.addWidget(second)
    assert explained == [True] and quit_calls == []
    second.reject()
    assert explained == [True, True] and quit_calls == [True]


def test_the_application_icon_desktop_file_and_windows_version_information(qapp: QApplication) -> None:
    icon = app_module.app_icon()
    assert not icon.isNull() and not icon.pixmap(48, 48).isNull()
    desktop = (REPO / "packaging/veileder.desktop").read_text(encoding="utf-8")
    assert "StartupWMClass=veileder" in desktop and "Icon=veileder" in desktop and "Exec=veileder" in desktop
    ico = (REPO / "resources/icons/veileder.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") >= 4  # several sizes
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(REPO / "resources/icons/veileder.ico"))  # as Windows reads it: every size decodes
    decoded = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        decoded.add((image.width(), image.height()))
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= decoded  # small icons, the taskbar and Explorer
    spec = (REPO / "packaging/veileder.spec").read_text(encoding="utf-8")
    assert "veileder.ico" in spec and "version=version_file()" in spec
    assert "FileVersion" in (REPO / "packaging/version_info.txt").read_text(encoding="utf-8")
