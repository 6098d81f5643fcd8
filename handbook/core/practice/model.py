"""A practice case's model: stages, options and links, as frozen dataclasses, and the format's words.

A practice case is content (`content/packs/<pack>/practice/<id>.yaml`): a fictional case told in stages.
At each stage the learner (or a group in a meeting) chooses among a few options; every option has feedback
that explains why, links into the handbook (pages, contacts, checklists) and a next stage; an end stage
tells how the case ended. In a case of kind `conversation` the options are things one could say, and each
carries the person's `reply`: the effect of saying it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from handbook.errors import HandbookError

FOLDER = "practice"
CASE_KINDS = ("decision", "conversation")
RATINGS = ("good", "mixed", "poor")
LINK_KINDS = ("page", "contact", "checklist")
MAX_OPTIONS = 9  # number keys 1–9 choose an option in the app
REQUIRED_FIELDS = ("id", "title", "kind", "version", "reviewed", "owner", "audience", "service", "sources",
                   "start", "stages")
TOP_FIELDS = (*REQUIRED_FIELDS, "description", "facilitator")
STAGE_FIELDS = ("text", "says", "question", "discuss", "notes", "options", "links", "end")
OPTION_FIELDS = ("label", "rating", "reply", "feedback", "links", "next")


class PracticeError(HandbookError):
    """A walk went wrong: a choice that does not exist, or a case that cannot be walked."""


# ---------------------------------------------------------------------------- the format


@dataclass(frozen=True)
class Link:
    """A link into the handbook: `page:<id>`, `contact:<id>` or `checklist:<id>`."""

    kind: str
    target: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}"


@dataclass(frozen=True)
class Option:
    """Something one could do (or, in a conversation, say), its feedback and the stage it leads to."""

    label: str
    rating: str
    feedback: str
    next: str
    reply: str | None = None
    links: tuple[Link, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Stage:
    """What you see or hear, the question to the learner, and the options; or, at an end, how it ended."""

    id: str
    text: str
    says: str | None = None
    question: str | None = None
    discuss: tuple[str, ...] = ()
    notes: str | None = None
    options: tuple[Option, ...] = ()
    links: tuple[Link, ...] = ()
    end: bool = False
    line: int = 1

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(o.next for o in self.options)


@dataclass(frozen=True)
class PracticeCase:
    """A loaded practice case. `stages` keeps the file's order."""

    id: str
    title: str
    kind: str
    version: str
    reviewed: dt.date | None
    owner: str
    audience: tuple[str, ...]
    service: str
    sources: tuple[str, ...]
    start: str
    stages: tuple[Stage, ...]
    path: Path = Path()
    pack: str = ""
    language: str = "nb"
    description: str | None = None
    facilitator: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def by_id(self) -> Mapping[str, Stage]:
        return {s.id: s for s in self.stages}

    def stage(self, stage_id: str) -> Stage:
        try:
            return self.by_id[stage_id]
        except KeyError:
            raise PracticeError(f"practice case '{self.id}' has no stage '{stage_id}'") from None

    def line_of(self, key: str) -> int:
        return dict(self.field_lines).get(key, 1)

    def number_of(self, stage_id: str) -> int:
        """The stage's 1-based number in the file (for the case sheet)."""
        return next((n for n, s in enumerate(self.stages, 1) if s.id == stage_id), 0)


