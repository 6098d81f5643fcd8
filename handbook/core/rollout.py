"""What a municipality must fill in before the handbook is rolled out: emergency and checklist contacts
without a verified number.

The emergency bar and the checklist summaries show a verified national number in their place (the contact's
`fallback`), but that is a stopgap: `lint` and `review` list these first, per municipality. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from handbook.core.checklist.model import Checklist
from handbook.core.content import Contact, Handbook
from handbook.errors import Issue


@dataclass(frozen=True)
class MissingNumber:
    """An emergency or checklist contact of one municipality without a verified number."""

    municipality: str
    contact_id: str
    name: str
    path: Path
    line: int
    emergency: bool
    checklists: tuple[str, ...]  # the checklists whose actions name it
    phone: str | None  # a number that is there but not verified
    fallback: Contact | None  # the national number shown meanwhile

    @property
    def used_by(self) -> str:
        """«nødlinjen, sjekkliste bekymring-barn, …» – where the reader meets the contact."""
        where = ["nødlinjen"] if self.emergency else []
        return ", ".join([*where, *(f"sjekkliste {c}" for c in self.checklists)])

    @property
    def meanwhile(self) -> str:
        """What the reader is shown instead, in words."""
        if self.fallback is not None:
            return f"leseren ser nasjonalt nummer {self.fallback.phone} ({self.fallback.name})"
        if self.phone:
            return f"leseren ser {self.phone} merket «ikke bekreftet»"
        return "ingen nasjonal erstatning: leseren ser «nummer mangler»"

    def as_dict(self) -> dict[str, object]:
        return {
            "municipality": self.municipality, "contact": self.contact_id, "name": self.name,
            "path": str(self.path), "line": self.line, "emergency": self.emergency,
            "checklists": list(self.checklists), "phone": self.phone,
            "fallback": self.fallback.id if self.fallback else None,
            "fallback_phone": self.fallback.phone if self.fallback else None,
        }


def fallback_issues(handbook: Handbook) -> list[Issue]:
    """A contact's `fallback` (its own, or inherited from the base pack) must be a contact with a verified
    number."""
    found = []
    for contact in handbook.contacts.values():
        if not contact.fallback:
            continue
        other = handbook.contacts.get(contact.fallback)
        if other is None:
            message = f"contact '{contact.id}': fallback '{contact.fallback}' is not a contact"
        elif not (other.verified and other.phone):
            message = f"contact '{contact.id}': fallback '{other.id}' must be a contact with a verified number"
        else:
            continue
        found.append(Issue(contact.path, contact.line, "error", message))
    return found


def checklist_contacts(checklists: Mapping[str, Checklist]) -> dict[str, tuple[str, ...]]:
    """Every contact id named by a checklist action, with the checklists that name it."""
    found: dict[str, list[str]] = {}
    for checklist in checklists.values():
        for step in checklist.steps:
            for action in step.actions:
                for contact_id in action.contacts:
                    users = found.setdefault(contact_id, [])
                    if checklist.id not in users:
                        users.append(checklist.id)
    return {cid: tuple(users) for cid, users in found.items()}


def missing_numbers(handbook: Handbook, checklists: Mapping[str, Checklist]) -> tuple[MissingNumber, ...]:
    """The emergency and checklist contacts without a verified number: emergency ones first, then by name."""
    used = checklist_contacts(checklists)
    missing = []
    for contact in handbook.contacts.values():
        if contact.verified and contact.phone:
            continue
        if not contact.emergency and contact.id not in used:
            continue
        missing.append(MissingNumber(handbook.pack.id, contact.id, contact.name, contact.path, contact.line,
                                     contact.emergency, used.get(contact.id, ()), contact.phone,
                                     handbook.fallback_for(contact)))
    return tuple(sorted(missing, key=lambda m: (not m.emergency, m.name.casefold())))


def missing_text(missing: tuple[MissingNumber, ...], name: str) -> list[str]:
    """Lines for a terminal: a heading for the municipality and one line per contact."""
    if not missing:
        return [f"{name}: alle nød- og sjekklistekontakter har et bekreftet nummer."]
    lines = [f"{name}: {len(missing)} nummer må fylles inn før veilederen tas i bruk"]
    for item in missing:
        state = f"{item.phone} er ikke bekreftet" if item.phone else "nummer mangler"
        lines.append(f"  {item.path}:{item.line}  {item.contact_id} – {item.name}: {state} "
                     f"(brukes i {item.used_by}); {item.meanwhile}")
    return lines
