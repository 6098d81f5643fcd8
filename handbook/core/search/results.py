"""What a search returns: hits and the results of one query."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One page, contact or checklist found; `snippet` is HTML-escaped text with `<b>…</b>` around the matches.

    `type` is "page", "contact" or "checklist"; `id` is the page's, contact's or checklist's own id. A contact
    hit carries its `phone`, `hours` and whether the number is `verified`, so the answer shows at once.
    """

    id: str
    title: str
    kind: str
    audience: tuple[str, ...]
    score: float
    snippet: str
    snippet_text: str
    path: str
    tier: int  # 0 exact title, 1 title prefix, 2 text, 3 fuzzy
    type: str = "page"
    phone: str = ""
    hours: str = ""
    verified: bool = True  # a contact's number is in the facts register (else the reader says «ikke bekreftet»)

    @property
    def key(self) -> str:
        """The answer key: a page's id, `checklist:<id>` or `contact:<id>`."""
        return self.id if self.type == "page" else f"{self.type}:{self.id}"

    @property
    def location(self) -> str:
        """Where the reader opens the hit: `page:<id>`, `contact:<id>` or `checklist:<id>`."""
        return f"{self.type}:{self.id}"


@dataclass(frozen=True)
class SearchResults:
    """The hits for a query, best first; `suggestion` is a corrected query («mente du …») or None."""

    query: str
    hits: tuple[Hit, ...]
    suggestion: str | None
    fuzzy: bool  # some hits were found through corrected spellings
    any_terms: bool  # no hit has every word of the query (hits are ranked by how many and how rare)

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]

    @property
    def keys(self) -> list[str]:
        """The hits as answer keys: a page's id, `checklist:<id>`, `contact:<id>`."""
        return [hit.key for hit in self.hits]
