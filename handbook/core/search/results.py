"""What a search returns: hits and the results of one query."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One page found; `snippet` is HTML-escaped text with `<b>…</b>` around the matches."""

    id: str
    title: str
    kind: str
    audience: tuple[str, ...]
    score: float
    snippet: str
    snippet_text: str
    path: str
    tier: int  # 0 exact title, 1 title prefix, 2 text, 3 fuzzy

    @property
    def key(self) -> str:
        """The answer key: a page's id, `checklist:<id>` or `contact:<id>`."""
        return self.id


@dataclass(frozen=True)
class SearchResults:
    """The hits for a query, best first; `suggestion` is a corrected query («mente du …») or None."""

    query: str
    hits: tuple[Hit, ...]
    suggestion: str | None
    fuzzy: bool  # some hits were found only through corrected spellings
    any_terms: bool  # no page had every word, so pages with any of them are shown

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]

    @property
    def keys(self) -> list[str]:
        """The hits as answer keys: a page's id, `checklist:<id>`, `contact:<id>`."""
        return [hit.key for hit in self.hits]
