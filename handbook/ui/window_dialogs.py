"""The main window's dialogs: settings, problems in the content, the shortcuts (F1), what is new, about, and the
editors' workbench. The main window inherits these methods (`DialogsMixin`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from handbook import __version__, locations
from handbook.core.places import Location
from handbook.errors import Issue
from handbook.ui import window_actions
from handbook.ui.window_parts import WindowParts

if TYPE_CHECKING:  # each dialog is loaded when it is first opened, not while the window opens
    from handbook.ui.dialogs import NewsDialog, SettingsDialog


class DialogsMixin(WindowParts):
    """Dialogs of the main window (the parts it uses: `WindowParts`)."""

    def open_settings(self) -> SettingsDialog:
        """Settings (municipality, language, theme); applied when the user presses «Lagre»."""
        from handbook.ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.packs, self.municipality, self.settings.language, self.theme_choice, self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        municipality, language, theme = dialog.values()
        self.apply_theme(theme, self.text_size)
        reload = municipality != self.municipality or language != self.settings.language
        self.settings.municipality = municipality
        self.settings.language = language
        self.settings.sync()
        if reload:
            self.reloadRequested.emit()

    def show_content_issues(self, issues: Sequence[Issue]) -> None:
        """Problems in the content, all in one dialog; the reader goes on with the good pages."""
        from handbook.ui.dialogs import IssuesDialog

        dialog = IssuesDialog(issues, self)
        self.issues_dialog = dialog
        dialog.open()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every action with keys, from the same table as the menus (F1)."""
        return window_actions.shortcut_rows(self.act)

    def show_shortcuts(self) -> None:
        from handbook.ui.dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_news(self) -> NewsDialog:
        """«Hva er nytt»: what the last content update changed."""
        from handbook.core.updates import latest_news
        from handbook.ui.dialogs import NewsDialog

        _versions, lines = latest_news(locations.cache_dir())
        dialog = NewsDialog(self.content_versions, lines if self.content_versions else (), self)
        self.news_dialog = dialog
        dialog.open()
        return dialog

    def open_workbench(self) -> QWidget:
        """The editor's workbench on the content this window reads (for municipal editors)."""
        from handbook.ui.workbench import Workbench

        bench = Workbench(locations.content_dir(), self.municipality)
        bench.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workbench = bench
        bench.show()
        return bench

    # ------------------------------------------------------------------ about

    def content_label(self) -> str:
        """The content in use, in words: the installed pack versions, or the content that came with the program."""
        return ", ".join(self.content_versions) or self.tr("levert med programmet")

    def content_date(self) -> str:
        """The content's date: when the installed packs were built, or the newest review of the shipped pages."""
        if self.content_built:
            return ", ".join(self.content_built)
        from handbook.ui.page_view import format_date

        reviewed = [p.reviewed for p in self.handbook.pages.values() if p.reviewed is not None]
        return format_date(max(reviewed)) if reviewed else self.tr("ukjent")

    def about_text(self) -> str:
        return (self.tr("Veileder %1 · innhold: %2").replace("%1", __version__).replace("%2", self.content_label())
                + "\n" + self.tr("Innholdets dato: %1").replace("%1", self.content_date())
                + "\n" + self.tr("Kommune: %1").replace("%1", self.handbook.pack.name))

    def show_about(self) -> QMessageBox:
        """«Om Veileder»: the program's version, the content's version and date (also in the status bar)."""
        from handbook.logfile import log_file

        text = self.about_text()
        self.show_status(text.splitlines()[0])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Om Veileder"))
        box.setText(text)
        box.setInformativeText(self.tr("Veilederen lagrer ingenting om saker eller personer. Logg: %1")
                               .replace("%1", str(log_file())))
        about = next((p for p in self.handbook.pages_of_kind("about")), None)
        if about is not None:
            read = box.addButton(about.title, QMessageBox.ButtonRole.ActionRole)
            read.clicked.connect(lambda: self.navigate(Location("page", about.id)))
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(box.deleteLater)
        self.about_box = box
        box.open()
        return box
