"""The user's settings, in an INI file in `locations.config_dir()`.

Only preferences and places are stored: the municipality, language, theme, text size, window size,
and page ids (bookmarks, recent pages, the last place). Never a search, a note or anything about a case.
Every value read is checked, so a damaged or hand-edited file gives defaults, not a crash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from handbook import locations
from handbook.core.places import ID_PATTERN, UI_LANGUAGES, Location, clamp_text_size

THEMES = ("system", "light", "dark", "contrast")  # system (the default): follow the desktop
FILE_NAME = "veileder.ini"


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or locations.config_dir() / FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- helpers

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _ids(self, key: str) -> tuple[str, ...]:
        return tuple(w for w in self._str(key).split() if ID_PATTERN.match(w))

    def sync(self) -> None:
        """Write to disk now (errors, such as a read-only folder, are ignored: settings are a comfort)."""
        self._qs.sync()

    # -- preferences

    @property
    def municipality(self) -> str | None:
        value = self._str("municipality")
        return value if ID_PATTERN.match(value) else None

    @municipality.setter
    def municipality(self, value: str) -> None:
        self._qs.setValue("municipality", value)

    @property
    def language(self) -> str:
        """'' (follow the pack), 'nb', 'sv' or 'en'."""
        value = self._str("language")
        return value if value in UI_LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("language", value if value in UI_LANGUAGES else "")

    @property
    def shown_language(self) -> str:
        """The language the last window was shown in ('' before the first): the next start's first frame uses it."""
        value = self._str("shown_language")
        return value if value in UI_LANGUAGES else ""

    @shown_language.setter
    def shown_language(self, value: str) -> None:
        self._qs.setValue("shown_language", value if value in UI_LANGUAGES else "")

    @property
    def theme(self) -> str:
        value = self._str("theme", THEMES[0])
        return value if value in THEMES else THEMES[0]

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("theme", value if value in THEMES else THEMES[0])

    @property
    def text_size(self) -> int:
        return clamp_text_size(self._qs.value("text_size"))

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._qs.setValue("text_size", clamp_text_size(value))

    # -- window

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._qs.setValue("window/splitter", value)

    # -- places (per municipality: page ids only)

    def bookmarks(self, municipality: str) -> tuple[str, ...]:
        return self._ids(f"places/{municipality}/bookmarks")

    def set_bookmarks(self, municipality: str, ids: tuple[str, ...]) -> None:
        self._qs.setValue(f"places/{municipality}/bookmarks", " ".join(ids))

    def recent(self, municipality: str) -> tuple[str, ...]:
        return self._ids(f"places/{municipality}/recent")

    def set_recent(self, municipality: str, ids: tuple[str, ...]) -> None:
        self._qs.setValue(f"places/{municipality}/recent", " ".join(ids))

    def last_location(self, municipality: str) -> Location | None:
        return Location.parse(self._str(f"places/{municipality}/last"))

    def set_last_location(self, municipality: str, location: Location) -> None:
        self._qs.setValue(f"places/{municipality}/last", str(location))
