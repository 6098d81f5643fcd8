"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class TwoLineButton(QPushButton):
    """A button with a prominent first line (a title or a phone number) and a quieter second line."""

    def __init__(
        self, title: str, subtitle: str = "", parent: QWidget | None = None, margins: tuple[int, int] = (14, 10)
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margins[0], margins[1], margins[0], margins[1])
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        self.title.setObjectName("buttonTitle")
        self.subtitle = QLabel(subtitle, self)
        self.subtitle.setObjectName("buttonText")
        self.subtitle.setVisible(bool(subtitle))
        for label in (self.title, self.subtitle):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.setAccessibleName(f"{title}, {subtitle}" if subtitle else title)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter and Return press the button, as Space does (a tile or a number is a button, not a form field)."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        for label in (self.title, self.subtitle):
            label.setAlignment(alignment)

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()
