"""The schema of a page's front matter: the fields a page needs and the rules for each.

Links, related pages and the facts a page cites cross files and stay in `lint`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from handbook.core.facts import INTERNAL_WORDS_MESSAGE, internal_words_in
from handbook.core.review_policy import review_issues
from handbook.core.schema.common import KINDS, FieldReader
from handbook.core.yamlfile import LineMap
from handbook.errors import Issue

if TYPE_CHECKING:  # content reads pages; the schema only checks them
    from handbook.core.content import Page

REQUIRED_FIELDS = ("id", "title", "kind", "audience", "owner", "reviewed", "sources")


def page_issues(page: Page, today: dt.date) -> list[Issue]:
    """Every rule for one page on its own: its fields, its review date and that it has text."""
    meta = page.meta
    check = FieldReader(page.path, LineMap({(key,): line for key, line in page.field_lines.items()}))
    check.required(meta, REQUIRED_FIELDS)
    check.identity(page.id, "id" in meta)
    if meta.get("kind") and page.kind not in KINDS:
        check.error(f"unknown kind '{page.kind}' (one of: {', '.join(KINDS)})", "kind")
    check.audience(meta)
    check.sources(meta)
    for key, text in (("title", page.title), ("sources", "\n".join(page.sources))):
        for word in internal_words_in(text):
            check.error(INTERNAL_WORDS_MESSAGE.format(word=word), key)
    if "synonyms" in meta and not isinstance(meta["synonyms"], list):
        check.error("synonyms must be a list", "synonyms")
    if "questions" in meta and not (  # the phrasings search matches like synonyms (docs/content-format.md)
        isinstance(meta["questions"], list) and all(isinstance(q, str) and q.strip() for q in meta["questions"])
    ):
        check.error("questions must be a list of phrasings (text)", "questions")
    check.reviewed(meta)
    check.owner(meta)
    if not page.body.strip():
        check.issues.append(Issue(page.path, page.body_line, "error", "the page has no text"))
    return [*check.issues, *review_issues(page.path, page.line_of("reviewed"), page.reviewed, today)]
