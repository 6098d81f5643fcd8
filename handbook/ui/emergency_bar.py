"""The emergency bar: always visible, one button per contact marked `emergency: true`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from handbook.core.content import Contact, Handbook
from handbook.core.reader import emergency_contacts, short_name
from handbook.ui.widgets import FlowLayout, TwoLineButton, plain_tip


class EmergencyBar(QFrame):
    """Numbers to call now: 112, 113, 110, the crisis centre and child-welfare emergency service."""

    contactActivated = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBar")
        self.setAccessibleName(self.tr("Nødnumre og akutt hjelp"))
        # A flow: at a large text size or on a narrow screen the numbers wrap onto a second row, never cut off.
        layout = FlowLayout(self, spacing=8)
        layout.setContentsMargins(10, 5, 10, 5)
        title = QLabel(self.tr("Akutt hjelp:"))
        title.setObjectName("emergencyTitle")
        layout.addWidget(title)
        self.handbook = handbook
        self.buttons: dict[str, TwoLineButton] = {}
        for contact in emergency_contacts(handbook):
            button = self._button(contact)
            self.buttons[contact.id] = button
            layout.addWidget(button)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._claim_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a button grew or shrank (text size, theme)
            self._claim_height()
        return handled

    def _claim_height(self) -> None:
        """Claim exactly the height the wrapped rows need: the window squeezes the reading area, never a number,
        and gives the room back when the text gets smaller."""
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            self.setMaximumHeight(needed)

    def focus_first(self) -> None:
        """Ctrl+Shift+N / F6: the keyboard focus to the first emergency number."""
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
