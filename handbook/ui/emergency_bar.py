"""The emergency bar: always visible, one button per contact marked `emergency: true`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from handbook.core.content import Contact, Handbook
from handbook.core.reader import emergency_contacts, short_name


class EmergencyBar(QFrame):
    """Numbers to call now: 112, 113, 110, the crisis centre and child-welfare emergency service."""

    contactActivated = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBar")
        self.setAccessibleName(self.tr("Nødnumre og akutt hjelp"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setSpacing(8)
        title = QLabel(self.tr("Akutt hjelp:"))
        title.setObjectName("emergencyTitle")
        layout.addWidget(title)
        self.buttons: dict[str, QToolButton] = {}
        for contact in emergency_contacts(handbook):
            button = self._button(contact)
            self.buttons[contact.id] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def button_text(self, contact: Contact) -> str:
        """Two lines: the number (or that it is unknown or unverified) and a short name."""
        name = short_name(contact)
        if not contact.verified:
            number = contact.phone + " – " if contact.phone else ""
            unverified = self.tr("ikke bekreftet")
            return f"{number}{unverified}\n{name}"
        return f"{contact.phone or ''}\n{name}" if contact.phone else name

    def _button(self, contact: Contact) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("emergencyButton")
        button.setProperty("verified", "true" if contact.verified else "false")
        button.setText(self.button_text(contact))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spoken = button.text().replace("\n", ", ")
        button.setAccessibleName(spoken)
        tip = contact.name + (f"\n{contact.helps_with}" if contact.helps_with else "")
        if contact.hours:
            tip += "\n" + self.tr("Åpent: {hours}").format(hours=contact.hours)
        button.setToolTip(tip)
        button.setAccessibleDescription(contact.helps_with)
        button.clicked.connect(lambda _=False, cid=contact.id: self.contactActivated.emit(cid))
        return button
