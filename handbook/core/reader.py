"""What the reader shows, without Qt: locations, history, bookmarks, contents, shortcuts, contacts.

Everything here is pure: plain (frozen) values in, plain values out. The Qt layer (`handbook/ui/`)
only draws what these functions return. Nothing here knows about a case or a person: the reader
remembers page ids, never what a user typed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbook.core.content import KINDS, Contact, Handbook, Page, read_yaml
from handbook.core.places import (
    CONTACTS,
    DEFAULT_TEXT_SIZE,
    DUTIES,
    HOME,
    TEXT_SIZES,
    UI_LANGUAGES,
    Location,
    clamp_text_size,
    step_text_size,
    ui_language,
)
from handbook.core.review_policy import REVIEW_DAYS as REVIEW_DAYS
from handbook.core.review_policy import is_overdue
from handbook.errors import Issue
from handbook.locations import resources_dir

__all__ = [  # the light part, read before the handbook loads, lives in core.places
    "CONTACTS", "DEFAULT_TEXT_SIZE", "DUTIES", "HOME", "TEXT_SIZES", "UI_LANGUAGES", "Location", "clamp_text_size",
    "step_text_size", "ui_language",
]

# ---------------------------------------------------------------------------- locations



def location_exists(location: Location, handbook: Handbook) -> bool:
    """True when the handbook has what the location points at."""
    if location.kind == "page":
        return location.target in handbook.pages
    if location.kind == "contact":
        return location.target in handbook.contacts
    if location.kind == "checklist":
        return location.target in handbook.checklist_paths
    return True


# ---------------------------------------------------------------------------- history


@dataclass(frozen=True)
class History:
    """Back/forward history, like a web browser's. Immutable: every move returns a new History."""

    back: tuple[Location, ...] = ()
    current: Location | None = None
    forward: tuple[Location, ...] = ()
    limit: int = 100

    def visit(self, location: Location) -> History:
        """Go somewhere new: the forward list is dropped; visiting the current place changes nothing."""
        if location == self.current:
            return self
        back = self.back if self.current is None else (*self.back, self.current)
        return History(back[-self.limit :], location, (), self.limit)

    @property
    def can_go_back(self) -> bool:
        return bool(self.back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self.forward)

    def go_back(self) -> History:
        if not self.back:
            return self
        forward = self.forward if self.current is None else (self.current, *self.forward)
        return History(self.back[:-1], self.back[-1], forward, self.limit)

    def go_forward(self) -> History:
        if not self.forward:
            return self
        back = self.back if self.current is None else (*self.back, self.current)
        return History(back, self.forward[0], self.forward[1:], self.limit)


# ---------------------------------------------------------------------------- bookmarks and recent pages

RECENT_LIMIT = 10


def remember_recent(recent: Sequence[str], page_id: str, limit: int = RECENT_LIMIT) -> tuple[str, ...]:
    """Put a page first in the recent list (once), keeping at most `limit` ids."""
    return (page_id, *(p for p in recent if p != page_id))[: max(0, limit)]


def toggle_bookmark(bookmarks: Sequence[str], page_id: str) -> tuple[str, ...]:
    """Add a bookmark at the end, or remove it when it is there."""
    if page_id in bookmarks:
        return tuple(p for p in bookmarks if p != page_id)
    return (*bookmarks, page_id)


def known_page_ids(ids: Iterable[object], handbook: Handbook) -> tuple[str, ...]:
    """The ids (strings, once each, in order) that are pages of this handbook; others are dropped quietly."""
    seen: list[str] = []
    for value in ids:
        if isinstance(value, str) and value in handbook.pages and value not in seen:
            seen.append(value)
    return tuple(seen)


# ---------------------------------------------------------------------------- pages


def review_overdue(reviewed: dt.date | None, today: dt.date | None = None) -> bool:
    """True when the last review is older than the review period (or unknown): `review_policy.is_overdue`."""
    return is_overdue(reviewed, today)


@dataclass(frozen=True)
class TocEntry:
    """A page in the table of contents; a topic page lists its related pages as children."""

    page_id: str
    title: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class TocSection:
    """All pages of one kind."""

    kind: str
    entries: tuple[TocEntry, ...]


def _by_title(pages: Iterable[Page]) -> list[Page]:
    return sorted(pages, key=lambda p: sort_key(p.title))


def sort_key(text: str) -> str:
    """Sort Norwegian and Swedish words sensibly: æ/ä, ø/ö, å after z."""
    table = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})
    return text.casefold().translate(table)


def table_of_contents(handbook: Handbook) -> tuple[TocSection, ...]:
    """The contents by kind (in the order of KINDS); each topic page holds its related pages."""
    sections = []
    for kind in (*KINDS, *sorted({p.kind for p in handbook.pages.values()} - set(KINDS))):
        pages = _by_title(handbook.pages_of_kind(kind))
        if not pages:
            continue
        entries = []
        for page in pages:
            children: tuple[TocEntry, ...] = ()
            if kind == "topic":
                children = tuple(
                    TocEntry(r.id, r.title) for r in (handbook.pages.get(i) for i in page.related) if r is not None
                )
            entries.append(TocEntry(page.id, page.title, children))
        sections.append(TocSection(kind, tuple(entries)))
    return tuple(sections)


