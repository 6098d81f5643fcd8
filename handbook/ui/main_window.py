"""The main window: emergency bar, toolbar, search and contents on the left, the reading area on the right.

Everything is reachable from the keyboard (menus with Alt, shortcuts listed under Hjelp → Hurtigtaster).
The window remembers its size, the last place, bookmarks and recent pages – page ids only.

This module builds the window and wires its parts; what the window does lives beside it: the actions, menus,
toolbar and F1 list in `window_actions` (one table), going places in `window_navigation`, paper in
`window_printing`, the dialogs in `window_dialogs`.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from handbook.core.places import HOME, Location, step_text_size
from handbook.ui import themes, window_actions
from handbook.ui.settings import Settings
from handbook.ui.window_dialogs import DialogsMixin
from handbook.ui.window_navigation import NavigationMixin
from handbook.ui.window_printing import PrintingMixin

if TYPE_CHECKING:  # the parts are imported by `load`, after the window's frame is on the screen
    from handbook.core.content import Handbook, PackInfo
    from handbook.core.search import SearchIndex
    from handbook.ui.checklist_wizard import ChecklistWizard
    from handbook.ui.contacts_view import ContactsView
    from handbook.ui.dialogs import IssuesDialog, NewsDialog, SettingsDialog
    from handbook.ui.practice_view import PracticeWindow

log = logging.getLogger(__name__)

IndexOpener = Callable[["Handbook"], "SearchIndex"]
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


class MainWindow(NavigationMixin, PrintingMixin, DialogsMixin, QMainWindow):
    """The reader for one municipality's handbook."""

    locationChanged = Signal(str)  # noqa: N815
    indexReady = Signal()  # noqa: N815
    indexFailed = Signal(str)  # noqa: N815
    reloadRequested = Signal()  # noqa: N815  (the municipality or language changed: the app opens a new window)

    def __init__(
        self,
        handbook: Handbook | None,
        settings: Settings,
        packs: Sequence[PackInfo] = (),
        index_opener: IndexOpener = default_index_opener,
        parent: QWidget | None = None,
    ) -> None:
        """The window for a handbook; with `handbook=None` only its frame (title, size, place, «Åpner …»), shown at
        once while the handbook loads, and filled by `load`."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.loaded = False
        self._save_state = True
        self._closed = False
        self._index_started = False
        self.setWindowTitle("Veileder")
        opening = QLabel(self.tr("Åpner veilederen …"), self)
        opening.setObjectName("opening")
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        opening.setAccessibleName(opening.text())
        self.setCentralWidget(opening)
        self.place_on_screen(settings.geometry)
        if handbook is not None:
            self.load(handbook, packs, index_opener)

    def load(self, handbook: Handbook, packs: Sequence[PackInfo] = (),
             index_opener: IndexOpener = default_index_opener) -> None:
        """Build the window's parts for a handbook (once). Their modules are imported here, so that the frame can
        be shown before them."""
        from handbook.core.reader import History, known_page_ids
        from handbook.ui.background import Background
        from handbook.ui.emergency_bar import EmergencyBar
        from handbook.ui.home import DutiesPage, HomePage
        from handbook.ui.navigation import NavigationPanel
        from handbook.ui.page_view import PageView
        from handbook.ui.search_panel import SearchPanel

        settings = self.settings
        self.handbook = handbook
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
        self.checklist: ChecklistWizard | QLabel | None = None  # the checklist shown (or why it cannot be)
        self.content_versions: tuple[str, ...] = ()  # installed content packs in use (empty: the shipped content)
        self.content_built: tuple[str, ...] = ()  # when those packs were built
        self.news_dialog: NewsDialog | None = None
        self.preview_dialog: QWidget | None = None
        self.about_box: QMessageBox | None = None
        self.workbench: QWidget | None = None
        self.practice_window: PracticeWindow | None = None

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

        self.act = window_actions.make_actions(self)  # also act_back, act_print, … (act_<id> of the table)
        self.theme_actions = window_actions.theme_actions(self, lambda name: self.apply_theme(name, self.text_size))
        self.menus = window_actions.build_menus(self, self.act, self.theme_actions)
        self.toolbar = window_actions.build_toolbar(self, self.act)
        self._build_layout()
        self._connect()
        self._follow_desktop()
        self.apply_theme(settings.theme, self.text_size, save=False)
        self.navigation.bookmarks.set_pages(handbook, self.bookmarks)
        self.navigation.recent.set_pages(handbook, self.recent)
        self.size_side_panel()
        if settings.splitter is not None:
            self.splitter.restoreState(settings.splitter)
        self.loaded = True
        self.update_title()

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
        if self.loaded:
            self.size_side_panel()

    def size_side_panel(self) -> None:
        """The search and contents panel takes about 3/10 of the window (room for two tile columns)."""
        width = self.width()
        side = max(self.side.minimumWidth(), min(SIDE_WIDTH, width * 3 // 10))
        self.splitter.setSizes([side, width - side])

    # ------------------------------------------------------------------ building

    def _build_layout(self) -> None:

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
        layout.addWidget(self.toolbar)
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
            from handbook.ui.contacts_view import ContactsView

            view = ContactsView(self.handbook, self)
            view.linkActivated.connect(self.open_external)
            view.copied.connect(self._on_copied)
            self.stack.addWidget(view)
            self._contacts = view
        return self._contacts

    @property
    def wizard(self) -> ChecklistWizard | None:
        """The checklist wizard shown in the reading area, if any (not the message of a checklist that failed)."""
        shown = self.checklist
        return None if shown is None or isinstance(shown, QLabel) else shown

    def _on_copied(self, text: str) -> None:
        self.show_status(self.tr("Kopiert: {text}").format(text=text))

    # ------------------------------------------------------------------ start and stop

    def start(self, restore: bool = True) -> None:
        """Show the last place (or home), put the cursor in the search field and build the index."""
        from handbook.core.reader import location_exists

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
        if not self._closed and self.loaded:
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

    def _on_search_active(self, active: bool) -> None:
        self.navigation.setVisible(not active)
        layout = self.side.layout()
        if isinstance(layout, QBoxLayout):
            layout.setStretchFactor(self.search, 1 if active else 0)

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
        from handbook.core.reader import toggle_bookmark

        self.bookmarks = toggle_bookmark(self.bookmarks, page_id)
        self.settings.set_bookmarks(self.municipality, self.bookmarks)
        self.navigation.bookmarks.set_pages(self.handbook, self.bookmarks)
        added = page_id in self.bookmarks
        self.act["bookmark"].setChecked(added)
        self.update_bookmark_action()
        self.show_status(self.tr("Bokmerke lagt til") if added else self.tr("Bokmerke fjernet"))

    def update_bookmark_action(self) -> None:
        """The bookmark button says whether the page is bookmarked, in words and with its icon."""
        action = self.act["bookmark"]
        checked = action.isChecked()
        action.setText(self.tr("Bokmerket") if checked else self.tr("Bokmerk siden"))
        action.setProperty("icon_name", "bookmarked" if checked else "bookmark")
        self._update_icons()

    def _update_icons(self) -> None:
        """Paint the toolbar icons in the theme's colours."""
        from handbook.ui import icons

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
        if self.wizard is not None:  # an open checklist follows Ctrl+plus/minus too
            self.wizard.set_text_size(size)
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
        hints.accessibility().contrastPreferenceChanged.connect(self._desktop_changed)  # Qt 6.10 and later

    def _desktop_changed(self, *_args: object) -> None:
        if self.theme_choice == themes.SYSTEM and not self._closed:
            self.apply_theme(themes.SYSTEM, self.text_size, save=False)

    def change_text_size(self, step: int) -> None:
        """Ctrl+plus, Ctrl+minus, Ctrl+0."""
        size = step_text_size(self.text_size, step)
        if size != self.text_size or step == 0:
            self.apply_theme(self.theme_choice, size)
        self.show_status(self.tr("Tekststørrelse: {size} punkter").format(size=size))
