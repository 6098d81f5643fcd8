"""The emergency bar: always visible, one button per contact marked `emergency: true`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from handbook.core.content import Contact, Handbook
from handbook.core.reader import emergency_contacts, short_name
from handbook.ui.widgets import TwoLineButton, plain_tip


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
        self.handbook = handbook
        self.buttons: dict[str, TwoLineButton] = {}
        for contact in emergency_contacts(handbook):
            button = self._button(contact)
            self.buttons[contact.id] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def button_lines(self, contact: Contact) -> tuple[str, str]:
        """The number (or that it is not verified) and a short name.

        A contact without a verified number shows its national fallback's number, labelled as national, and
        says which local number is missing – never an empty slot, never an invented local number.
        """
        name = short_name(contact)
        national = self.handbook.fallback_for(contact)
        if national is not None and national.phone:
            missing = (self.tr("{name}: {phone} ikke bekreftet").format(name=name, phone=contact.phone)
                       if contact.phone else self.tr("{name}: lokalt nummer mangler").format(name=name))
            label = self.tr("Nasjonalt: {name}").format(name=short_name(national))
            return national.phone, f"{label}\n{missing}"
        if not contact.verified:
            unverified = self.tr("ikke bekreftet")
            return (f"{contact.phone} – {unverified}" if contact.phone else unverified), name
        return (contact.phone or name), (name if contact.phone else "")

    def _button(self, contact: Contact) -> TwoLineButton:
        number, name = self.button_lines(contact)
        button = TwoLineButton(number, name, self, margins=(12, 3))
        button.setObjectName("emergencyButton")
        button.set_alignment(Qt.AlignmentFlag.AlignHCenter)
        national = self.handbook.fallback_for(contact)
        # "national": a verified national number stands in for the missing local one (shown as a number)
        button.setProperty("verified", "national" if national else "true" if contact.verified else "false")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        tip = contact.name + (f"\n{contact.helps_with}" if contact.helps_with else "")
        if national is not None:
            tip += "\n\n" + self.tr("Det lokale nummeret er ikke bekreftet ennå. Til da: {name}, {phone}.").format(
                name=national.name, phone=national.phone)
        if contact.hours:
            tip += "\n" + self.tr("Åpent: {hours}").format(hours=contact.hours)
        button.setToolTip(plain_tip(tip))
        button.setAccessibleDescription(contact.helps_with)
        button.clicked.connect(lambda _=False, cid=contact.id: self.contactActivated.emit(cid))
        return button
