"""The words and rules every kind of content shares, written once.

Pages, checklists and practice cases name an owner, an audience, an id and a review date; the words allowed
and the rules for them live here, in `FieldReader`, which each kind's schema builds on. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from handbook.core.places import ID_PATTERN as ID_PATTERN
from handbook.core.yamlfile import Key, LineMap
from handbook.errors import Issue

KINDS = ("definition", "duty", "routine", "role", "topic", "contact", "about")
AUDIENCES = ("children", "youth", "adults", "elderly", "all")
LANGUAGES = ("nb", "nn", "sv")

REVIEWED_FORMAT = "reviewed must be an ISO date, e.g. 2026-11-23"


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


# ---------------------------------------------------------------------------- the rules every kind shares


def is_role(owner: str) -> bool:
    """An owner is a role («Barnevernleder»), never a person's address or number."""
    return not ("@" in owner or any(ch.isdigit() for ch in owner))


class FieldReader:
    """The problems of one YAML file, each with its line, and the field rules every kind of content shares:
    required fields, unknown fields, the id (equal to the file name, a-z 0-9 -), audience, sources, owner (a
    role) and the review date. Each kind's schema builds on it."""

    def __init__(self, path: Path, lines: LineMap) -> None:
        self.path = path
        self.lines = lines
        self.issues: list[Issue] = []

    def error(self, message: str, *where: Key) -> None:
        self.issues.append(Issue(self.path, self.lines.at(*where), "error", message))

    def unknown_fields(self, data: dict[Any, Any], allowed: Sequence[str], what: str, *where: Key) -> None:
        for key in data:
            if str(key) not in allowed:
                self.error(f"unknown field '{key}' in {what} (allowed: {', '.join(allowed)})", *where, str(key))

    def required(self, data: dict[Any, Any], fields: Sequence[str]) -> None:
        for key in fields:
            if data.get(key) in (None, "", [], {}):
                self.error(f"missing field '{key}'", key)

    def identity(self, ident: str, given: bool, name: str = "file name") -> None:
        """The id equals the file's name (when written) and holds only a-z, 0-9 and '-'."""
        if given and ident != self.path.stem:
            self.error(f"id '{ident}' must equal the {name} '{self.path.stem}'", "id")
        if not ID_PATTERN.match(ident):
            self.error(f"id '{ident}' may hold only a-z, 0-9 and '-'", "id")

    def listed(self, data: dict[Any, Any], key: str, message: str) -> tuple[str, ...]:
        """A field that must be a list of words (an error and () when it is not)."""
        value = string_list(data.get(key))
        if value is None or (key in data and not isinstance(data[key], list)):
            self.error(message, key)
            return ()
        return value

    def audience(self, data: dict[Any, Any]) -> tuple[str, ...]:
        audience = self.listed(data, "audience", "audience must be a list, e.g. [children, adults]")
        for value in audience:
            if value not in AUDIENCES:
                self.error(f"unknown audience '{value}' (one of: {', '.join(AUDIENCES)})", "audience")
        return audience

    def sources(self, data: dict[Any, Any]) -> tuple[str, ...]:
        return self.listed(data, "sources", "sources must be a list")

    def owner(self, data: dict[Any, Any]) -> str:
        owner = text_value(data.get("owner")) or ""
        if owner and not is_role(owner):
            self.error("owner must be a role, not a person or an address", "owner")
        return owner

    def reviewed(self, data: dict[Any, Any]) -> dt.date | None:
        reviewed = as_date(data.get("reviewed"))
        if data.get("reviewed") and reviewed is None:
            self.error(REVIEWED_FORMAT, "reviewed")
        return reviewed

    def duplicates(self, container: str, what: str) -> None:
        """Keys written twice in one mapping: `what` («step id») for the items of `container`."""
        for (where, line) in self.lines.duplicates:
            kind = what if len(where) == 2 and where[0] == container else "key"
            self.issues.append(Issue(self.path, line, "error", f"duplicate {kind} '{where[-1]}'"))
