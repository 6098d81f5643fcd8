"""What a walk amounts to: the path taken, the actions met in order with their legal basis and contacts.

The `Summary` holds no personal data, only the checklist's own text. How it reads on screen and paper is
in `checklist.printed`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from handbook.core.checklist.model import Checklist, Step
from handbook.core.checklist.walking import WalkState
from handbook.core.content import Handbook
from handbook.core.links import inline_plain
from handbook.core.reader import short_name


@dataclass(frozen=True)
class ContactLine:
    """A contact as the summary shows it."""

    id: str
    name: str
    phone: str | None
    hours: str | None
    verified: bool
    known: bool = True
    note: str | None = None
    fallback: ContactLine | None = None  # a verified national number while this one has none


@dataclass(frozen=True)
class LegalBasis:
    """A duty page, its main law and section (`citation`) and every law-citing source in full (`laws`)."""

    page_id: str
    title: str
    citation: str
    laws: tuple[str, ...]
    known: bool = True


@dataclass(frozen=True)
class PageLink:
    """A page to read, by id and title."""

    id: str
    title: str
    known: bool = True


@dataclass(frozen=True)
class SummaryAction:
    """An action in the order met, with its legal basis, contacts and pages."""

    step_id: str
    text: str
    basis: tuple[LegalBasis, ...]
    contacts: tuple[ContactLine, ...]
    pages: tuple[PageLink, ...]


@dataclass(frozen=True)
class PathEntry:
    """A question and the answer given."""

    step_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class Summary:
    """What a walk amounts to. Holds no personal data: only the checklist's own text."""

    checklist_id: str
    title: str
    version: str
    reviewed: dt.date | None
    date: dt.date
    municipality: str
    language: str
    path: tuple[PathEntry, ...]
    outcome: str | None
    actions: tuple[SummaryAction, ...]

    @property
    def complete(self) -> bool:
        return self.outcome is not None

    @property
    def bases(self) -> tuple[LegalBasis, ...]:
        """Every duty page cited, once each, in the order first met."""
        seen: dict[str, LegalBasis] = {}
        for action in self.actions:
            for item in action.basis:
                seen.setdefault(item.page_id, item)
        return tuple(seen.values())


_LAW_WORD = re.compile(r"§|\bkap\.|\bHSLF-FS\b|\b\w*(?:lov|lova|loven|lag|lagen|balken)\b", re.IGNORECASE)


# A law's name first: «Barnevernsloven § 13-2», «Helse- og omsorgstjenesteloven § 3-3 a», «Socialtjänstlag (…)».
_NAMES_A_LAW = re.compile(r"^(?:\w+- og )?[\w-]*(?:lov|lova|loven|lag|lagen|balken)\b", re.IGNORECASE)


def legal_citations(sources: Iterable[str]) -> tuple[str, ...]:
    """The sources that cite a law or a section (all sources when none does)."""
    items = tuple(sources)
    laws = tuple(s for s in items if _LAW_WORD.search(s.replace("lagen.nu", "")))
    return laws or items


def short_citation(source: str) -> str:
    """A source without its trailing «(where it was found)»: `Barnevernsloven § 13-2 (regjeringen.no …)` →
    `Barnevernsloven § 13-2`."""
    text = source.strip()
    if text.endswith(")"):
        depth = 0
        for index in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[index], 0)
            if depth == 0:
                if text[:index].strip():
                    text = text[:index]
                break
    return text.strip().rstrip(",;:–- ").strip()


_OLD_LAW = re.compile(r"äldre lag(?:en)?|eldre lov(?:en)?|opphevet|upphävd", re.IGNORECASE)


def main_citation(sources: Iterable[str]) -> str:
    """The law and section a duty page rests on: its first source that starts with a law's name,
    preferring a law in force over one marked as the older law."""
    laws = legal_citations(sources)
    named = [s for s in laws if _NAMES_A_LAW.match(s.strip())] or list(laws)
    current = [s for s in named if not _OLD_LAW.search(s)]
    if not named:
        return ""
    chosen = (current or named)[0]
    text = short_citation(chosen)
    marker = _OLD_LAW.search(chosen)
    if marker and not _OLD_LAW.search(text):
        text += f" ({marker.group(0)})"
    return text


def _contact_line(handbook: Handbook, contact_id: str) -> ContactLine:
    contact = handbook.contacts.get(contact_id)
    if contact is None:
        return ContactLine(contact_id, contact_id, None, None, False, known=False)
    national = handbook.fallback_for(contact)
    fallback = None if national is None else ContactLine(
        national.id, short_name(national), national.phone, national.hours, national.verified)
    return ContactLine(contact.id, contact.name, contact.phone, contact.hours, contact.verified,
                       note=None if contact.phone else contact.note, fallback=fallback)


def _basis(handbook: Handbook, page_id: str) -> LegalBasis:
    page = handbook.pages.get(page_id)
    if page is None:
        return LegalBasis(page_id, page_id, "", (), known=False)
    return LegalBasis(page.id, page.title, main_citation(page.sources), legal_citations(page.sources))


def _page(handbook: Handbook, page_id: str) -> PageLink:
    page = handbook.pages.get(page_id)
    return PageLink(page_id, page.title, True) if page else PageLink(page_id, page_id, False)


def step_actions(step: Step, handbook: Handbook) -> tuple[SummaryAction, ...]:
    """A step's actions with their legal basis, contacts and pages looked up in the handbook."""
    return tuple(
        SummaryAction(
            step_id=step.id,
            text=action.text,
            basis=tuple(_basis(handbook, p) for p in action.basis),
            contacts=tuple(_contact_line(handbook, c) for c in action.contacts),
            pages=tuple(_page(handbook, p) for p in action.pages),
        )
        for action in step.actions
    )


def summary(checklist: Checklist, state: WalkState, handbook: Handbook, today: dt.date) -> Summary:
    """The path taken, the actions met in order with their legal basis and contacts, and the date."""
    path: list[PathEntry] = []
    actions: list[SummaryAction] = []
    visited = [c.step_id for c in state.taken] + [state.current]
    for choice in state.taken:
        step = checklist.step(choice.step_id)
        if step.type == "question" and choice.index is not None:
            path.append(PathEntry(step.id, inline_plain(step.text), inline_plain(step.answers[choice.index].label)))
    for step_id in visited:
        actions.extend(step_actions(checklist.step(step_id), handbook))
    end = checklist.step(state.current)
    return Summary(
        checklist_id=checklist.id,
        title=checklist.title,
        version=checklist.version,
        reviewed=checklist.reviewed,
        date=today,
        municipality=handbook.pack.name,
        language=handbook.language,
        path=tuple(path),
        outcome=end.text if end.type == "end" else None,
        actions=tuple(actions),
    )

