"""The application controller: picks the municipality, loads its handbook and opens the main window.

Changing the municipality or the language in the settings opens a fresh window for the new handbook
(in its language); the old one saves its state and closes.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from handbook import locations
from handbook.core.content import PackInfo, list_packs, load_handbook
from handbook.core.reader import ui_language
from handbook.core.updates import (
    RefreshResult,
    effective_content,
    installed_in_use,
    refresh,
    report_lines,
    updates_config,
)
from handbook.errors import Exit, HandbookError
from handbook.ui import i18n, themes
from handbook.ui.dialogs import MunicipalityDialog
from handbook.ui.main_window import IndexOpener, MainWindow, default_index_opener
from handbook.ui.settings import Settings

SMOKE_DEFAULT = "no"
UPDATE_CHECK_MS = 30 * 60 * 1000  # look for new content packs every half hour while the app runs
log = logging.getLogger("veileder.updates")


class ReaderApp(QObject):
    """Owns the settings and the current main window."""

    windowOpened = Signal(object)  # noqa: N815  (the new MainWindow)

    def __init__(
        self,
        settings: Settings | None = None,
        content: Path | None = None,
        smoke: bool = False,
        index_opener: IndexOpener = default_index_opener,
        started: float | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.content = content or locations.content_dir()
        self.smoke = smoke
        self.index_opener = index_opener
        self.started = started if started is not None else time.perf_counter()
        self.window: MainWindow | None = None
        self.window_ms: float | None = None  # until the window is on the screen (its frame, when one was shown)
        self.home_ms: float | None = None  # until the handbook is in it
        self.frame: MainWindow | None = None  # a window shown before the handbook loaded, to be filled
        self.chooser: MunicipalityDialog | None = None
        self.packs: tuple[PackInfo, ...] = ()
        self.updates = updates_config()
        self.update_timer: QTimer | None = None
        self.last_refresh = RefreshResult()

    def start(self, municipality: str | None = None, frame: MainWindow | None = None,
              frame_ms: float | None = None) -> int | None:
        """Open the window (or ask for the municipality first). Returns an exit code when it cannot start.

        `frame` is a window already on the screen (shown `frame_ms` after the start, before this module was even
        imported); the handbook is loaded into it. It is closed when the handbook cannot open."""
        self.frame = frame
        if frame is not None:
            self.window_ms = frame_ms
        try:
            self.packs = tuple(list_packs(self.content))
        except HandbookError as exc:
            return self._fatal(str(exc), Exit.NOT_FOUND)
        known = {p.id for p in self.packs}
        if municipality is not None:
            if municipality not in known:
                return self._fatal(
                    f"Ukjent kommune «{municipality}». Kjente: {', '.join(sorted(known))}", Exit.NOT_FOUND
                )
            self.open_window(municipality)
        elif self.settings.municipality in known:
            self.open_window(self.settings.municipality)
        elif self.smoke:
            self.open_window(SMOKE_DEFAULT if SMOKE_DEFAULT in known else self.packs[0].id)
        else:
            self.ask_municipality()
        return None

    def _drop_frame(self) -> None:
        """The window shown early is not used (no municipality yet, or it cannot start)."""
        if self.frame is not None:
            self.frame.close()
            self.frame.deleteLater()
            self.frame = None
            self.window_ms = None

    def _fatal(self, message: str, code: int) -> int:
        self._drop_frame()
        print(f"veileder: {message}", file=sys.stderr)
        if not self.smoke and QApplication.instance() is not None:
            QMessageBox.critical(None, "Veileder", message)
        return code

    def ask_municipality(self) -> MunicipalityDialog:
        """First start: the list of municipalities; the choice is remembered."""
        self._drop_frame()
        i18n.install_translator("nb")
        dialog = MunicipalityDialog(self.packs, self.settings.municipality)
        self.chooser = dialog

        def chosen() -> None:
            pack = dialog.chosen()
            if pack:
                self.settings.municipality = pack
                self.settings.sync()
                self.open_window(pack)

        def cancelled() -> None:
            if self.window is not None:
                return
            if self.explain_cancel():
                self.ask_municipality()  # «Velg kommune»: the list again
            else:
                self.quit_app()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(cancelled)
        dialog.show()
        return dialog

    def explain_cancel(self) -> bool:
        """The picker was closed without a choice: say what happens. True when the user wants to choose after all
        (tests replace this method)."""
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Veileder"))
        box.setText(self.tr("Veilederen må vite hvilken kommune du jobber i, for å vise kommunens telefonnumre og "
                            "rutiner. Uten et valg avsluttes programmet. Du kan starte det igjen når du vil."))
        box.setInformativeText("Utan ett val avslutas programmet.")
        choose = box.addButton(self.tr("Velg kommune"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avslutt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(choose)
        box.exec()
        return box.clickedButton() is choose

    def quit_app(self) -> None:
        """Quit (tests replace this method)."""
        QApplication.quit()

    def bring_forward(self) -> None:
        """Another start of Veileder asked for the open window: show it, restored and in front."""
        target = next((w for w in (self.window, self.chooser, self.frame) if w is not None), None)
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            target.raise_()
        target.activateWindow()

    def open_window(self, municipality: str) -> MainWindow:
        """Load a municipality's handbook and show it in a new window."""
        handbook = load_handbook(self.content_for(municipality), municipality)
        language = ui_language(self.settings.language, handbook.language)
        i18n.install_translator(language)
        if not self.smoke:
            self.settings.shown_language = language
        app = QApplication.instance()
        if isinstance(app, QApplication):  # styled before the widgets exist: faster than re-styling them
            themes.apply(app, self.settings.theme, self.settings.text_size)
        old = self.window
        if old is not None:
            old.save_state()
            old.set_save_state(False)
        frame, self.frame = self.frame, None
        if frame is not None:  # already on the screen: fill it
            frame.load(handbook, self.packs, self.index_opener)
            window = frame
        else:
            window = MainWindow(handbook, self.settings, self.packs, self.index_opener)
        installed = installed_in_use(locations.cache_dir(), self.content, municipality)
        window.content_versions = tuple(m.label for m in installed)
        window.content_built = tuple(str(m.built) for m in installed)
        window.set_save_state(not self.smoke)
        window.reloadRequested.connect(self.reload)
        self.window = window
        window.start_index()  # the worker imports and opens the index while the window is drawn
        window.show()
        window.activateWindow()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            window.raise_()
        self.home_ms = (time.perf_counter() - self.started) * 1000
        if frame is None:
            self.window_ms = self.home_ms
        window.start(restore=not self.smoke)
        if old is not None:
            old.close()
            old.deleteLater()
        if self.last_refresh.installed and not self.smoke:
            window.show_status(self.tr("Veilederen er oppdatert (%1). Se Hjelp → Hva er nytt.")
                               .replace("%1", window.content_label()))
        self._start_update_timer()
        self.windowOpened.emit(window)
        return window

    def _start_update_timer(self) -> None:
        """Now and then, look for a newer pack in the background; it is used from the next start."""
        if self.updates.folder is None or self.smoke or self.update_timer is not None:
            return
        timer = QTimer(self)
        timer.setInterval(UPDATE_CHECK_MS)
        timer.timeout.connect(self.check_for_updates)
        timer.start()
        self.update_timer = timer

    def check_for_updates(self) -> None:
        window = self.window
        if window is None:
            return
        municipality = window.municipality

        def work() -> RefreshResult:
            return refresh(self.content, locations.cache_dir(), municipality, self.updates)

        def done(result: RefreshResult) -> None:
            report_lines(result, log.warning)
            if result.installed and self.window is not None:
                self.window.show_status(self.tr("Ny versjon av innholdet er klar. Den brukes neste gang du starter."))

        def failed(exc: BaseException) -> None:
            log.warning("innholdspakker: %s", exc)
            if self.window is not None:  # shown, not only logged; the content in use stays
                message = self.tr("Kunne ikke se etter nytt innhold (%1). Veilederen virker som før.")
                self.window.show_status(message.replace("%1", str(exc) or type(exc).__name__))

        window.background.run(work, done, failed, key="updates")

    def content_for(self, municipality: str) -> Path:
        """The content to read: the shipped content with the newest good installed packs put in.

        When IT has set a packs folder, it is looked at first; a broken, tampered or unreadable pack is refused
        (and logged for editors) and the last good one stays in use. Staff are never shown why."""
        cache = locations.cache_dir()
        if self.updates.folder is not None:
            for problem in self.updates.problems:
                log.warning("innstillinger for innholdspakker: %s", problem)
            try:
                self.last_refresh = refresh(self.content, cache, municipality, self.updates)
            except (OSError, HandbookError) as exc:  # never stop the reader over an update
                log.warning("innholdspakker: kunne ikke oppdatere (%s)", exc)
            report_lines(self.last_refresh, log.warning)
        try:
            return effective_content(self.content, cache, municipality)
        except (OSError, HandbookError) as exc:
            log.warning("innholdspakker: bruker innholdet som fulgte med programmet (%s)", exc)
            return self.content

    def reload(self) -> None:
        """The municipality or language changed in the settings."""
        municipality = self.settings.municipality
        if municipality and any(p.id == municipality for p in self.packs):
            self.open_window(municipality)
