"""The side panel under the search field: contents by kind and topic, bookmarks, and recent pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import Handbook
from handbook.core.reader import table_of_contents
from handbook.ui.i18n import kind_section
from handbook.ui.widgets import plain_tip

LOCATION = Qt.ItemDataRole.UserRole + 1


class PlacesList(QWidget):
    """A list of pages (bookmarks or recent) with a line saying what to do when it is empty."""

    locationRequested = Signal(str)  # noqa: N815

    def __init__(self, empty_text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("placesList")
        self.list.setAccessibleName(accessible_name)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.empty = QLabel(empty_text, self)
        self.empty.setObjectName("searchMessage")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def set_pages(self, handbook: Handbook, ids: tuple[str, ...]) -> None:
        self.list.clear()
        for page_id in ids:
            page = handbook.pages.get(page_id)
            if page is None:
                continue
            item = QListWidgetItem(page.title)
            item.setToolTip(plain_tip(page.title))
            item.setData(LOCATION, f"page:{page.id}")
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)

    def titles(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _open(self, item: QListWidgetItem) -> None:
        self.locationRequested.emit(item.data(LOCATION))


class NavigationPanel(QTabWidget):
    """Tabs: «Innhold» (by kind; topics hold their pages), «Bokmerker» and «Sist lest»."""

    locationRequested = Signal(str)  # noqa: N815

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Innhold, bokmerker og sist lest"))
        self.handbook = handbook
        self.setDocumentMode(True)
        self.toc = QTreeWidget(self)
        self.toc.setObjectName("toc")
        self.toc.setHeaderHidden(True)
        self.toc.setAccessibleName(self.tr("Innholdsfortegnelse"))
        self.toc.setIndentation(14)
        self.toc.setExpandsOnDoubleClick(False)
        self.toc.itemActivated.connect(self._open_item)
        self.toc.itemClicked.connect(self._open_page)
        for section in table_of_contents(handbook):
            top = QTreeWidgetItem([kind_section(section.kind)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.toc.addTopLevelItem(top)
            for entry in section.entries:
                item = QTreeWidgetItem([entry.title])
                item.setToolTip(0, plain_tip(entry.title))
                item.setData(0, LOCATION, f"page:{entry.page_id}")
                top.addChild(item)
                for child in entry.children:
                    sub = QTreeWidgetItem([child.title])
                    sub.setToolTip(0, plain_tip(child.title))
                    sub.setData(0, LOCATION, f"page:{child.page_id}")
                    item.addChild(sub)
            top.setExpanded(section.kind in ("duty", "topic"))
        self.bookmarks = PlacesList(
            self.tr("Ingen bokmerker ennå. Åpne en side og trykk «Bokmerk» (Ctrl+D)."), self.tr("Bokmerker"), self
        )
        self.recent = PlacesList(self.tr("Sidene du leser, vises her."), self.tr("Sist lest"), self)
        for places in (self.bookmarks, self.recent):
            places.locationRequested.connect(self.locationRequested.emit)
        self.addTab(self.toc, self.tr("Innhold"))
        self.addTab(self.bookmarks, self.tr("Bokmerker"))
        self.addTab(self.recent, self.tr("Sist lest"))

    def _open_page(self, item: QTreeWidgetItem) -> None:
        location = item.data(0, LOCATION)
        if location:
            self.locationRequested.emit(location)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        location = item.data(0, LOCATION)
        if location:
            self.locationRequested.emit(location)
        else:
            item.setExpanded(not item.isExpanded())

    def select_page(self, page_id: str | None) -> None:
        """Mark the page being read in the contents (without opening anything)."""
        target = f"page:{page_id}" if page_id else None
        self.toc.blockSignals(True)
        try:
            self.toc.clearSelection()
            if target is None:
                return
            for top_index in range(self.toc.topLevelItemCount()):
                top = self.toc.topLevelItem(top_index)
                for i in range(top.childCount() if top is not None else 0):
                    item = top.child(i) if top is not None else None
                    if item is not None and item.data(0, LOCATION) == target:
                        self.toc.setCurrentItem(item)
                        return
        finally:
            self.toc.blockSignals(False)

    def focus_list(self) -> None:
        """The keyboard goes into the shown tab: the contents, or the list of bookmarks or recent pages."""
        current = self.currentWidget()
        current.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(current, PlacesList):
            current.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
