"""The reader's actions as data: one table builds the menus, the toolbar and the list of shortcuts (F1).

Each action is a record – what it is called, its keys, the window method it calls, the menus it appears in and
whether it is on the toolbar – so a new action shows up everywhere at once and the F1 list can never miss one.
The window gets each action as the attribute `act_<id>` (`act_print`, `act_search`, …).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from handbook.core.places import CONTACTS, DUTIES, HOME

Key = QKeySequence.StandardKey | str
StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One action of the reader. `label` is Norwegian source text (translated in the «MainWindow» context)."""

    id: str  # the window's attribute is act_<id>
    label: object  # marked with QT_TRANSLATE_NOOP, so the translation tools find it
    keys: tuple[Key, ...]
    handler: str  # a method of the window (dotted for a part of it: «search.focus_field»)
    menus: tuple[str, ...] = ()  # ids in MENUS
    toolbar: bool = False
    group: str = ""  # a separator goes between actions of different groups (in a menu and on the toolbar)
    args: tuple[object, ...] = ()  # passed to the handler
    icon: str = ""  # a name in resources/icons, painted in the theme's colours
    icon_text: str = ""  # a shorter label on the toolbar
    icon_only: bool = False  # on the toolbar without its text
    checkable: bool = False
    auto_repeat: bool = True


# The menus in the menu bar, in order: (id, title). «view» also holds the theme submenu (built by the window).
MENUS: tuple[tuple[str, object], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&Fil")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "&Gå")),
    ("page", QT_TRANSLATE_NOOP("MainWindow", "&Side")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&Vis")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Hjelp")),
)

