"""The contacts view: every service and phone line, with a search field and copy-to-clipboard."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import Contact, Handbook
from handbook.core.links import classify_link
from handbook.core.reader import contact_matches


class ContactCard(QFrame):
    """One contact: name, what it helps with, number, hours, and whether the number is verified."""

    copyRequested = Signal(str)  # noqa: N815
    linkActivated = Signal(str)  # noqa: N815

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setObjectName("contactCard")
        self.setAccessibleName(contact.name)
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        name = self._label(contact.name, "contactName")
        grid.addWidget(name, 0, 0, 1, 2)
        row = 1
        if contact.helps_with:
            grid.addWidget(self._label(contact.helps_with), row, 0, 1, 2)
            row += 1
        self.copy_button: QPushButton | None = None
        if contact.phone:
            phone = self._label(contact.phone, "contactPhone")
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            phone.setAccessibleName(self.tr("Telefon {number}").format(number=contact.phone))
            line = QHBoxLayout()
            line.addWidget(phone)
            self.copy_button = QPushButton(self.tr("Kopier nummer"), self)
            self.copy_button.setAccessibleName(self.tr("Kopier nummeret til {name}").format(name=contact.name))
            self.copy_button.clicked.connect(lambda: self.copyRequested.emit(contact.phone or ""))
            line.addWidget(self.copy_button)
            line.addStretch(1)
            grid.addLayout(line, row, 0, 1, 2)
            row += 1
        if not contact.verified:
            text = (
                self.tr("Nummeret er ikke bekreftet – sjekk det før du ringer.")
                if contact.phone
                else self.tr("Nummer mangler – ikke bekreftet. Spør koordinatoren i kommunen.")
            )
            warn = self._label(text, "unverified")
            grid.addWidget(warn, row, 0, 1, 2)
            row += 1
        details = []
        if contact.direct:
            details.append((self.tr("Direkte"), html.escape(contact.direct)))
        if contact.hours:
            hours = html.escape(contact.hours)
            if contact.checked:
                hours += " " + html.escape(self.tr("(sjekket {month})").format(month=contact.checked))
            details.append((self.tr("Åpent"), hours))
        if contact.email:
            details.append((self.tr("E-post"), html.escape(contact.email)))
        if contact.web:
            web = classify_link(contact.web)
            if web.scheme in ("https", "http"):  # the allow-list: only a web address becomes a link
                url = html.escape(web.target, quote=True)
                details.append((self.tr("Nettside"), f'<a href="{url}">{html.escape(contact.web)}</a>'))
            else:
                details.append((self.tr("Nettside"), html.escape(contact.web)))
        if contact.note:
            details.append((self.tr("Merk"), html.escape(contact.note)))
        for key, value in details:
            grid.addWidget(self._label(html.escape(key) + ":", "muted"), row, 0, Qt.AlignmentFlag.AlignTop)
            label = self._label(value, rich=True)
            label.linkActivated.connect(self.linkActivated.emit)
            grid.addWidget(label, row, 1)
            row += 1
        if contact.source:
            source = self._label(self.tr("Kilde: {source}").format(source=contact.source), "muted")
            grid.addWidget(source, row, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def _label(self, text: str, name: str = "", rich: bool = False) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setText(text)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        return label

    def set_current(self, current: bool) -> None:
        self.setProperty("current", "true" if current else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class ContactsView(QWidget):
    """All contacts of the municipality; the search filters them as you type."""

    copied = Signal(str)  # the text put on the clipboard
    linkActivated = Signal(str)  # noqa: N815

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self.handbook = handbook
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 8)
        heading = QLabel(self.tr("Kontakter"), self)
        heading.setObjectName("pageHeading")
        outer.addWidget(heading)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Søk i kontakter – navn, tjeneste eller nummer"))
        self.search.setAccessibleName(self.tr("Søk i kontakter"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        outer.addWidget(self.search)
        self.empty = QLabel(self.tr("Ingen kontakter passer til søket."), self)
        self.empty.setObjectName("muted")
        self.empty.hide()
        outer.addWidget(self.empty)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.list_layout = QVBoxLayout(body)
        self.list_layout.setContentsMargins(0, 8, 8, 8)
        self.list_layout.setSpacing(10)
        ordered = sorted(handbook.contacts.values(), key=lambda c: not c.emergency)
        self.cards: dict[str, ContactCard] = {}
        for contact in ordered:
            card = ContactCard(contact, body)
            card.copyRequested.connect(self.copy)
            card.linkActivated.connect(self.linkActivated.emit)
            self.cards[contact.id] = card
            self.list_layout.addWidget(card)
        self.list_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

    def apply_filter(self, text: str) -> None:
        """Show only the contacts matching `text`."""
        shown = 0
        for card in self.cards.values():
            visible = contact_matches(card.contact, text)
            card.setVisible(visible)
            shown += visible
        self.empty.setVisible(shown == 0)

    def visible_ids(self) -> list[str]:
        return [cid for cid, card in self.cards.items() if not card.isHidden()]

    def copy(self, text: str) -> None:
        """Put a number on the clipboard and tell the window."""
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)

    def show_contact(self, contact_id: str) -> None:
        """Clear the filter, mark one contact and scroll it into view."""
        if self.search.text():
            self.search.clear()
        for cid, card in self.cards.items():
            card.set_current(cid == contact_id)
        chosen = self.cards.get(contact_id)
        if chosen is not None:
            QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(chosen, 0, 40))
            target = chosen.copy_button or chosen
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_current(self) -> None:
        for card in self.cards.values():
            card.set_current(False)
