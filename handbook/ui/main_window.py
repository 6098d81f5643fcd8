"""The main window: emergency bar, toolbar, search and contents on the left, the reading area on the right.

Everything is reachable from the keyboard (menus with Alt, shortcuts listed under Hjelp → Hurtigtaster).
The window remembers its size, the last place, bookmarks and recent pages – page ids only.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QRect, QSize, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from handbook.core import links
from handbook.core.content import Handbook, PackInfo
from handbook.core.reader import (
    CONTACTS,
    DUTIES,
    HOME,
    History,
    Location,
    known_page_ids,
    location_exists,
    remember_recent,
    step_text_size,
    toggle_bookmark,
)
from handbook.errors import Issue
from handbook.ui import icons, printing, themes
from handbook.ui.background import Background
from handbook.ui.contacts_view import ContactsView
from handbook.ui.dialogs import IssuesDialog, NewsDialog, SettingsDialog, ShortcutsDialog
from handbook.ui.emergency_bar import EmergencyBar
from handbook.ui.home import DutiesPage, HomePage
from handbook.ui.navigation import NavigationPanel
from handbook.ui.page_view import PageView
from handbook.ui.search_panel import SearchPanel
from handbook.ui.settings import Settings

if TYPE_CHECKING:  # the search package (and Whoosh) loads in the background
    from handbook.core.search import SearchIndex

log = logging.getLogger(__name__)

IndexOpener = Callable[[Handbook], "SearchIndex"]
PREFERRED_SIZE = (1180, 800)
SIDE_WIDTH = 360  # the search and contents panel, when there is room
MINIMUM_SIZE = (760, 520)
FRAME_ALLOWANCE = QSize(16, 48)  # the window manager's frame and title bar, outside the window's own size


def default_index_opener(handbook: Handbook) -> SearchIndex:
    """Open (or build) the municipality's search index in the user's cache, warmed for the first search."""
    from handbook.core.search import open_index
    from handbook.core.search.lemmas import release

    index = open_index(handbook)
    release()  # the dictionaries are needed only while building
    index.warm_up()
    return index


class MainWindow(QMainWindow):
    """The reader for one municipality's handbook."""

    locationChanged = Signal(str)  # noqa: N815
    indexReady = Signal()  # noqa: N815
    indexFailed = Signal(str)  # noqa: N815
    reloadRequested = Signal()  # noqa: N815  (the municipality or language changed: the app opens a new window)

    def __init__(
        self,
        handbook: Handbook,
        settings: Settings,
        packs: Sequence[PackInfo] = (),
        index_opener: IndexOpener = default_index_opener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.handbook = handbook
        self.settings = settings
        self.packs = tuple(packs) or (handbook.pack,)
        self.index_opener = index_opener
        self.index: SearchIndex | None = None
        self.index_ms: float | None = None
        self.history = History()
        self.municipality = handbook.pack.id
        self.bookmarks = known_page_ids(settings.bookmarks(self.municipality), handbook)
        self.recent = known_page_ids(settings.recent(self.municipality), handbook)
        self.theme_choice = settings.theme  # «system» follows the desktop; a manual choice stays
        self.theme = themes.theme(settings.theme)
        self.text_size = settings.text_size
        self.background = Background(self)
        self.settings_dialog: SettingsDialog | None = None
        self.issues_dialog: IssuesDialog | None = None
        self.checklist: QWidget | None = None
        self.content_versions: tuple[str, ...] = ()  # installed content packs in use (empty: the shipped content)
        self.content_built: tuple[str, ...] = ()  # when those packs were built
        self.news_dialog: NewsDialog | None = None
        self.preview_dialog: QWidget | None = None
        self.about_box: QMessageBox | None = None
        self.workbench: QWidget | None = None
        self.practice_window: QWidget | None = None
        self._save_state = True
        self._closed = False
        self._index_started = False

        self.emergency = EmergencyBar(handbook, self)
        self.search = SearchPanel(handbook, self.background, self)
        self.navigation = NavigationPanel(handbook, self)
        self.home = HomePage(handbook, self)
        self.duties = DutiesPage(handbook, self)
        self._contacts: ContactsView | None = None  # built the first time it is shown
        self.page_view = PageView(handbook, self)
        self.page_view.background = self.background
        self.checklist_holder = QWidget(self)
        self.checklist_holder.setObjectName("checklistPage")
        QVBoxLayout(self.checklist_holder).setContentsMargins(24, 12, 24, 8)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("readingArea")
        for widget in (self.home, self.duties, self.page_view, self.checklist_holder):
            self.stack.addWidget(widget)

        self._build_actions()
        self._build_layout()
        self._connect()
        self._follow_desktop()
        self.apply_theme(settings.theme, self.text_size, save=False)
        self.navigation.bookmarks.set_pages(handbook, self.bookmarks)
        self.navigation.recent.set_pages(handbook, self.recent)
        self.place_on_screen(settings.geometry)
        if settings.splitter is not None:
            self.splitter.restoreState(settings.splitter)
        self._update_title()

    # ------------------------------------------------------------------ size and place

    def place_on_screen(self, geometry: QByteArray | None = None) -> None:
        """Size and place the window inside the screen's available area (in logical pixels, so at any scaling).

        The remembered geometry is used when it still fits; otherwise the window takes the preferred size or, on a
        small screen, the available area, centred. The minimum size is explicit (the layout never grows it).
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED_SIZE)
        room = QSize(max(320, area.width() - FRAME_ALLOWANCE.width()),
                     max(240, area.height() - FRAME_ALLOWANCE.height()))
        self.setMinimumSize(min(MINIMUM_SIZE[0], room.width()), min(MINIMUM_SIZE[1], room.height()))
        restored = geometry is not None and self.restoreGeometry(geometry)
        if restored and self.width() <= room.width() and self.height() <= room.height() and area.contains(self.pos()):
            return
        size = QSize(min(PREFERRED_SIZE[0], room.width()), min(PREFERRED_SIZE[1], room.height()))
        self.resize(size)
        self.move(area.x() + (room.width() - size.width()) // 2, area.y() + (room.height() - size.height()) // 2)
        side = max(self.side.minimumWidth(), min(SIDE_WIDTH, size.width() * 3 // 10))  # room for two tile columns
        self.splitter.setSizes([side, size.width() - side])

    # ------------------------------------------------------------------ building

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
        icon: str = "",
    ) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for key in keys:
            for sequence in QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [
                QKeySequence(key)
            ]:
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
        if sequences:
            action.setShortcuts(sequences)
        if icon:
            action.setProperty("icon_name", icon)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.act_back = self._action(self.tr("Tilbake"), self.go_back, [QKeySequence.StandardKey.Back, "Alt+Left"],
                                     "back")
        self.act_forward = self._action(self.tr("Frem"), self.go_forward,
                                        [QKeySequence.StandardKey.Forward, "Alt+Right"], "forward")
        self.act_home = self._action(self.tr("Hjem"), lambda: self.navigate(HOME), ["Alt+Home"], "home")
        self.act_search = self._action(self.tr("Søk"), self.search.focus_field, ["Ctrl+K"])
        self.act_emergency = self._action(self.tr("Nødnumre"), self.emergency.focus_first, ["Ctrl+Shift+N", "F6"])
        self.act_contacts = self._action(self.tr("Kontakter"), lambda: self.navigate(CONTACTS), ["Ctrl+Shift+K"],
                                         "phone")
        self.act_duties = self._action(self.tr("Meldeplikter"), lambda: self.navigate(DUTIES), ["Ctrl+Shift+M"],
                                       "duties")
        self.act_toc = self._action(self.tr("Innhold"), lambda: self._show_tab(0), ["Ctrl+Shift+I"])
        self.act_bookmarks = self._action(self.tr("Bokmerker"), lambda: self._show_tab(1), ["Ctrl+Shift+B"])
        self.act_recent = self._action(self.tr("Sist lest"), lambda: self._show_tab(2), ["Ctrl+Shift+H"])
        self.act_practice = self._action(self.tr("Øvingssaker …"), self.open_practice, ["Ctrl+Shift+O"])
        self.act_find = self._action(self.tr("Finn på siden"), self.find_in_page, [QKeySequence.StandardKey.Find])
        self.act_outline = self._action(self.tr("Overskrifter og lenker …"), self.show_outline, ["Ctrl+J"])
        self.act_bookmark = self._action(self.tr("Bokmerk siden"), self.toggle_bookmark, ["Ctrl+D"], "bookmark")
        self.act_bookmark.setCheckable(True)
        self.act_print = self._action(self.tr("Skriv ut …"), self.print_page, [QKeySequence.StandardKey.Print],
                                      "print")
        self.act_pdf = self._action(self.tr("Lagre som PDF …"), self.save_pdf, ["Ctrl+Shift+S"], "pdf")
        self.act_preview = self._action(self.tr("Forhåndsvisning …"), self.preview_page, ["Ctrl+Shift+P"])
        self.act_bigger = self._action(self.tr("Større tekst"), lambda: self.change_text_size(+1),
                                       [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"])
        self.act_smaller = self._action(self.tr("Mindre tekst"), lambda: self.change_text_size(-1),
                                        [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"])
        self.act_normal = self._action(self.tr("Vanlig tekststørrelse"), lambda: self.change_text_size(0), ["Ctrl+0"])
        self.act_settings = self._action(self.tr("Innstillinger …"), self.open_settings,
                                         [QKeySequence.StandardKey.Preferences, "Ctrl+,"])
        self.act_quit = self._action(self.tr("Avslutt"), self.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.act_keys = self._action(self.tr("Hurtigtaster"), self.show_shortcuts,
                                     [QKeySequence.StandardKey.HelpContents])
        self.act_about = self._action(self.tr("Om Veileder"), self.show_about)
        self.act_news = self._action(self.tr("Hva er nytt"), self.show_news)
        self.act_workbench = self._action(self.tr("Redaktørverktøy …"), self.open_workbench)
        self.theme_actions = QActionGroup(self)
        names = {"system": self.tr("Som systemet"), "light": self.tr("Lyst"), "dark": self.tr("Mørkt"),
                 "contrast": self.tr("Høy kontrast")}
        for key, name in names.items():
            action = QAction(name, self.theme_actions)
            action.setCheckable(True)
            action.setData(key)
            action.triggered.connect(lambda _c=False, k=key: self.apply_theme(k, self.text_size))
        for action in (self.act_bigger, self.act_smaller):
            action.setAutoRepeat(False)
        # Shorter labels on the toolbar (the menus show the full text).
        self.act_smaller.setIconText("A−")
        self.act_bigger.setIconText("A+")

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fil"))
        for entry in (self.act_print, self.act_preview, self.act_pdf, None, self.act_settings, self.act_workbench,
                       None, self.act_quit):
            file_menu.addSeparator() if entry is None else file_menu.addAction(entry)
        go_menu = bar.addMenu(self.tr("&Gå"))
        for entry in (self.act_back, self.act_forward, self.act_home, None, self.act_search, self.act_emergency,
                       self.act_contacts, self.act_duties, None, self.act_toc, self.act_bookmarks, self.act_recent,
                       None, self.act_practice):
            go_menu.addSeparator() if entry is None else go_menu.addAction(entry)
        page_menu = bar.addMenu(self.tr("&Side"))
        for entry in (self.act_find, self.act_outline, self.act_bookmark, None, self.act_print, self.act_preview,
                       self.act_pdf):
            page_menu.addSeparator() if entry is None else page_menu.addAction(entry)
        view_menu = bar.addMenu(self.tr("&Vis"))
        for action in (self.act_bigger, self.act_smaller, self.act_normal):
            view_menu.addAction(action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Utseende"))
        theme_menu.addActions(self.theme_actions.actions())
        help_menu = bar.addMenu(self.tr("&Hjelp"))
        help_menu.addAction(self.act_keys)
        help_menu.addAction(self.act_news)
        help_menu.addAction(self.act_about)

    def _build_layout(self) -> None:
        toolbar = QToolBar(self.tr("Navigasjon"), self)
        toolbar.setObjectName("navBar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.toggleViewAction().setEnabled(False)
        for action in (self.act_back, self.act_forward, self.act_home):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_contacts)
        toolbar.addAction(self.act_duties)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        toolbar.addWidget(spacer)
        for action in (self.act_bookmark, self.act_print, self.act_pdf):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):  # icons only: room for «A− A+» even with large text
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addSeparator()
        toolbar.addAction(self.act_smaller)
        toolbar.addAction(self.act_bigger)
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if isinstance(widget, QToolButton):
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                widget.setAccessibleName(action.text().rstrip(" …"))
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                widget.setToolTip(f"{action.text().rstrip(' …')} ({keys})" if keys else action.text())
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # «»» when the window is narrow
        if extension is not None:
            extension.setAccessibleName(self.tr("Flere knapper"))
            extension.setToolTip(self.tr("Flere knapper"))
        self.toolbar = toolbar

        side = QWidget(self)
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 10, 6, 6)
        side_layout.setSpacing(6)
        side_layout.addWidget(self.search, 0)
        side_layout.addWidget(self.navigation, 1)
        self.side = side
        self.search.activeChanged.connect(self._on_search_active)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDE_WIDTH, PREFERRED_SIZE[0] - SIDE_WIDTH])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.emergency)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._early_tab_order()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.index_label = QLabel(self.tr("Gjør søket klart …"), self)
        self.statusBar().addPermanentWidget(self.index_label)

    def _early_tab_order(self) -> None:
        """The emergency numbers come right after the search field in the Tab order (and Shift+Tab from it)."""
        chain: list[QWidget] = [self.search.field, *self.emergency.buttons.values()]
        toolbar_buttons = [self.toolbar.widgetForAction(a) for a in self.toolbar.actions()]
        chain += [w for w in toolbar_buttons if isinstance(w, QToolButton)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for source in (self.home, self.duties, self.navigation):
            source.locationRequested.connect(self.navigate)
        self.home.practiceRequested.connect(self.open_practice)
        self.search.openRequested.connect(self.navigate)  # page:…, contact:… or checklist:…
        self.page_view.linkActivated.connect(self.navigate)
        self.page_view.externalLinkRequested.connect(self.open_external)
        self.emergency.contactActivated.connect(lambda cid: self.navigate(Location("contact", cid)))
        self.background.failed.connect(self._background_failed)

    @property
    def contacts(self) -> ContactsView:
        """The contacts view (made on first use: it has a card per contact)."""
        if self._contacts is None:
            view = ContactsView(self.handbook, self)
            view.linkActivated.connect(self.open_external)
            view.copied.connect(self._on_copied)
            self.stack.addWidget(view)
            self._contacts = view
        return self._contacts

    def _on_copied(self, text: str) -> None:
        self.show_status(self.tr("Kopiert: {text}").format(text=text))

    # ------------------------------------------------------------------ start and stop

    def start(self, restore: bool = True) -> None:
        """Show the last place (or home), put the cursor in the search field and build the index."""
        last = self.settings.last_location(self.municipality) if restore else None
        self.navigate(HOME)
        if last is not None and last != HOME and location_exists(last, self.handbook) and last.kind == "page":
            self.navigate(last)
        self.search.focus_field()
        self.start_index()
        if self.handbook.issues:
            issues = self.handbook.issues
            QTimer.singleShot(0, self, lambda: self.show_content_issues(issues))

    def start_index(self) -> None:
        """Open or build the search index in the background (once; the app calls it before showing the window)."""
        if self._index_started:
            return
        self._index_started = True
        started = time.perf_counter()
        handbook = self.handbook
        opener = self.index_opener

        def done(index: SearchIndex) -> None:
            self.index_ms = (time.perf_counter() - started) * 1000
            self.index = index
            self.search.set_index(index)
            self.index_label.setText(self.tr("Søket er klart"))
            self.indexReady.emit()

        def failed(error: BaseException) -> None:
            log.warning("search index failed: %s", error)
            message = str(error) or type(error).__name__
            self.search.set_index_failed(message)
            self.index_label.setText(self.tr("Søket virker ikke"))
            self.indexFailed.emit(message)

        self.background.run(lambda: opener(handbook), done, failed, key="index")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed:
            self._closed = True
            if self._save_state:
                self.save_state()
            self.background.shutdown()
            if self.index is not None and hasattr(self.index, "close"):
                self.index.close()
        super().closeEvent(event)

    def save_state(self) -> None:
        """Remember the window and the place (page ids only)."""
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        current = self.history.current
        if current is not None:
            place = current if current.kind in ("home", "page", "contacts", "duties") else HOME
            self.settings.set_last_location(self.municipality, place)
        self.settings.sync()

    def set_save_state(self, save: bool) -> None:
        """Smoke mode does not touch the user's settings."""
        self._save_state = save

    # ------------------------------------------------------------------ navigation

    def navigate(self, target: Location | str, record: bool = True) -> bool:
        """Go to a place (`page:id`, `contact:id`, `checklist:id`, `home`, `contacts`, `duties`)."""
        location = target if isinstance(target, Location) else Location.parse(target)
        if location is None or not location_exists(location, self.handbook):
            self.show_status(self.tr("Fant ikke «{target}» i veilederen.").format(target=target))
            return False
        if not self._show(location, fresh=True):
            return False
        if record:
            self.history = self.history.visit(location)
        self._after_move(location)
        return True

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

    def _show(self, location: Location, fresh: bool = False) -> bool:
        """Show a place; a checklist starts afresh when `fresh`, else it keeps its step (back/forward)."""
        kind = location.kind
        if kind == "page":
            page = self.handbook.pages[location.target]
            self.page_view.show_page(page)
            self.stack.setCurrentWidget(self.page_view)
            self.recent = remember_recent(self.recent, page.id)
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
        if not fresh and self.checklist is not None and getattr(self.checklist, "checklist_id", None) == checklist_id:
            self.stack.setCurrentWidget(self.checklist_holder)
            self._focus_checklist()
            return
        if self.checklist is not None:
            layout.removeWidget(self.checklist)
            self.checklist.deleteLater()
            self.checklist = None
        try:
            from handbook.ui.checklist_wizard import ChecklistWizard

            wizard: QWidget = ChecklistWizard(self.handbook, checklist_id, text_size=self.text_size)
            wizard.linkActivated.connect(self._on_checklist_link)  # type: ignore[attr-defined]
            wizard.stepChanged.connect(lambda _step: self._update_print_actions())  # type: ignore[attr-defined]
        except Exception as exc:  # a broken checklist must not stop the reader
            log.warning("checklist %s cannot be shown: %s", checklist_id, exc)
            wizard = QLabel(self.tr("Sjekklisten kan ikke vises: {error}").format(error=exc))
            wizard.setTextFormat(Qt.TextFormat.PlainText)
            wizard.setWordWrap(True)
            wizard.setMargin(24)
            wizard.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.checklist = wizard
        layout.addWidget(wizard)
        self.stack.setCurrentWidget(self.checklist_holder)
        self._focus_checklist()

    def _focus_checklist(self) -> None:
        """Keyboard focus goes into the wizard (its first answer), however the checklist was opened."""
        focus_step = getattr(self.checklist, "focus_step", None)
        if callable(focus_step):
            focus_step()
        elif self.checklist is not None:
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_checklist_link(self, href: str) -> None:
        if href.startswith(("page:", "contact:", "checklist:")) or href in ("home", "contacts", "duties"):
            self.navigate(href)
        elif ":" in href or href.startswith("www."):
            self.open_external(href)  # checked against the allow-list there
        else:
            self.navigate(Location("page", href))

    def open_practice(self) -> QWidget:
        """The practice cases, in a window of their own beside the handbook (links open here)."""
        if self.practice_window is None:
            from handbook.ui.practice_view import PracticeWindow

            window = PracticeWindow(self.handbook, self, text_size=self.text_size)
            window.view.linkActivated.connect(self._on_practice_link)
            self.practice_window = window
        self.practice_window.show()
        self.practice_window.raise_()
        self.practice_window.activateWindow()
        return self.practice_window

    def _on_practice_link(self, href: str) -> None:
        self._on_checklist_link(href)
        self.raise_()
        self.activateWindow()

    def _after_move(self, location: Location) -> None:
        on_page = location.kind == "page"
        self.act_back.setEnabled(self.history.can_go_back)
        self.act_forward.setEnabled(self.history.can_go_forward)
        for action in (self.act_find, self.act_outline, self.act_bookmark, self.act_print, self.act_preview,
                       self.act_pdf):
            action.setEnabled(on_page)
        self._update_print_actions()
        self.act_bookmark.setChecked(on_page and location.target in self.bookmarks)
        self._update_bookmark_text()
        if not on_page and self.page_view.find_bar.isVisible():
            self.page_view.close_find()
        self.navigation.select_page(location.target if on_page else None)
        self._update_title()
        self._focus_content()
        self.locationChanged.emit(str(location))

    def go_back(self) -> None:
        """Alt+Left: one step back in a checklist walk, else back in the history."""
        current = self.history.current
        state = getattr(self.checklist, "state", None)
        if current is not None and current.kind == "checklist" and state is not None and state.can_go_back:
            self.checklist.go_back()  # type: ignore[union-attr]
            return
        if self.history.can_go_back:
            self.history = self.history.go_back()
            self._show_current()

    def go_forward(self) -> None:
        if self.history.can_go_forward:
            self.history = self.history.go_forward()
            self._show_current()

    def _show_current(self) -> None:
        current = self.history.current
        if current is not None and location_exists(current, self.handbook) and self._show(current):
            self._after_move(current)

    @property
    def current_page_id(self) -> str | None:
        current = self.history.current
        return current.target if current is not None and current.kind == "page" else None

    def _show_tab(self, index: int) -> None:
        if self.search.field.text():
            self.search.field.clear()
        self.navigation.setCurrentIndex(index)
        self.navigation.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        inner = getattr(self.navigation.currentWidget(), "list", None)
        if inner is not None:
            inner.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_search_active(self, active: bool) -> None:
        self.navigation.setVisible(not active)
        layout = self.side.layout()
        if isinstance(layout, QBoxLayout):
            layout.setStretchFactor(self.search, 1 if active else 0)

    def _update_title(self) -> None:
        name = self.handbook.pack.name
        page_id = self.current_page_id
        if page_id is not None:
            self.setWindowTitle(f"{self.handbook.pages[page_id].title} – {name} – Veileder")
        else:
            self.setWindowTitle(f"{name} – Veileder")

    def _background_failed(self, error: str) -> None:
        """A job in the background failed: say so in the window, and where the log is."""
        from handbook.logfile import log_file

        self.show_status(self.tr("Noe gikk galt i bakgrunnen: %1. Loggfil: %2").replace("%1", error)
                         .replace("%2", str(log_file())))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)

    # ------------------------------------------------------------------ bookmarks, find

    def toggle_bookmark(self) -> None:
        page_id = self.current_page_id
        if page_id is None:
            return
        self.bookmarks = toggle_bookmark(self.bookmarks, page_id)
        self.settings.set_bookmarks(self.municipality, self.bookmarks)
        self.navigation.bookmarks.set_pages(self.handbook, self.bookmarks)
        added = page_id in self.bookmarks
        self.act_bookmark.setChecked(added)
        self._update_bookmark_text()
        self.show_status(self.tr("Bokmerke lagt til") if added else self.tr("Bokmerke fjernet"))

    def _update_bookmark_text(self) -> None:
        checked = self.act_bookmark.isChecked()
        self.act_bookmark.setText(self.tr("Bokmerket") if checked else self.tr("Bokmerk siden"))
        self.act_bookmark.setProperty("icon_name", "bookmarked" if checked else "bookmark")
        self._update_icons()

    def _update_icons(self) -> None:
        """Paint the toolbar icons in the theme's colours."""
        disabled = self.theme.border if self.theme.name != "contrast" else "#808080"
        for action in self.actions():
            name = action.property("icon_name")
            if name:
                action.setIcon(icons.icon(name, self.theme.text, disabled))

    def show_outline(self) -> None:
        """Ctrl+J: the page's headings and links, to move or open by keyboard and screen reader."""
        if self.current_page_id is not None:
            self.page_view.show_outline()

    def find_in_page(self) -> None:
        if self.current_page_id is not None:
            self.page_view.start_find()

    # ------------------------------------------------------------------ appearance

    def apply_theme(self, name: str, size: int, save: bool = True) -> None:
        """Apply a theme and a text size to the whole application (and remember them)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        self.theme_choice = name if name in (themes.SYSTEM, *themes.THEMES) else "light"
        self.theme = themes.apply(app, name, size)
        self.text_size = size
        self.side.setMinimumWidth(max(260, size * 24))  # the search field and tabs grow with the text
        self.page_view.set_theme(self.theme, themes.page_css(self.theme, size))
        self.search.set_theme(self.theme)
        set_wizard_size = getattr(self.checklist, "set_text_size", None)
        if callable(set_wizard_size):  # an open checklist follows Ctrl+plus/minus too
            set_wizard_size(size)
        self._update_icons()
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == self.theme_choice)
        if save:
            self.settings.theme = self.theme_choice
            self.settings.text_size = size

    def _follow_desktop(self) -> None:
        """When the theme is «Som systemet», a change of the desktop's light/dark or contrast is followed at once."""
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._desktop_changed)
        accessibility = getattr(hints, "accessibility", None)
        if callable(accessibility):
            accessibility().contrastPreferenceChanged.connect(self._desktop_changed)

    def _desktop_changed(self, *_args: object) -> None:
        if self.theme_choice == themes.SYSTEM and not self._closed:
            self.apply_theme(themes.SYSTEM, self.text_size, save=False)

    def change_text_size(self, step: int) -> None:
        """Ctrl+plus, Ctrl+minus, Ctrl+0."""
        size = step_text_size(self.text_size, step)
        if size != self.text_size or step == 0:
            self.apply_theme(self.theme_choice, size)
        self.show_status(self.tr("Tekststørrelse: {size} punkter").format(size=size))

    # ------------------------------------------------------------------ the outside world

    def confirm_external(self, url: str) -> bool:
        """Ask before a link leaves the handbook, saying where it goes (tests replace this method)."""
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
        link = links.safe_external_url(url)
        if not link.allowed:
            log.warning("link refused: %s", link.reason)
            self.show_status(self.tr("Lenken er ikke tillatt i veilederen og blir ikke åpnet."))
            return False
        if not self.confirm_external(link.target):
            return False
        return bool(QDesktopServices.openUrl(QUrl(link.target, QUrl.ParsingMode.StrictMode)))

    # ------------------------------------------------------------------ printing

    def _summary_wizard(self) -> Any:
        """The checklist wizard when it is shown with its summary (Ctrl+P / Ctrl+Shift+S print that)."""
        shown = self.stack.currentWidget() is self.checklist_holder
        has_summary = getattr(self.checklist, "current_summary", None) is not None
        return self.checklist if shown and has_summary else None

    def _update_print_actions(self) -> None:
        enabled = self.current_page_id is not None or self._summary_wizard() is not None
        for action in (self.act_print, self.act_pdf):
            action.setEnabled(enabled)

    def _print_job(self) -> printing.PrintJob | None:
        page_id = self.current_page_id
        if page_id is None:
            return None
        return printing.PrintJob.for_page(self.handbook.pages[page_id], self.handbook)

    def ask_printer(self, printer: Any) -> bool:
        """The print dialog (tests replace this method)."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def ask_pdf_path(self, suggested: Path) -> Path | None:
        """The save dialog for a PDF (tests replace this method)."""
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Lagre som PDF"), str(suggested), "PDF (*.pdf)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def print_page(self) -> None:
        wizard = self._summary_wizard()
        if wizard is not None:
            if wizard.print_summary():
                self.show_status(wizard.status_label.text())
            return
        job = self._print_job()
        if job is None:
            return
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{job.title} – {job.municipality}")
        printing.setup_page(printer)
        if self.ask_printer(printer):
            try:
                pages = printing.render(printer, job)
            except OSError as exc:
                self.show_status(self.tr("Kunne ikke skrive ut: {error}").format(error=exc))
                return
            self.show_status(self.tr("Sendt til skriveren ({pages} sider)").format(pages=pages))

    def preview_page(self) -> QWidget | None:
        """Print preview of the page (the same pages as on paper); print from the preview."""
        job = self._print_job()
        if job is None:
            return None
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{job.title} – {job.municipality}")
        printing.setup_page(printer)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Forhåndsvisning – {title}").format(title=job.title))
        dialog.paintRequested.connect(lambda device: printing.render(device, job))
        dialog.finished.connect(dialog.deleteLater)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self) -> Path | None:
        wizard = self._summary_wizard()
        if wizard is not None:
            saved: Path | None = wizard.save_pdf()
            if saved is not None:
                self.show_status(wizard.status_label.text())
            return saved
        job = self._print_job()
        page_id = self.current_page_id
        if job is None or page_id is None:
            return None
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        path = self.ask_pdf_path(folder / f"{page_id}.pdf")
        if path is None:
            return None
        try:
            pages = printing.save_pdf(path, job)
        except OSError as exc:
            self.show_status(self.tr("Kunne ikke lagre PDF: {error}").format(error=exc))
            return None
        self.show_status(self.tr("Lagret {path} ({pages} sider)").format(path=path, pages=pages))
        return path

    # ------------------------------------------------------------------ dialogs

    def open_settings(self) -> SettingsDialog:
        """Settings (municipality, language, theme); applied when the user presses «Lagre»."""
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
        dialog = IssuesDialog(issues, self)
        self.issues_dialog = dialog
        dialog.open()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        actions = (self.act_search, self.act_emergency, self.act_back, self.act_forward, self.act_home,
                   self.act_contacts, self.act_duties, self.act_toc, self.act_bookmarks, self.act_recent,
                   self.act_practice, self.act_find, self.act_outline, self.act_bookmark, self.act_bigger,
                   self.act_smaller, self.act_normal, self.act_print, self.act_preview, self.act_pdf, self.act_settings,
                   self.act_keys, self.act_quit)
        rows = [(a.shortcut().toString(native), a.text().rstrip(" …")) for a in actions if not a.shortcut().isEmpty()]
        rows.append(("Tab / Shift+Tab", self.tr("Flytt mellom feltene")))
        rows.append(("Alt", self.tr("Menyene")))
        return rows

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def content_label(self) -> str:
        """The content in use, in words: the installed pack versions, or the content that came with the program."""
        return ", ".join(self.content_versions) or self.tr("levert med programmet")

    def show_news(self) -> NewsDialog:
        """«Hva er nytt»: what the last content update changed."""
        from handbook import locations
        from handbook.core.updates import latest_news

        _versions, lines = latest_news(locations.cache_dir())
        dialog = NewsDialog(self.content_versions, lines if self.content_versions else (), self)
        self.news_dialog = dialog
        dialog.open()
        return dialog

    def open_workbench(self) -> QWidget:
        """The editor's workbench on the content this window reads (for municipal editors)."""
        from handbook import locations
        from handbook.ui.workbench import Workbench

        bench = Workbench(locations.content_dir(), self.municipality)
        bench.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workbench = bench
        bench.show()
        return bench

    def content_date(self) -> str:
        """The content's date: when the installed packs were built, or the newest review of the shipped pages."""
        if self.content_built:
            return ", ".join(self.content_built)
        reviewed = [p.reviewed for p in self.handbook.pages.values() if p.reviewed is not None]
        from handbook.ui.page_view import format_date

        return format_date(max(reviewed)) if reviewed else self.tr("ukjent")

    def about_text(self) -> str:
        from handbook import __version__

        return (self.tr("Veileder %1 · innhold: %2").replace("%1", __version__).replace("%2", self.content_label())
                + "\n" + self.tr("Innholdets dato: %1").replace("%1", self.content_date())
                + "\n" + self.tr("Kommune: %1").replace("%1", self.handbook.pack.name))

    def show_about(self) -> QMessageBox:
        """«Om Veileder»: the program's version, the content's version and date (also in the status bar)."""
        text = self.about_text()
        self.show_status(text.splitlines()[0])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Om Veileder"))
        box.setText(text)
        box.setInformativeText(self.tr("Veilederen lagrer ingenting om saker eller personer. Logg: %1")
                               .replace("%1", str(_log_file())))
        about = next((p for p in self.handbook.pages_of_kind("about")), None)
        if about is not None:
            read = box.addButton(about.title, QMessageBox.ButtonRole.ActionRole)
            read.clicked.connect(lambda: self.navigate(Location("page", about.id)))
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(box.deleteLater)
        self.about_box = box
        box.open()
        return box


def _log_file() -> Path:
    from handbook.logfile import log_file

    return log_file()
