"""Every content rule, as a function from a loaded handbook to a list of issues."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handbook.core.checklist import lint_checklists, load_checklists
from handbook.core.content import (
    AUDIENCES,
    ID_PATTERN,
    KINDS,
    Handbook,
    Page,
    list_packs,
    load_handbook,
    packs_dir,
    read_pack_info,
)
from handbook.core.facts import INTERNAL_WORDS_MESSAGE, Facts, internal_words_in, load_facts
from handbook.core.links import classify_link, links_in_source
from handbook.core.practice import lint_practice
from handbook.core.rollout import MissingNumber, fallback_issues, missing_numbers
from handbook.errors import Issue

REQUIRED_FIELDS = ("id", "title", "kind", "audience", "owner", "reviewed", "sources")
REVIEW_DAYS = 365


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
    """Front matter, links and facts of one page."""
    found: list[Issue] = []
    path, meta = page.path, page.meta
    for key in REQUIRED_FIELDS:
        if meta.get(key) in (None, "", []):
            found.append(_err(path, page.line_of(key) if key in meta else 1, f"missing field '{key}'"))
    if "id" in meta and page.id != path.stem:
        found.append(_err(path, page.line_of("id"), f"id '{page.id}' must equal the file name '{path.stem}'"))
    if not ID_PATTERN.match(page.id):
        found.append(_err(path, page.line_of("id"), f"id '{page.id}' may hold only a-z, 0-9 and '-'"))
    if meta.get("kind") and page.kind not in KINDS:
        found.append(_err(path, page.line_of("kind"), f"unknown kind '{page.kind}' (one of: {', '.join(KINDS)})"))
    if "audience" in meta:
        if not isinstance(meta["audience"], list):
            found.append(_err(path, page.line_of("audience"), "audience must be a list, e.g. [children, adults]"))
        for value in page.audience:
            if value not in AUDIENCES:
                found.append(
                    _err(path, page.line_of("audience"),
                         f"unknown audience '{value}' (one of: {', '.join(AUDIENCES)})")
                )
    if "sources" in meta and not isinstance(meta["sources"], list):
        found.append(_err(path, page.line_of("sources"), "sources must be a list"))
    for key, text in (("title", page.title), ("sources", "\n".join(page.sources))):
        found += [_err(path, page.line_of(key) if key in meta else 1, INTERNAL_WORDS_MESSAGE.format(word=word))
                  for word in internal_words_in(text)]
    if "synonyms" in meta and not isinstance(meta["synonyms"], list):
        found.append(_err(path, page.line_of("synonyms"), "synonyms must be a list"))
    if "questions" in meta and not (
        isinstance(meta["questions"], list) and all(isinstance(q, str) and q.strip() for q in meta["questions"])
    ):
        found.append(_err(path, page.line_of("questions"), "questions must be a list of phrasings (text)"))
    if "reviewed" in meta and meta["reviewed"] and page.reviewed is None:
        found.append(_err(path, page.line_of("reviewed"), "reviewed must be an ISO date, e.g. 2026-11-23"))
    if page.reviewed is not None:
        if page.reviewed > today:
            found.append(_err(path, page.line_of("reviewed"), f"reviewed date {page.reviewed} is in the future"))
        elif (today - page.reviewed).days > REVIEW_DAYS:
            found.append(
                Issue(path, page.line_of("reviewed"), "warning",
                      f"last reviewed {page.reviewed}: more than 12 months ago, due for the yearly review")
            )
    owner = page.owner
    if owner and ("@" in owner or any(ch.isdigit() for ch in owner)):
        found.append(_err(path, page.line_of("owner"), "owner must be a role, not a person or an address"))
    for related in page.related:
        if related not in handbook.pages:
            found.append(_err(path, page.line_of("related"), f"related page '{related}' does not exist"))
    if not page.body.strip():
        found.append(_err(path, page.body_line, "the page has no text"))
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
    """Every contact has a name, what it helps with, `verified`, and no unverified number claimed as verified."""
    found: list[Issue] = []
    for contact in handbook.contacts.values():
        raw, path, line = contact.raw, contact.path, contact.line
        if "verified" not in raw or not isinstance(raw["verified"], bool):
            found.append(_err(path, line, f"contact '{contact.id}' lacks 'verified: true|false'"))
        for key in ("name", "helps_with"):
            if not raw.get(key):
                found.append(_err(path, line, f"contact '{contact.id}' lacks '{key}'"))
        for key in ("phone", "direct"):
            number = raw.get(key)
            if number and raw.get("verified") is True and not facts.knows_phone(str(number)):
                found.append(
                    _err(path, line,
                         f"contact '{contact.id}': {key} '{number}' is not in the facts register; "
                         "mark the contact 'verified: false' or correct the number")
                )
        for key in ("name", "helps_with", "hours", "note", "source"):
            found += [_err(path, line, f"contact '{contact.id}', {key}: " + INTERNAL_WORDS_MESSAGE.format(word=word))
                      for word in internal_words_in(str(raw.get(key) or ""))]
        if raw.get("web") and classify_link(str(raw["web"])).scheme not in ("https", "http"):
            found.append(_err(path, line, f"contact '{contact.id}': web must be an https:// or http:// address "
                                          f"({classify_link(str(raw['web'])).reason or 'not a web address'})"))
        if raw.get("email") and not classify_link(f"mailto:{raw['email']}").allowed:
            found.append(_err(path, line, f"contact '{contact.id}': email '{raw['email']}' is not an e-mail address"))
        if raw.get("hours") and not raw.get("checked"):
            found.append(
                Issue(path, line, "warning", f"contact '{contact.id}' has hours without 'checked' (when seen)")
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
        handbook = load_handbook(content, pack_id)
        issues.update(lint_handbook(handbook, facts, today))
        if municipality or handbook.base is not None:  # base packs are not rolled out on their own
            missing.append((handbook.pack.name, missing_numbers(handbook, load_checklists(handbook)[0])))
        for page in handbook.pages.values():
            if page.reviewed is None or (today - page.reviewed).days > REVIEW_DAYS:
                overdue[page.path] = Overdue(page.path, page.id, page.owner, page.reviewed)
    ordered = sorted(issues, key=lambda i: (str(i.path), i.line, i.level, i.message))
    late = sorted(overdue.values(), key=lambda o: (o.reviewed or dt.date.min, str(o.path)))
    return LintReport(tuple(ordered), tuple(late), tuple(missing))
