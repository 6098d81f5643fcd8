"""The yearly review report: what each owner must look at, overdue items first.

Pages and checklists are grouped by their owner (a role) with their review date; contacts have no owner and
are grouped by the pack they come from, with the month their details were last checked. Anything older than
12 months – or never reviewed – is overdue. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from handbook.core.checklist.reading import load_checklists
from handbook.core.content import Contact, Handbook
from handbook.core.review_policy import REVIEW_DAYS, days_overdue, due_date, is_overdue
from handbook.core.rollout import MissingNumber, missing_numbers, missing_text
from handbook.core.words import words_for
from handbook.errors import Issue

CONTACTS_GROUP = "Kontakter"
CSV_COLUMNS = ("owner", "type", "id", "title", "reviewed", "due", "status", "days_overdue", "pack", "path", "line",
               "note")


@dataclass(frozen=True)
class ReviewItem:
    """A page, checklist or contact and when it was last reviewed (or checked)."""

    type: str  # page | checklist | contact
    id: str
    title: str
    owner: str
    pack: str
    reviewed: dt.date | None
    due: dt.date | None
    overdue: bool
    days_overdue: int
    path: Path
    line: int
    note: str = ""

    @property
    def status(self) -> str:
        if self.reviewed is None:
            return "never"
        return "overdue" if self.overdue else "ok"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            reviewed=self.reviewed.isoformat() if self.reviewed else None,
            due=self.due.isoformat() if self.due else None,
            path=str(self.path),
            status=self.status,
        )
        return data


@dataclass(frozen=True)
class ReviewGroup:
    """Everything one owner (or one pack's contact list) must review."""

    owner: str
    items: tuple[ReviewItem, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)


@dataclass(frozen=True)
class ReviewReport:
    """The report for one municipality on one day."""

    municipality: str
    name: str
    today: dt.date
    groups: tuple[ReviewGroup, ...]
    issues: tuple[Issue, ...]
    missing: tuple[MissingNumber, ...] = ()  # emergency and checklist contacts without a verified number

    @property
    def items(self) -> list[ReviewItem]:
        return [item for group in self.groups for item in group.items]

    @property
    def overdue(self) -> int:
        return sum(g.overdue for g in self.groups)

    def as_dict(self) -> dict[str, Any]:
        return {
            "missing": [m.as_dict() for m in self.missing],
            "municipality": self.municipality,
            "name": self.name,
            "today": self.today.isoformat(),
            "review_days": REVIEW_DAYS,
            "total": len(self.items),
            "overdue": self.overdue,
            "groups": [
                {"owner": g.owner, "overdue": g.overdue, "items": [i.as_dict() for i in g.items]}
                for g in self.groups
            ],
        }


def _item(kind: str, item_id: str, title: str, owner: str, pack: str, reviewed: dt.date | None,
          today: dt.date, path: Path, line: int, note: str = "") -> ReviewItem:
    return ReviewItem(kind, item_id, title, owner or "(ingen eier)", pack, reviewed, due_date(reviewed),
                      is_overdue(reviewed, today), days_overdue(reviewed, today), path, line, note)


def checked_date(value: str | None) -> dt.date | None:
    """A contact's `checked` (YYYY-MM or YYYY-MM-DD) as a date; a month counts from its first day."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text) if len(text) > 7 else dt.date.fromisoformat(text + "-01")
    except ValueError:
        return None


def _contact_item(contact: Contact, owner: str, today: dt.date) -> ReviewItem:
    notes = []
    if not contact.verified:
        notes.append("ikke bekreftet")
    if contact.checked and checked_date(contact.checked) is None:
        notes.append(f"ugyldig checked: {contact.checked}")
    return _item("contact", contact.id, contact.name, owner, contact.pack, checked_date(contact.checked), today,
                 contact.path, contact.line, ", ".join(notes))


def _relative(path: Path, base: Path) -> Path:
    """`content/packs/…` rather than an absolute path, when the file is under `base`."""
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def _sorted(items: list[ReviewItem]) -> tuple[ReviewItem, ...]:
    """Overdue first (never reviewed, then the oldest), then the rest by date and title."""
    return tuple(sorted(items, key=lambda i: (not i.overdue, i.reviewed or dt.date.min, i.title.lower())))


def review_report(handbook: Handbook, today: dt.date | None = None) -> ReviewReport:
    """Group the municipality's pages, checklists and contacts for the yearly review."""
    today = today or dt.date.today()
    checklists, problems = load_checklists(handbook)
    by_owner: dict[str, list[ReviewItem]] = {}
    for page in handbook.pages.values():
        item = _item("page", page.id, page.title, page.owner, page.pack, page.reviewed, today, page.path,
                     page.line_of("reviewed"))
        by_owner.setdefault(item.owner, []).append(item)
    for checklist in checklists.values():
        item = _item("checklist", checklist.id, checklist.title, checklist.owner, checklist.pack, checklist.reviewed,
                     today, checklist.path, checklist.line_of("reviewed"))
        by_owner.setdefault(item.owner, []).append(item)
    base = handbook.pack.path.parent.parent.parent
    by_owner = {o: [replace(i, path=_relative(i.path, base)) for i in items] for o, items in by_owner.items()}
    owners = [ReviewGroup(owner, _sorted(items)) for owner, items in by_owner.items()]
    owners.sort(key=lambda g: (-g.overdue, g.owner.lower()))
    names = {p.id: p.name for p in handbook.packs}
    by_pack: dict[str, list[ReviewItem]] = {}
    for contact in handbook.contacts.values():
        owner = f"{CONTACTS_GROUP} – {names.get(contact.pack, contact.pack)}"
        item = _contact_item(contact, owner, today)
        by_pack.setdefault(owner, []).append(replace(item, path=_relative(item.path, base)))
    contacts = [ReviewGroup(owner, _sorted(items)) for owner, items in by_pack.items()]
    missing = tuple(replace(m, path=_relative(m.path, base)) for m in missing_numbers(handbook, checklists))
    return ReviewReport(handbook.pack.id, handbook.pack.name, today, (*owners, *contacts),
                        (*handbook.issues, *problems), missing)


def report_text(report: ReviewReport) -> str:
    """The report for a terminal: one block per owner, overdue items marked."""
    lines = [
        f"Årlig gjennomgang – {report.name} ({report.today.isoformat()})",
        "",
        *missing_text(report.missing, report.name),
        "",
        f"{report.overdue} av {len(report.items)} er forfalt (gjennomgått for mer enn 12 måneder siden, "
        "eller aldri).",
    ]
    words = words_for("editor-words", "nb")  # resources/editor-words.yaml
    for group in report.groups:
        lines += ["", f"{group.owner}  ({group.overdue} forfalt av {len(group.items)})"]
        for item in group.items:
            when = item.reviewed.isoformat() if item.reviewed else "–"
            note = f"  [{item.note}]" if item.note else ""
            lines.append(f"  {words['status_' + item.status]:<8} {when:<10}  {words['type_' + item.type]:<10} "
                         f"{item.title}  ({item.path}:{item.line}){note}")
    return "\n".join(lines) + "\n"


def report_csv(report: ReviewReport) -> str:
    """CSV for the coordinator: one row per item, `;`-separated (opens directly in Excel set to nb/sv)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in report.items:
        data = item.as_dict()
        writer.writerow(["" if data[c] is None else data[c] for c in CSV_COLUMNS])
    return buffer.getvalue()
