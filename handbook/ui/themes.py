"""Light, dark and high-contrast themes, and the text size («A A A»).

Colours live here (the palette, the page stylesheet and the search list all need them); the rules
live in `resources/styles/*.qss` and `page.css`, templates whose `$name` fields are filled in from
the theme and the text size. `app.qss` applies to every theme; `<theme>.qss` adds to it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from handbook import locations


@dataclass(frozen=True)
class Theme:
    """The colours of one theme."""

    name: str
    window: str
    base: str
    alt: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    link: str
    highlight: str
    highlight_text: str
    found: str  # find-in-page and search matches
    found_text: str
    danger: str
    danger_soft: str
    warning_soft: str
    focus: str
    border_width: int = 1


THEMES = {
    "light": Theme(
        name="light", window="#f3f5f8", base="#ffffff", alt="#eef2f7", text="#1b1f24", muted="#4d5663",
        border="#c9d0da", accent="#1d4f91", accent_text="#ffffff", accent_soft="#e3ecf8", link="#1d4f91",
        highlight="#1d4f91", highlight_text="#ffffff", found="#ffe27a", found_text="#1b1f24", danger="#a4241c",
        danger_soft="#fdf0ee", warning_soft="#fff4d6", focus="#1d4f91",
    ),
    "dark": Theme(
        name="dark", window="#1b1e23", base="#23272e", alt="#2b3038", text="#e6e9ee", muted="#aab3bf",
        border="#444c57", accent="#8cb8f2", accent_text="#10161f", accent_soft="#2c3a4e", link="#9cc4f7",
        highlight="#3d6fb0", highlight_text="#ffffff", found="#8a6d00", found_text="#ffffff", danger="#f0938a",
        danger_soft="#3a2323", warning_soft="#3d3420", focus="#8cb8f2",
    ),
    "contrast": Theme(
        name="contrast", window="#000000", base="#000000", alt="#000000", text="#ffffff", muted="#ffffff",
        border="#ffffff", accent="#ffff00", accent_text="#000000", accent_soft="#000000", link="#ffff00",
        highlight="#ffff00", highlight_text="#000000", found="#00ffff", found_text="#000000", danger="#ff8080",
        danger_soft="#000000", warning_soft="#000000", focus="#ffff00", border_width=2,
    ),
}


SYSTEM = "system"  # follow the desktop: its light/dark preference, and its high-contrast mode


def theme(name: str) -> Theme:
    return THEMES.get(resolve(name), THEMES["light"])


def desktop_preferences() -> tuple[Qt.ColorScheme, bool]:
    """What the desktop says: its colour scheme, and whether high contrast is on (Qt's style hints)."""
    hints = QGuiApplication.styleHints()
    if hints is None:
        return Qt.ColorScheme.Unknown, False
    high_contrast = False
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if callable(accessibility):
        preference = getattr(accessibility(), "contrastPreference", None)
        high_contrast = callable(preference) and preference() == Qt.ContrastPreference.HighContrast
    return hints.colorScheme(), high_contrast


def system_theme() -> str:
    """The theme the desktop asks for: contrast when high contrast is on, else dark or light."""
    scheme, high_contrast = desktop_preferences()
    if high_contrast:
        return "contrast"
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve(name: str) -> str:
    """A theme's name, with «system» (the default) resolved to the desktop's choice."""
    return system_theme() if name == SYSTEM else name


def font_sizes(size: int) -> dict[str, int]:
    """Point sizes derived from the text size, for the templates."""
    return {
        "fs": size,
        "fs_small": max(8, round(size * 0.9)),
        "fs_large": round(size * 1.25),
        "fs_huge": round(size * 1.6),
        "fs_number": round(size * 1.35),
    }


@cache
def _template(name: str) -> Template:
    path = locations.resources_dir() / "styles" / name
    return Template(path.read_text(encoding="utf-8") if path.is_file() else "")


def _values(t: Theme, size: int) -> dict[str, object]:
    return {**asdict(t), **font_sizes(size), "bw": f"{t.border_width}px"}


def stylesheet(t: Theme, size: int) -> str:
    """The application stylesheet for a theme and text size."""
    values = _values(t, size)
    return _template("app.qss").safe_substitute(values) + "\n" + _template(f"{t.name}.qss").safe_substitute(values)


def page_css(t: Theme, size: int) -> str:
    """The stylesheet of rendered pages (QTextDocument's subset of CSS)."""
    return _template("page.css").safe_substitute(_values(t, size))


def palette(t: Theme) -> QPalette:
    """A Fusion palette in the theme's colours."""
    p = QPalette()
    roles = QPalette.ColorRole
    pairs = {
        roles.Window: t.window, roles.WindowText: t.text, roles.Base: t.base, roles.AlternateBase: t.alt,
        roles.Text: t.text, roles.Button: t.alt, roles.ButtonText: t.text, roles.ToolTipBase: t.base,
        roles.ToolTipText: t.text, roles.Highlight: t.highlight, roles.HighlightedText: t.highlight_text,
        roles.Link: t.link, roles.LinkVisited: t.link, roles.PlaceholderText: t.muted, roles.BrightText: t.text,
        roles.Mid: t.border, roles.Dark: t.border, roles.Light: t.base, roles.Midlight: t.alt, roles.Shadow: t.border,
    }
    for role, colour in pairs.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(disabled, role, QColor(t.muted if t.name != "contrast" else "#b0b0b0"))
    return p


def apply(app: QApplication, name: str, size: int) -> Theme:
    """Apply a theme and text size to the whole application."""
    t = theme(name)
    if app.property("veileder_theme") == (t.name, size):
        return t
    app.setProperty("veileder_theme", (t.name, size))
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(t))
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(stylesheet(t, size))
    return t
