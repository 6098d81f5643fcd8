"""Toolbar icons from `resources/icons/*.svg`, painted in the theme's colours."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from handbook import locations

SIZE = 24


@cache
def _svg(name: str) -> str:
    path = locations.resources_dir() / "icons" / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _pixmap(svg: str, colour: str, scale: int) -> QPixmap:
    pixmap = QPixmap(SIZE * scale, SIZE * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, SIZE * scale, SIZE * scale))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return pixmap


@cache
def icon(name: str, colour: str, disabled: str | None = None) -> QIcon:
    """An icon in one colour (and another for the disabled state); empty when the file is missing."""
    svg = _svg(name)
    result = QIcon()
    if not svg:
        return result
    for scale in (1, 2):
        result.addPixmap(_pixmap(svg, colour, scale), QIcon.Mode.Normal)
        if disabled:
            result.addPixmap(_pixmap(svg, disabled, scale), QIcon.Mode.Disabled)
    return result
