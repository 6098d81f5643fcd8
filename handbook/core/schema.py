"""What content may hold: the values and rules every kind of content shares, written once.

Pages, packs, contacts, checklists and practice cases name an owner, an audience, an id and a review date.
The words allowed and the rules for them live here; the readers of each kind (`content`, `checklist.reading`,
`practice.reading`) and `lint` ask here. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

KINDS = ("definition", "duty", "routine", "role", "topic", "contact", "about")
AUDIENCES = ("children", "youth", "adults", "elderly", "all")
LANGUAGES = ("nb", "nn", "sv")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# ---------------------------------------------------------------------------- values


def as_date(value: Any) -> dt.date | None:
    """A date from YAML (a date, or an ISO string); None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def string_list(value: Any) -> tuple[str, ...] | None:
    """A list of strings as a tuple (None when it is not a list of scalars)."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    return None


def text_value(value: Any) -> str | None:
    """A scalar as stripped text (None when missing or blank)."""
    if isinstance(value, (str, int, float)) and str(value).strip():
        return str(value).strip()
    return None
