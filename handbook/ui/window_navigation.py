"""Moving through the handbook: the history, going to a place and showing it, back and forward, and links.

A place is a `Location` (`page:id`, `contact:id`, `checklist:id`, `home`, `contacts`, `duties`). `navigate`
checks it, shows it in the reading area and records it; back and forward walk the history (inside a checklist
walk, back is one step of the walk first). A link that leaves the handbook is checked against the allow-list
and opened only when the user says yes. The main window inherits these methods (`NavigationMixin`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from handbook.core.places import Location
from handbook.ui.window_parts import WindowParts

if TYPE_CHECKING:
    from handbook.ui.checklist_wizard import ChecklistWizard

log = logging.getLogger(__name__)

# The places a checklist or practice link may name besides page ids (a bare id is a page).
PLACES = ("home", "contacts", "duties")


class NavigationMixin(WindowParts):
    """Going places in the main window (the parts it uses: `WindowParts`)."""

    def navigate(self, target: Location | str, record: bool = True) -> bool:
        """Go to a place (`page:id`, `contact:id`, `checklist:id`, `home`, `contacts`, `duties`)."""
        from handbook.core import reader  # imported after the window's frame is shown (like every part)

        location = target if isinstance(target, Location) else Location.parse(target)
        if location is None or not reader.location_exists(location, self.handbook):
            self.show_status(self.tr("Fant ikke «{target}» i veilederen.").format(target=target))
            return False
        if not self._show(location, fresh=True):
            return False
        if record:
            self.history = self.history.visit(location)
        self._after_move(location)
        return True

    @property
    def current_page_id(self) -> str | None:
        current = self.history.current
        return current.target if current is not None and current.kind == "page" else None

    def go_back(self) -> None:
        """Alt+Left: one step back in a checklist walk, else back in the history."""
        current = self.history.current
        wizard = self.wizard
        if (current is not None and current.kind == "checklist" and wizard is not None
                and wizard.state is not None and wizard.state.can_go_back):
            wizard.go_back()
            return
        if self.history.can_go_back:
            self.history = self.history.go_back()
            self._show_current()

    def go_forward(self) -> None:
        if self.history.can_go_forward:
            self.history = self.history.go_forward()
            self._show_current()

    def _show_current(self) -> None:
        from handbook.core import reader

        current = self.history.current
        if current is not None and reader.location_exists(current, self.handbook) and self._show(current):
            self._after_move(current)

    # ------------------------------------------------------------------ showing a place

    def _show(self, location: Location, fresh: bool = False) -> bool:
        """Show a place; a checklist starts afresh when `fresh`, else it keeps its step (back/forward)."""
        from handbook.core import reader

        kind = location.kind
        if kind == "page":
            page = self.handbook.pages[location.target]
            self.page_view.show_page(page)
            self.stack.setCurrentWidget(self.page_view)
            self.recent = reader.remember_recent(self.recent, page.id)
            self.settings.set_recent(self.municipality, self.recent)
            self.navigation.recent.set_pages(self.handbook, self.recent)
        elif kind in ("contacts", "contact"):
            self.stack.setCurrentWidget(self.contacts)
            if kind == "contact":
                self.contacts.show_contact(location.target)
            else:
                self.contacts.clear_current()
        elif kind == "duties":
            self.stack.setCurrentWidget(self.duties)
        elif kind == "checklist":
            self._show_checklist(location.target, fresh)
        else:
            self.stack.setCurrentWidget(self.home)
        return True

    def _show_checklist(self, checklist_id: str, fresh: bool = True) -> None:
        """Show a checklist: a new walk, or (coming back to it) the walk where the user left it."""
        layout = self.checklist_holder.layout()
        assert layout is not None  # the holder is built with its layout
        if not fresh and self.wizard is not None and self.wizard.checklist_id == checklist_id:
            self.stack.setCurrentWidget(self.checklist_holder)
            self._focus_checklist()
            return
        if self.checklist is not None:
            layout.removeWidget(self.checklist)
            self.checklist.deleteLater()
            self.checklist = None
        shown: ChecklistWizard | QLabel
        try:
            from handbook.ui.checklist_wizard import ChecklistWizard  # loaded when the first checklist opens
            wizard = ChecklistWizard(self.handbook, checklist_id, text_size=self.text_size)
            wizard.linkActivated.connect(self.open_link)
            wizard.stepChanged.connect(lambda _step: self.update_print_actions())
            shown = wizard
        except Exception as exc:  # a broken checklist must not stop the reader
            log.warning("checklist %s cannot be shown: %s", checklist_id, exc)
            shown = QLabel(self.tr("Sjekklisten kan ikke vises: {error}").format(error=exc))
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            shown.setMargin(24)
            shown.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.checklist = shown
        layout.addWidget(shown)
        self.stack.setCurrentWidget(self.checklist_holder)
        self._focus_checklist()

    def _focus_checklist(self) -> None:
        """Keyboard focus goes into the wizard (its first answer), however the checklist was opened."""
        if self.wizard is not None:
            self.wizard.focus_step()
        elif self.checklist is not None:
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_move(self, location: Location) -> None:
        on_page = location.kind == "page"
        self.act["back"].setEnabled(self.history.can_go_back)
        self.act["forward"].setEnabled(self.history.can_go_forward)
        for name in ("find", "outline", "bookmark", "print", "preview", "pdf"):
            self.act[name].setEnabled(on_page)
        self.update_print_actions()
        self.act["bookmark"].setChecked(on_page and location.target in self.bookmarks)
        self.update_bookmark_action()
        if not on_page and self.page_view.find_bar.isVisible():
            self.page_view.close_find()
        self.navigation.select_page(location.target if on_page else None)
        self.update_title()
        self._focus_content()
        self.locationChanged.emit(str(location))

    def _focus_content(self) -> None:
        """After a move, keyboard focus follows into the reading area unless it is in the search or contents."""
        focus = QApplication.focusWidget()
        current = self.stack.currentWidget()
        if focus is not None and focus.isVisible() and (
            not self.stack.isAncestorOf(focus) or (current is not None and current.isAncestorOf(focus))
        ):
            return  # in the search field, the contents, the emergency bar – or already in what is shown
        targets: dict[QWidget, QWidget | None] = {
            self.page_view: self.page_view.browser,
            self.home: self.home.first_tile(),
            self.duties: next(iter(self.duties.links.values()), None),
            self.checklist_holder: self.checklist,
        }
        if self._contacts is not None:
            targets[self._contacts] = self._contacts.search
        target = targets.get(current) if current is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_title(self) -> None:
        name = self.handbook.pack.name
        page_id = self.current_page_id
        if page_id is not None:
            self.setWindowTitle(f"{self.handbook.pages[page_id].title} – {name} – Veileder")
        else:
            self.setWindowTitle(f"{name} – Veileder")

    def show_tab(self, index: int) -> None:
        """Ctrl+Shift+I/B/H: the contents, the bookmarks or the recent pages, with the keyboard in the list."""
        if self.search.field.text():
            self.search.field.clear()
        self.navigation.setCurrentIndex(index)
        self.navigation.focus_list()

    # ------------------------------------------------------------------ practice cases

    def open_practice(self) -> QWidget:
        """The practice cases, in a window of their own beside the handbook (links open here)."""
        if self.practice_window is None:
            from handbook.ui.practice_view import PracticeWindow  # loaded when the cases are first opened

            window = PracticeWindow(self.handbook, self, text_size=self.text_size)
            window.view.linkActivated.connect(self._on_practice_link)
            self.practice_window = window
        self.practice_window.show()
        self.practice_window.raise_()
        self.practice_window.activateWindow()
        return self.practice_window

    def _on_practice_link(self, href: str) -> None:
        self.open_link(href)
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ links

    def open_link(self, href: str) -> None:
        """A link in a checklist or a practice case: a place in the handbook (a bare id is a page), else outside."""
        if href.startswith(("page:", "contact:", "checklist:")) or href in PLACES:
            self.navigate(href)
        elif ":" in href or href.startswith("www."):
            self.open_external(href)  # checked against the allow-list there
        else:
            self.navigate(Location("page", href))

    def confirm_external(self, url: str) -> bool:
        """Ask before a link leaves the handbook, saying where it goes (tests replace this method)."""
        from handbook.core import links

        link = links.safe_external_url(url)
        where = links.destination(link)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if link.scheme == "mailto":
            box.setWindowTitle(self.tr("E-post"))
            box.setText(self.tr("Denne lenken åpner e-postprogrammet med en melding til {address}.").format(
                address=where))
        elif link.scheme == "tel":
            box.setWindowTitle(self.tr("Telefon"))
            box.setText(self.tr("Denne lenken ringer {number} med et program på maskinen.").format(number=where))
        else:
            box.setWindowTitle(self.tr("Lenke til internett"))
            box.setText(self.tr("Denne lenken går til {host} på internett og virker bare når du er på nett.").format(
                host=where))
        box.setInformativeText(url)
        open_button = box.addButton(self.tr("Åpne i nettleseren"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        return box.clickedButton() is open_button

    def open_external(self, url: str) -> bool:
        """A link to the outside world: only https/http/mailto/tel (the allow-list in `handbook.core.links`),
        and never opened without the user saying yes. Returns True when it was handed to the system."""
        from handbook.core import links

        link = links.safe_external_url(url)
        if not link.allowed:
            log.warning("link refused: %s", link.reason)
            self.show_status(self.tr("Lenken er ikke tillatt i veilederen og blir ikke åpnet."))
            return False
        if not self.confirm_external(link.target):
            return False
        return bool(QDesktopServices.openUrl(QUrl(link.target, QUrl.ParsingMode.StrictMode)))
