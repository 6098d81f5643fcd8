"""A checklist's model: steps (questions, advice, ends), answers and actions, as frozen dataclasses.

A checklist is content (`content/packs/<pack>/checklists/<id>.yaml`) with three kinds of steps:
questions (answers lead to next steps), advice (text and actions, then one next step) and ends (an
outcome with at least one action). The format's words (fields, step types, tags) are named here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from handbook.errors import HandbookError

STEP_TYPES = ("question", "advice", "end")
MAX_REPORTED = 20  # of one kind of graph problem, so a broken chain of thousands of steps stays readable
MAX_ANSWERS = 9  # number keys 1–9 choose an answer in the wizard
REQUIRED_FIELDS = ("id", "title", "version", "reviewed", "owner", "audience", "sources", "start", "steps")
TOP_FIELDS = (*REQUIRED_FIELDS, "description")
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "question": ("type", "text", "help", "answers"),
    "advice": ("type", "text", "help", "actions", "next"),
    "end": ("type", "text", "help", "actions", "tags"),
}
ANSWER_FIELDS = ("label", "next", "tags")
# Machine-readable marks that tests and lint check (docs/content-format.md, «Merker»):
# an answer that is a disclosure or violence at home is a concrete ground, and no walk through it may
# end in an end that says there is no duty to report.
ANSWER_TAGS = ("concrete-ground",)
END_TAGS = ("no-duty",)
ACTION_FIELDS = ("text", "basis", "contacts", "pages")


class ChecklistError(HandbookError):
    """A walk went wrong: an answer that does not exist, or a checklist that cannot be walked."""


# ---------------------------------------------------------------------------- the format


@dataclass(frozen=True)
class Answer:
    """One answer to a question and the step it leads to."""

    label: str
    next: str
    line: int = 1
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    """Something to do, with its legal basis (duty page ids), contacts and further reading."""

    text: str
    basis: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Step:
    """A question, an advice or an end."""

    id: str
    type: str
    text: str
    help: str | None = None
    answers: tuple[Answer, ...] = ()
    actions: tuple[Action, ...] = ()
    next: str | None = None
    line: int = 1
    next_line: int = 1
    tags: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the steps this step leads to."""
        if self.type == "question":
            return tuple(a.next for a in self.answers)
        if self.type == "advice" and self.next:
            return (self.next,)
        return ()


@dataclass(frozen=True)
class Checklist:
    """A loaded checklist. `steps` keeps the file's order."""

    id: str
    title: str
    version: str
    reviewed: dt.date | None
    owner: str
    audience: tuple[str, ...]
    sources: tuple[str, ...]
    start: str
    steps: tuple[Step, ...]
    path: Path = Path()
    pack: str = ""
    description: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def by_id(self) -> Mapping[str, Step]:
        """The steps by id."""
        return {s.id: s for s in self.steps}

    def step(self, step_id: str) -> Step:
        """The step with this id (ChecklistError when there is none)."""
        try:
            return self.by_id[step_id]
        except KeyError:
            raise ChecklistError(f"checklist '{self.id}' has no step '{step_id}'") from None

    def line_of(self, key: str) -> int:
        """The line of a top-level field (1 when missing)."""
        return dict(self.field_lines).get(key, 1)

