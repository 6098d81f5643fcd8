"""The schema of a contact in contacts.yaml: name, what it helps with, `verified`, web and e-mail addresses.

Whether a verified number is in the facts register crosses files and stays in `lint`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handbook.core.facts import INTERNAL_WORDS_MESSAGE, internal_words_in
from handbook.core.links import classify_link
from handbook.errors import Issue

if TYPE_CHECKING:  # content reads contacts; the schema only checks them
    from handbook.core.content import Contact


def contact_issues(contact: Contact) -> list[Issue]:
    """Every rule for one contact on its own, at the line of its entry."""
    raw, path, line = contact.raw, contact.path, contact.line
    found: list[Issue] = []

    def err(message: str) -> None:
        found.append(Issue(path, line, "error", message))

    if "verified" not in raw or not isinstance(raw["verified"], bool):
        err(f"contact '{contact.id}' lacks 'verified: true|false'")
    for key in ("name", "helps_with"):
        if not raw.get(key):
            err(f"contact '{contact.id}' lacks '{key}'")
    for key in ("name", "helps_with", "hours", "note", "source"):
        for word in internal_words_in(str(raw.get(key) or "")):
            err(f"contact '{contact.id}', {key}: " + INTERNAL_WORDS_MESSAGE.format(word=word))
    if raw.get("web") and classify_link(str(raw["web"])).scheme not in ("https", "http"):
        err(f"contact '{contact.id}': web must be an https:// or http:// address "
            f"({classify_link(str(raw['web'])).reason or 'not a web address'})")
    if raw.get("email") and not classify_link(f"mailto:{raw['email']}").allowed:
        err(f"contact '{contact.id}': email '{raw['email']}' is not an e-mail address")
    if raw.get("hours") and not raw.get("checked"):
        found.append(Issue(path, line, "warning", f"contact '{contact.id}' has hours without 'checked' (when seen)"))
    return found
