"""Small shared widgets."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
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

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        for label in (self.title, self.subtitle):
            label.setAlignment(alignment)

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()


def plain_tip(text: str) -> str:
    """A tooltip that shows content as text: Qt would read `<…>` in a tooltip as markup (and load pictures)."""
    return f'<p style="white-space: pre-wrap">{html.escape(text)}</p>' if text else ""
