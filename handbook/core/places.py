"""Where the reader is and what the user chose, without anything heavy: read before the handbook loads.

Locations (`home`, `page:<id>`, …), the ids they name, the window's languages and the text-size scale. The
settings and the window's first frame use these while the rest of the program is still loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # a page's, contact's, checklist's or municipality's id

# ---------------------------------------------------------------------------- locations

LOCATION_KINDS = ("home", "page", "contacts", "contact", "checklist", "duties")
_TARGETED = ("page", "contact", "checklist")


@dataclass(frozen=True)
class Location:
    """Where the reader is: `home`, `page:<id>`, `contacts`, `contact:<id>`, `checklist:<id>` or `duties`."""

    kind: str
    target: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind

    @classmethod
    def parse(cls, text: object) -> Location | None:
        """Read a location written by `str()` (or a link such as `page:id`); None when it is not one."""
        if not isinstance(text, str):
            return None
        kind, sep, target = text.strip().partition(":")
        if kind not in LOCATION_KINDS:
            return None
        if kind in _TARGETED:
            return cls(kind, target) if sep and target else None
        return cls(kind) if not target else None


HOME = Location("home")
CONTACTS = Location("contacts")
DUTIES = Location("duties")


# ---------------------------------------------------------------------------- language


UI_LANGUAGES = ("nb", "sv", "en")


def ui_language(choice: object, pack_language: str) -> str:
    """The language of the window: the user's choice (nb, sv, en), else the pack's (Swedish or Norwegian)."""
    if isinstance(choice, str) and choice in UI_LANGUAGES:
        return choice
    return "sv" if pack_language == "sv" else "nb"


# ---------------------------------------------------------------------------- text size

TEXT_SIZES = (9, 10, 11, 12, 13, 14, 16, 18, 20, 24)
DEFAULT_TEXT_SIZE = 11


def step_text_size(current: object, step: int) -> int:
    """The next text size (points) up or down the scale; step 0 gives the default."""
    if step == 0:
        return DEFAULT_TEXT_SIZE
    size = clamp_text_size(current)
    if step > 0:
        return next((s for s in TEXT_SIZES if s > size), TEXT_SIZES[-1])
    return next((s for s in reversed(TEXT_SIZES) if s < size), TEXT_SIZES[0])


def clamp_text_size(value: object) -> int:
    """A stored text size made safe: a number within the scale, else the default."""
    try:
        size: int = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_TEXT_SIZE
    return min(max(size, TEXT_SIZES[0]), TEXT_SIZES[-1])
