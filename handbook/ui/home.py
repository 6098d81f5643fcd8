"""The home page (large shortcuts for the moments that matter) and the list of duty pages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from handbook.core.content import Handbook
from handbook.core.reader import checklist_entries, duty_pages, home_shortcuts
from handbook.ui.widgets import TwoLineButton

TILES = {
    "child": (QT_TRANSLATE_NOOP("HomePage", "Bekymret for et barn"),
              QT_TRANSLATE_NOOP("HomePage", "Steg for steg: hva du gjør nå")),
    "adult": (QT_TRANSLATE_NOOP("HomePage", "Bekymret for en voksen"),
              QT_TRANSLATE_NOOP("HomePage", "Steg for steg: hva du gjør nå")),
    "acute": (QT_TRANSLATE_NOOP("HomePage", "Akutt fare"),
              QT_TRANSLATE_NOOP("HomePage", "Når noen er i fare nå")),
    "duties": (QT_TRANSLATE_NOOP("HomePage", "Meldeplikter"),
               QT_TRANSLATE_NOOP("HomePage", "Når du må melde fra, og til hvem")),
    "contacts": (QT_TRANSLATE_NOOP("HomePage", "Kontakter"),
                 QT_TRANSLATE_NOOP("HomePage", "Telefonnumre og tjenester")),
}
# When a shortcut leads to a page rather than a checklist (a pack without that checklist).
PAGE_SUBTITLE = QT_TRANSLATE_NOOP("HomePage", "Hva du gjør nå")


def _scroll(content: QWidget, parent: QWidget, name: str) -> QScrollArea:
    area = QScrollArea(parent)
    area.setAccessibleName(name)  # it can take the focus (to scroll by keys): a screen reader names it
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class HomePage(QWidget):
    """The municipality's name, five large shortcuts and every checklist of the municipality."""

    locationRequested = Signal(str)  # noqa: N815
    practiceRequested = Signal()  # noqa: N815

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        self.title = QLabel(handbook.pack.name, body)
        self.title.setObjectName("homeTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the pack's name is content: text, never markup
        self.title.setAccessibleName(handbook.pack.name)
        layout.addWidget(self.title)
        lead = QLabel(self.tr("Veileder for ansatte som møter vold i nære relasjoner"), body)
        lead.setObjectName("homeLead")
        lead.setWordWrap(True)
        layout.addWidget(lead)
        layout.addSpacing(12)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(14)
        self._columns = 0
        self.tiles: dict[str, TwoLineButton] = {}
        for shortcut in home_shortcuts(handbook):
            title, subtitle = TILES[shortcut.key]
            if shortcut.key in ("child", "adult") and shortcut.location.kind == "page":
                subtitle = PAGE_SUBTITLE
            text = QCoreApplication.translate("HomePage", str(title))
            button = TwoLineButton(text, QCoreApplication.translate("HomePage", str(subtitle)), body, margins=(20, 14))
            button.setObjectName("homeTile")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if shortcut.key == "acute":
                button.setProperty("tone", "acute")
            button.clicked.connect(lambda _=False, loc=str(shortcut.location): self.locationRequested.emit(loc))
            self.tiles[shortcut.key] = button
        self._arrange(2)
        layout.addLayout(self.grid)
        self.checklists: dict[str, TwoLineButton] = {}
        entries = checklist_entries(handbook)
        if entries:
            layout.addSpacing(16)
            heading = QLabel(self.tr("Sjekklister – steg for steg"), body)
            heading.setObjectName("homeHeading")
            layout.addWidget(heading)
            for entry in entries:
                button = TwoLineButton(entry.title, entry.description, body, margins=(14, 8))
                button.setObjectName("homeChecklist")
                button.subtitle.setWordWrap(True)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                button.clicked.connect(
                    lambda _=False, cid=entry.id: self.locationRequested.emit(f"checklist:{cid}"))
                self.checklists[entry.id] = button
                layout.addWidget(button)
        layout.addSpacing(16)
        hint = QLabel(
            self.tr("Søk etter et ord øverst til venstre (Ctrl+K), eller bla i innholdet. "
                    "Nødnumrene står alltid øverst i vinduet."),
            body,
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        about = next((p for p in handbook.pages_of_kind("about")), None)
        if about is not None:
            link = QPushButton(about.title, body)
            link.setObjectName("linkButton")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda: self.locationRequested.emit(f"page:{about.id}"))
            layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        self.practice_link = QPushButton(self.tr("Øv på en sak – alene eller i et møte"), body)
        self.practice_link.setObjectName("linkButton")
        self.practice_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.practice_link.clicked.connect(self.practiceRequested)
        layout.addWidget(self.practice_link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        outer.addWidget(_scroll(body, self, self.tr("Hjem")))

    def _arrange(self, columns: int) -> None:
        """Lay the tiles out in one or two columns."""
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for number, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, number // columns, number % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Two columns when they fit (large text or a narrow window gives one)."""
        super().resizeEvent(event)
        widest = max((t.sizeHint().width() for t in self.tiles.values()), default=0)
        self._arrange(2 if self.width() - 80 >= 2 * widest + self.grid.horizontalSpacing() else 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def first_tile(self) -> TwoLineButton | None:
        return next(iter(self.tiles.values()), None)


class DutiesPage(QWidget):
    """«Meldeplikter»: every duty page, as a list of links."""

    locationRequested = Signal(str)  # noqa: N815

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutiesPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(self.tr("Meldeplikter"), body)
        heading.setObjectName("pageHeading")
        layout.addWidget(heading)
        lead = QLabel(
            self.tr("Pliktene som gjelder når du er bekymret for noen: når du må melde fra, til hvem, "
                    "og når taushetsplikten må vike."),
            body,
        )
        lead.setWordWrap(True)
        layout.addWidget(lead)
        layout.addSpacing(8)
        self.links: dict[str, QPushButton] = {}
        for page in duty_pages(handbook):
            link = QPushButton(page.title, body)
            link.setObjectName("linkButton")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _=False, pid=page.id: self.locationRequested.emit(f"page:{pid}"))
            self.links[page.id] = link
            layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        outer.addWidget(_scroll(body, self, self.tr("Meldeplikter")))
