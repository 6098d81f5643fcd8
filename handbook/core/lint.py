"""Every content rule, as a function from a loaded handbook to a list of issues.

The rules of one file alone are its kind's schema (`schema.page`, `schema.contact`, `checklist.reading`,
`practice.reading`); lint calls them and adds what crosses files: links, related pages, facts, overlays and
national fallbacks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handbook.core.checklist.reading import load_checklists
from handbook.core.checklist.rules import lint_checklists
from handbook.core.content import (
    Handbook,
    Page,
    list_packs,
    load_handbook,
    packs_dir,
    read_pack_info,
)
from handbook.core.facts import Facts, load_facts
from handbook.core.links import classify_link, links_in_source
from handbook.core.practice.rules import lint_practice
from handbook.core.review_policy import is_overdue
from handbook.core.rollout import MissingNumber, fallback_issues, missing_numbers
from handbook.core.schema.contact import contact_issues
from handbook.core.schema.page import page_issues
from handbook.errors import Issue


@dataclass(frozen=True)
class Overdue:
    """A page whose yearly review is late."""

    path: Path
    page_id: str
    owner: str
    reviewed: dt.date | None


@dataclass(frozen=True)
class LintReport:
    """All issues found, the pages due for their yearly review, and (per municipality) the emergency and
    checklist contacts still without a verified number – what must be filled in before roll-out."""

    issues: tuple[Issue, ...]
    overdue: tuple[Overdue, ...]
    missing: tuple[tuple[str, tuple[MissingNumber, ...]], ...] = ()  # (municipality name, contacts)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def _err(path: Path, line: int, message: str) -> Issue:
    return Issue(path, line, "error", message)


def lint_page(page: Page, handbook: Handbook, facts: Facts, today: dt.date) -> list[Issue]:
    """One page: its schema (fields, review date, text), then what crosses files: related pages, links, facts."""
    found = page_issues(page, today)
    for related in page.related:
        if related not in handbook.pages:
            found.append(_err(page.path, page.line_of("related"), f"related page '{related}' does not exist"))
    found += _lint_body(page, handbook, facts)
    return found


def _lint_body(page: Page, handbook: Handbook, facts: Facts) -> list[Issue]:
    found: list[Issue] = []
    path = page.path
    # Links outside the allow-list and images are reported when the page is read (handbook.issues).
    for written in links_in_source(page.body, page.body_line):
        if written.image:
            continue
        line, link = written.line, classify_link(written.raw)
        if link.kind == "page" and link.target not in handbook.pages:
            found.append(_err(path, line, f"broken link: no page '{link.target}'"))
        elif link.kind == "page" and link.fragment:
            found.append(
                _err(path, line, f"a link to a place inside another page is not supported: link to '{link.target}'")
            )
        elif link.kind == "contact" and link.target not in handbook.contacts:
            found.append(_err(path, line, f"broken link: no contact '{link.target}'"))
        elif link.kind == "checklist" and link.target not in handbook.checklist_paths:
            found.append(_err(path, line, f"broken link: no checklist '{link.target}'"))
    for offset, text in enumerate(page.body.splitlines()):
        line = page.body_line + offset
        found += [_err(path, line, message) for message in facts.problems_in(text)]
    return found


def lint_contacts(handbook: Handbook, facts: Facts) -> list[Issue]:
    """Every contact's schema, and no number claimed as verified that the facts register does not hold."""
    found: list[Issue] = []
    for contact in handbook.contacts.values():
        found += contact_issues(contact)
        raw = contact.raw
        for key in ("phone", "direct"):
            number = raw.get(key)
            if number and raw.get("verified") is True and not facts.knows_phone(str(number)):
                found.append(
                    _err(contact.path, contact.line,
                         f"contact '{contact.id}': {key} '{number}' is not in the facts register; "
                         "mark the contact 'verified: false' or correct the number")
                )
    return found


def lint_handbook(handbook: Handbook, facts: Facts, today: dt.date | None = None) -> list[Issue]:
    """All rules for one municipality's handbook."""
    today = today or dt.date.today()
    found = list(handbook.issues)
    for page in handbook.pages.values():
        found += lint_page(page, handbook, facts, today)
    found += lint_contacts(handbook, facts)
    found += fallback_issues(handbook)
    found += lint_checklists(handbook, facts, today)
    found += lint_practice(handbook, facts, today)
    return found


def lint(content: Path, municipality: str | None = None, today: dt.date | None = None) -> LintReport:
    """Lint one municipality, or every pack when `municipality` is None."""
    today = today or dt.date.today()
    facts = load_facts(content)
    ids = [municipality] if municipality else [p.id for p in list_packs(content)]
    issues: set[Issue] = set(facts.issues)
    if municipality is None:
        pack_issues: list[Issue] = []
        for folder in sorted(packs_dir(content).iterdir()):
            if folder.is_dir():
                read_pack_info(folder, pack_issues)
        issues.update(pack_issues)
    overdue: dict[Path, Overdue] = {}
    missing: list[tuple[str, tuple[MissingNumber, ...]]] = []
    for pack_id in ids:
        handbook = load_handbook(content, pack_id, facts)  # the register is read once for every pack
        issues.update(lint_handbook(handbook, facts, today))
        if municipality or handbook.base is not None:  # base packs are not rolled out on their own
            missing.append((handbook.pack.name, missing_numbers(handbook, load_checklists(handbook)[0])))
        for page in handbook.pages.values():
            if is_overdue(page.reviewed, today):
                overdue[page.path] = Overdue(page.path, page.id, page.owner, page.reviewed)
    ordered = sorted(issues, key=lambda i: (str(i.path), i.line, i.level, i.message))
    late = sorted(overdue.values(), key=lambda o: (o.reviewed or dt.date.min, str(o.path)))
    return LintReport(tuple(ordered), tuple(late), tuple(missing))