# Every action, in the order of the menus, the toolbar and the F1 list.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("back", QT_TRANSLATE_NOOP("MainWindow", "Tilbake"), (StandardKey.Back, "Alt+Left"), "go_back",
               ("go",), toolbar=True, group="history", icon="back"),
    ActionSpec("forward", QT_TRANSLATE_NOOP("MainWindow", "Frem"), (StandardKey.Forward, "Alt+Right"), "go_forward",
               ("go",), toolbar=True, group="history", icon="forward"),
    ActionSpec("home", QT_TRANSLATE_NOOP("MainWindow", "Hjem"), ("Alt+Home",), "navigate", ("go",), toolbar=True,
               group="history", args=(HOME,), icon="home"),
    ActionSpec("search", QT_TRANSLATE_NOOP("MainWindow", "Søk"), ("Ctrl+K",), "search.focus_field", ("go",),
               group="places"),
    ActionSpec("emergency", QT_TRANSLATE_NOOP("MainWindow", "Nødnumre"), ("Ctrl+Shift+N", "F6"),
               "emergency.focus_first", ("go",), group="places"),
    ActionSpec("contacts", QT_TRANSLATE_NOOP("MainWindow", "Kontakter"), ("Ctrl+Shift+K",), "navigate", ("go",),
               toolbar=True, group="places", args=(CONTACTS,), icon="phone"),
    ActionSpec("duties", QT_TRANSLATE_NOOP("MainWindow", "Meldeplikter"), ("Ctrl+Shift+M",), "navigate", ("go",),
               toolbar=True, group="places", args=(DUTIES,), icon="duties"),
    ActionSpec("toc", QT_TRANSLATE_NOOP("MainWindow", "Innhold"), ("Ctrl+Shift+I",), "show_tab", ("go",),
               group="panels", args=(0,)),
    ActionSpec("bookmarks", QT_TRANSLATE_NOOP("MainWindow", "Bokmerker"), ("Ctrl+Shift+B",), "show_tab", ("go",),
               group="panels", args=(1,)),
    ActionSpec("recent", QT_TRANSLATE_NOOP("MainWindow", "Sist lest"), ("Ctrl+Shift+H",), "show_tab", ("go",),
               group="panels", args=(2,)),
    ActionSpec("practice", QT_TRANSLATE_NOOP("MainWindow", "Øvingssaker …"), ("Ctrl+Shift+O",), "open_practice",
               ("go",), group="practice"),
    ActionSpec("find", QT_TRANSLATE_NOOP("MainWindow", "Finn på siden"), (StandardKey.Find,), "find_in_page",
               ("page",), group="page"),
    ActionSpec("outline", QT_TRANSLATE_NOOP("MainWindow", "Overskrifter og lenker …"), ("Ctrl+J",), "show_outline",
               ("page",), group="page"),
    ActionSpec("bookmark", QT_TRANSLATE_NOOP("MainWindow", "Bokmerk siden"), ("Ctrl+D",), "toggle_bookmark",
               ("page",), toolbar=True, group="page", icon="bookmark", icon_only=True, checkable=True),
    ActionSpec("print", QT_TRANSLATE_NOOP("MainWindow", "Skriv ut …"), (StandardKey.Print,), "print_page",
               ("file", "page"), toolbar=True, group="paper", icon="print", icon_only=True),
    ActionSpec("preview", QT_TRANSLATE_NOOP("MainWindow", "Forhåndsvisning …"), ("Ctrl+Shift+P",), "preview_page",
               ("file", "page"), group="paper"),
    ActionSpec("pdf", QT_TRANSLATE_NOOP("MainWindow", "Lagre som PDF …"), ("Ctrl+Shift+S",), "save_pdf",
               ("file", "page"), toolbar=True, group="paper", icon="pdf", icon_only=True),
    ActionSpec("smaller", QT_TRANSLATE_NOOP("MainWindow", "Mindre tekst"), (StandardKey.ZoomOut, "Ctrl+-"),
               "change_text_size", ("view",), toolbar=True, group="size", args=(-1,), icon_text="A−",
               auto_repeat=False),
    ActionSpec("bigger", QT_TRANSLATE_NOOP("MainWindow", "Større tekst"), (StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"),
               "change_text_size", ("view",), toolbar=True, group="size", args=(+1,), icon_text="A+",
               auto_repeat=False),
    ActionSpec("normal", QT_TRANSLATE_NOOP("MainWindow", "Vanlig tekststørrelse"), ("Ctrl+0",), "change_text_size",
               ("view",), group="size", args=(0,)),
    ActionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Innstillinger …"), (StandardKey.Preferences, "Ctrl+,"),
               "open_settings", ("file",), group="program"),
    ActionSpec("workbench", QT_TRANSLATE_NOOP("MainWindow", "Redaktørverktøy …"), (), "open_workbench", ("file",),
               group="program"),
    ActionSpec("keys", QT_TRANSLATE_NOOP("MainWindow", "Hurtigtaster"), (StandardKey.HelpContents,),
               "show_shortcuts", ("help",), group="help"),
    ActionSpec("news", QT_TRANSLATE_NOOP("MainWindow", "Hva er nytt"), (), "show_news", ("help",), group="help"),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "Om Veileder"), (), "show_about", ("help",), group="help"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "Avslutt"), (StandardKey.Quit, "Ctrl+Q"), "close", ("file",),
               group="quit"),
)

# The appearance choices under Vis → Utseende: (theme name, label).
THEME_CHOICES: tuple[tuple[str, object], ...] = (
    ("system", QT_TRANSLATE_NOOP("MainWindow", "Som systemet")),
    ("light", QT_TRANSLATE_NOOP("MainWindow", "Lyst")),
    ("dark", QT_TRANSLATE_NOOP("MainWindow", "Mørkt")),
    ("contrast", QT_TRANSLATE_NOOP("MainWindow", "Høy kontrast")),
)

NAVIGATION_BAR = QT_TRANSLATE_NOOP("MainWindow", "Navigasjon")
MORE_BUTTONS = QT_TRANSLATE_NOOP("MainWindow", "Flere knapper")
APPEARANCE_MENU = QT_TRANSLATE_NOOP("MainWindow", "&Utseende")

# Keys that belong to no single action, at the end of the F1 list.
GENERAL_KEYS: tuple[tuple[str, object], ...] = (
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("MainWindow", "Flytt mellom feltene")),
    ("Alt", QT_TRANSLATE_NOOP("MainWindow", "Menyene")),
)


def tr(text: object) -> str:
    """The table's words in the UI language (they belong to the main window's translations)."""
    return QCoreApplication.translate("MainWindow", str(text))


