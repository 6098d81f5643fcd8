"""The index's dictionary of stems with their document frequencies: prefixes (search as you type) and
compounds (a word also matches longer words that end in it)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

COMPOUND_MIN_HEAD = 3  # a compound has at least this much in front of the query's stem

class Lexicon:
    """Every indexed stem with its document frequency: for prefixes and compounds (built on first use)."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self._forward = sorted(frequencies)
        self._backward = sorted(s[::-1] for s in frequencies)

    def __contains__(self, stem: str) -> bool:
        return stem in self.frequencies

    def _top(self, found: Iterable[str], limit: int) -> list[str]:
        return sorted(found, key=lambda s: (-self.frequencies[s], s))[:limit]

    def starting_with(self, prefix: str, limit: int) -> list[str]:
        """The most frequent stems that start with `prefix`."""
        start = bisect.bisect_left(self._forward, prefix)
        found = []
        for stem in self._forward[start : start + 5000]:
            if not stem.startswith(prefix):
                break
            found.append(stem)
        return self._top(found, limit)

    def compounds_of(self, stem: str, limit: int) -> list[str]:
        """The most frequent longer stems that end in `stem` (`tjenest` → `barnevernstjenest`, …)."""
        tail = stem[::-1]
        start = bisect.bisect_left(self._backward, tail)
        found = []
        for backward in self._backward[start : start + 5000]:
            if not backward.startswith(tail):
                break
            if len(backward) >= len(stem) + COMPOUND_MIN_HEAD:
                found.append(backward[::-1])
        return self._top(found, limit)
