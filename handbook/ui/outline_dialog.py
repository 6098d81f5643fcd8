"""Ctrl+J: a page's headings and links in a list of their own, the way screen readers offer an «elements list».

Qt's text view shows a page as one text: a screen reader reads it, but does not see its headings and links as
objects to jump between. This dialog lists them, each a named item in a tree (a window of its own, so assistive
technology finds it like any dialog): type to filter, Enter goes to a heading or opens a link, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

HEADING, LINK = "heading", "link"
_ROLE = Qt.ItemDataRole.UserRole


class OutlineDialog(QDialog):
    """The headings (indented by level) and the links of one page. `go_to_heading(text)` and `open_link(href)`
    are called with the user's choice; the dialog closes after it."""

    def __init__(
        self,
        title: str,
        headings: Sequence[tuple[int, str]],
        links: Sequence[tuple[str, str]],
        go_to_heading: Callable[[str], None],
        open_link: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outlineDialog")
        self.setWindowTitle(self.tr("Overskrifter og lenker – {title}").format(title=title))
        self._go_to_heading = go_to_heading
        self._open_link = open_link
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Skriv for å filtrere"))
        self.filter.setAccessibleName(self.tr("Filtrer overskrifter og lenker"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filtrer:"), self)
        filter_label.setBuddy(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Overskrifter og lenker på siden"))
        self.tree.setAccessibleDescription(self.tr("Enter går til overskriften eller åpner lenken. Esc lukker."))
        self.headings = self._section(self.tr("Overskrifter"), [
            ("   " * max(0, level - 1) + text, HEADING, text) for level, text in headings])
        self.links = self._section(self.tr("Lenker"), [(text, LINK, href) for text, href in links])
        self.tree.expandAll()
        self.tree.itemActivated.connect(lambda item, _column: self.choose(item))
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self._choose_first_shown)
        buttons = QDialogButtonBox(self)
        self.go_button = QPushButton(self.tr("Gå til"), self)
        self.go_button.setAccessibleName(self.go_button.text())
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Lukk"))
        close.setAccessibleName(close.text())
        self.go_button.clicked.connect(lambda: self.choose(self.tree.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(filter_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 480)
        first = self.first_shown()
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _section(self, name: str, rows: list[tuple[str, str, str]]) -> QTreeWidgetItem:
        section = QTreeWidgetItem(self.tree, [f"{name} ({len(rows)})"])
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading of the list, not a choice
        for text, kind, value in rows:
            item = QTreeWidgetItem(section, [text])
            item.setData(0, _ROLE, (kind, value))
        return section

    def items(self, section: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [child for i in range(section.childCount()) if (child := section.child(i)) is not None]

    def first_shown(self) -> QTreeWidgetItem | None:
        for section in (self.headings, self.links):
            for item in self.items(section):
                if not item.isHidden():
                    return item
        return None

    def apply_filter(self, text: str) -> None:
        """Show only the items whose text contains what is typed (case does not matter)."""
        needle = text.strip().casefold()
        for section in (self.headings, self.links):
            for item in self.items(section):
                item.setHidden(bool(needle) and needle not in item.text(0).casefold())
        first = self.first_shown()
        if first is not None:
            self.tree.setCurrentItem(first)

    def _choose_first_shown(self) -> None:
        first = self.first_shown()
        if first is not None:
            self.choose(first)

    def choose(self, item: QTreeWidgetItem | None) -> None:
        """Go to a heading or open a link (a section name does nothing)."""
        data = item.data(0, _ROLE) if item is not None else None
        if not data:
            return
        kind, value = data
        self.accept()
        owner = self.parentWidget()
        if owner is not None:  # back to the page's window, where the heading or the link is
            owner.window().activateWindow()
        if kind == HEADING:
            self._go_to_heading(value)
        else:
            self._open_link(value)