def key_sequences(keys: Sequence[Key]) -> list[QKeySequence]:
    """The key sequences of an action: a standard key gives the platform's bindings; no duplicates, no empties."""
    sequences: list[QKeySequence] = []
    for key in keys:
        bindings = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in bindings:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def make_action(window: QMainWindow, spec: ActionSpec) -> QAction:
    """One action of the table, on the window (so its keys work even while the menu bar is hidden)."""
    action = QAction(tr(spec.label), window)
    action.setObjectName(f"act_{spec.id}")
    sequences = key_sequences(spec.keys)
    if sequences:
        action.setShortcuts(sequences)
    if spec.icon:
        action.setProperty("icon_name", spec.icon)
    if spec.icon_text:
        action.setIconText(spec.icon_text)
    action.setCheckable(spec.checkable)
    action.setAutoRepeat(spec.auto_repeat)
    handler: Callable[..., object] = operator.attrgetter(spec.handler)(window)
    args = spec.args
    action.triggered.connect(lambda _checked=False: handler(*args))
    window.addAction(action)
    return action


def make_actions(window: QMainWindow) -> dict[str, QAction]:
    """Every action of the table, by id; each is also the window's attribute `act_<id>`."""
    actions = {spec.id: make_action(window, spec) for spec in ACTIONS}
    for action_id, action in actions.items():
        setattr(window, f"act_{action_id}", action)
    return actions


def _grouped(specs: Sequence[ActionSpec]) -> list[list[ActionSpec]]:
    return [list(group) for _name, group in itertools.groupby(specs, key=operator.attrgetter("group"))]


def build_menus(window: QMainWindow, actions: dict[str, QAction], themes: QActionGroup) -> dict[str, QMenu]:
    """The menu bar from the table: each menu's actions in table order, a separator between groups."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for menu_id, title in MENUS:
        menu = bar.addMenu(tr(title))
        for number, group in enumerate(_grouped([spec for spec in ACTIONS if menu_id in spec.menus])):
            if number:
                menu.addSeparator()
            menu.addActions([actions[spec.id] for spec in group])
        menus[menu_id] = menu
    menus["view"].addSeparator()
    theme_menu = menus["view"].addMenu(tr(APPEARANCE_MENU))
    theme_menu.addActions(themes.actions())
    return menus


def theme_actions(window: QMainWindow, choose: Callable[[str], object]) -> QActionGroup:
    """The appearance choices, one checkable action each; `choose` gets the theme's name."""
    group = QActionGroup(window)
    for name, label in THEME_CHOICES:
        action = QAction(tr(label), group)
        action.setCheckable(True)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, chosen=name: choose(chosen))
    return group


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The navigation bar from the table: text-and-icon buttons on the left; the page's icon-only buttons and the
    text size on the right (after a spacer); a separator between groups (not among the icon-only ones). Every
    button is reached with Tab and says its name and keys."""
    toolbar = QToolBar(tr(NAVIGATION_BAR), window)
    toolbar.setObjectName("navBar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.toggleViewAction().setEnabled(False)
    spaced = previous_icon_only = False
    for number, group in enumerate(_grouped([spec for spec in ACTIONS if spec.toolbar])):
        icon_only = all(spec.icon_only for spec in group)
        if icon_only and not spaced:  # the page's buttons go to the right
            spacer = QWidget(toolbar)
            spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
            toolbar.addWidget(spacer)
            spaced = True
        elif number and not (icon_only and previous_icon_only):
            toolbar.addSeparator()
        previous_icon_only = icon_only
        for spec in group:
            action = actions[spec.id]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if spec.icon_only and isinstance(button, QToolButton):  # room for «A− A+» even with large text
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            widget.setAccessibleName(action.text().rstrip(" …"))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            widget.setToolTip(f"{action.text().rstrip(' …')} ({keys})" if keys else action.text())
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # «»» when the window is narrow
    if extension is not None:
        extension.setAccessibleName(tr(MORE_BUTTONS))
        extension.setToolTip(tr(MORE_BUTTONS))
    return toolbar


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """The F1 list: every action of the table that has keys (keys, name), then the general keys."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = [(action.shortcut().toString(native), action.text().rstrip(" …"))
            for action in (actions[spec.id] for spec in ACTIONS) if not action.shortcut().isEmpty()]
    rows += [(keys, tr(text)) for keys, text in GENERAL_KEYS]
    return rows