def duty_pages(handbook: Handbook) -> tuple[Page, ...]:
    """The pages about duties (to report, to prevent, to document …), by title."""
    return tuple(_by_title(handbook.pages_of_kind("duty")))


# ---------------------------------------------------------------------------- home page shortcuts

SHORTCUT_KEYS = ("child", "adult", "acute", "duties", "contacts")
SHORTCUTS_FILE = "home.yaml"  # in resources/: the shortcut rules are data, not Python


@dataclass(frozen=True)
class ShortcutRule:
    """Where a home shortcut leads: the first checklist, then the first page, of these ids that exists."""

    key: str
    checklists: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    fallback: Location | None = None


def read_shortcut_rules(path: Path) -> tuple[tuple[ShortcutRule, ...], list[Issue]]:
    """The rules in `resources/home.yaml`; a rule that cannot be read is left out with an issue."""
    issues: list[Issue] = []
    data = read_yaml(path, issues) if path.is_file() else None
    if data is None:
        return (), issues or [Issue(path, 1, "error", "missing home shortcut rules")]
    rules: list[ShortcutRule] = []
    for item in data if isinstance(data, list) else [data]:
        if not isinstance(item, dict) or item.get("key") not in SHORTCUT_KEYS:
            keys = ", ".join(SHORTCUT_KEYS)
            issues.append(Issue(path, 1, "error", f"a shortcut needs a key, one of {keys}: {item!r}"))
            continue
        fallback = Location.parse(item.get("fallback")) if item.get("fallback") else None
        if item.get("fallback") and fallback is None:
            issues.append(Issue(path, 1, "error", f"shortcut '{item['key']}': unknown fallback {item['fallback']!r}"))
            continue
        rules.append(ShortcutRule(str(item["key"]), tuple(map(str, item.get("checklists") or ())),
                                  tuple(map(str, item.get("pages") or ())), fallback))
    return tuple(rules), issues


@cache
def shortcut_rules() -> tuple[ShortcutRule, ...]:
    """The shipped shortcut rules (read once)."""
    return read_shortcut_rules(resources_dir() / SHORTCUTS_FILE)[0]


@dataclass(frozen=True)
class Shortcut:
    key: str
    location: Location


def home_shortcuts(handbook: Handbook, rules: Sequence[ShortcutRule] | None = None) -> tuple[Shortcut, ...]:
    """The large shortcuts on the home page, each pointing at something this handbook has."""
    found = []
    for rule in shortcut_rules() if rules is None else rules:
        target = next((Location("checklist", c) for c in rule.checklists if c in handbook.checklist_paths), None)
        target = target or next((Location("page", p) for p in rule.pages if p in handbook.pages), None)
        target = target or rule.fallback
        if rule.key == "duties" and not handbook.pages_of_kind("duty"):
            target = None
        if target is not None:
            found.append(Shortcut(rule.key, target))
    return tuple(found)


@dataclass(frozen=True)
class ChecklistEntry:
    """A checklist as the home page lists it: its id, title and one-line description."""

    id: str
    title: str
    description: str


def checklist_entries(handbook: Handbook) -> tuple[ChecklistEntry, ...]:
    """Every checklist of the municipality, by title; one that cannot be read is listed by its id (the
    wizard then says what is wrong with it)."""
    entries = []
    for checklist_id, path in handbook.checklist_paths.items():
        data = read_yaml(path, [])
        data = data if isinstance(data, dict) else {}
        title = str(data.get("title") or checklist_id)
        entries.append(ChecklistEntry(checklist_id, title, " ".join(str(data.get("description") or "").split())))
    return tuple(sorted(entries, key=lambda e: sort_key(e.title)))


# ---------------------------------------------------------------------------- contacts


def emergency_contacts(handbook: Handbook) -> tuple[Contact, ...]:
    """Contacts for the always-visible emergency bar, in the order of the contact files."""
    return tuple(c for c in handbook.contacts.values() if c.emergency)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def contact_matches(contact: Contact, query: str) -> bool:
    """Every word of the query is in the contact's name, purpose, note, hours or number."""
    words = _fold(query).split()
    if not words:
        return True
    haystack = _fold(" ".join(filter(None, (contact.name, contact.helps_with, contact.note, contact.hours))))
    numbers = _digits(" ".join(filter(None, (contact.phone, contact.direct))))
    for word in words:
        digits = _digits(word)
        if digits and digits == word.replace("-", "") and digits in numbers:
            continue
        if word not in haystack:
            return False
    return True


def filter_contacts(contacts: Iterable[Contact], query: str) -> tuple[Contact, ...]:
    """The contacts matching a query (all when it is empty), in their order."""
    return tuple(c for c in contacts if contact_matches(c, query))


_NUMBER_WORDS = re.compile(r"\b(?:nødnummer|nödnummer)\b", re.IGNORECASE)


def _tidy(name: str) -> str:
    name = re.sub(r"\(\s*\)", " ", name)
    return re.sub(r"\s+", " ", name).strip(" –-—,:")


def short_name(contact: Contact) -> str:
    """A short label for the emergency bar: the name without its number ('Politiet – nødnummer 112' → 'Politiet')."""
    without_number = _tidy(contact.name.replace(contact.phone, " ")) if contact.phone else contact.name
    return _tidy(_NUMBER_WORDS.sub(" ", without_number)) or without_number or contact.name


