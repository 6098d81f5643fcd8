"""What the UI may rely on in a search index (the UI types against this, not against Whoosh)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from handbook.core.search.results import SearchResults


class SearchIndex(Protocol):
    """An open, searchable index of one municipality's handbook."""

    @property
    def doc_count(self) -> int: ...

    def search(
        self,
        query: str,
        limit: int = 20,
        kinds: Collection[str] | None = None,
        audiences: Collection[str] | None = None,
    ) -> SearchResults: ...

    def warm_up(self) -> None: ...

    def close(self) -> None: ...
