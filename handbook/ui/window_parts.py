"""The main window's parts as the type checker sees them, for the mixins beside it.

`window_navigation`, `window_printing` and `window_dialogs` hold what the main window does; `main_window` builds
the parts and inherits those mixins. They are written against `WindowParts`: for the type checker a
`QMainWindow` with the attributes and methods listed here, at run time a plain `object` (the window supplies
it all). Kept in a module of its own: Qt's translation scanner loses the class names of a file with a class
inside `if TYPE_CHECKING:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

    from handbook.core.content import Handbook, PackInfo
    from handbook.core.reader import History, Location
    from handbook.ui.checklist_wizard import ChecklistWizard
    from handbook.ui.contacts_view import ContactsView
    from handbook.ui.dialogs import IssuesDialog, NewsDialog, SettingsDialog
    from handbook.ui.home import DutiesPage, HomePage
    from handbook.ui.navigation import NavigationPanel
    from handbook.ui.page_view import PageView
    from handbook.ui.practice_view import PracticeWindow
    from handbook.ui.search_panel import SearchPanel
    from handbook.ui.settings import Settings

    class WindowParts(QMainWindow):
        locationChanged = Signal(str)  # noqa: N815
        reloadRequested = Signal()  # noqa: N815

        handbook: Handbook
        settings: Settings
        packs: tuple[PackInfo, ...]
        municipality: str
        history: History
        recent: tuple[str, ...]
        bookmarks: tuple[str, ...]
        theme_choice: str
        text_size: int
        content_versions: tuple[str, ...]
        content_built: tuple[str, ...]
        act: dict[str, QAction]  # the actions of `window_actions.ACTIONS` by id
        stack: QStackedWidget
        home: HomePage
        duties: DutiesPage
        page_view: PageView
        navigation: NavigationPanel
        search: SearchPanel
        checklist_holder: QWidget
        checklist: ChecklistWizard | QLabel | None
        practice_window: PracticeWindow | None
        preview_dialog: QWidget | None
        settings_dialog: SettingsDialog | None
        issues_dialog: IssuesDialog | None
        news_dialog: NewsDialog | None
        about_box: QMessageBox | None
        workbench: QWidget | None
        _contacts: ContactsView | None

        @property
        def contacts(self) -> ContactsView: ...
        @property
        def wizard(self) -> ChecklistWizard | None: ...
        @property
        def current_page_id(self) -> str | None: ...
        def show_status(self, text: str) -> None: ...
        def navigate(self, target: Location | str, record: bool = True) -> bool: ...
        def update_print_actions(self) -> None: ...
        def update_bookmark_action(self) -> None: ...
        def apply_theme(self, name: str, size: int, save: bool = True) -> None: ...
else:
    WindowParts = object
