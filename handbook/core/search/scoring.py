"""Scoring: BM25 over postings read from Whoosh once and cached, and the sums that combine a query's parts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

Scores = dict[int, float]  # document number → score


class PostingCache:
    """Each (field, term)'s postings as document → score, read from Whoosh once and kept (LRU).

    The score is BM25 without length normalisation, idf × tf·(k1+1)/(tf+k1), where tf already carries the
    field's boost (Whoosh multiplies it in at indexing time). Handbook pages are of similar length, so
    length normalisation changes little. Whoosh's own matchers do this work per posting through several
    Python objects; adding up cached dictionaries is an order of magnitude faster, which is what keeps a
    query on 5,000 pages within its budget. The index never changes while open, so the cache stays valid.
    """

    K1 = 1.2

    def __init__(self, reader: Any, max_entries: int = 1_000_000) -> None:
        self._reader = reader
        self._documents = max(1, reader.doc_count_all())
        self._cache: dict[tuple[str, str], Scores] = {}
        self._entries = 0
        self._max_entries = max_entries

    def scores(self, fieldname: str, text: str) -> Scores:
        key = (fieldname, text)
        found = self._cache.pop(key, None)
        if found is None:
            found = self._read(fieldname, text)
            self._entries += len(found)
            while self._cache and self._entries > self._max_entries:
                oldest = next(iter(self._cache))
                self._entries -= len(self._cache.pop(oldest))
        self._cache[key] = found  # most recently used last
        return found

    def documents(self, fieldname: str, text: str) -> set[int]:
        return set(self.scores(fieldname, text))

    def _read(self, fieldname: str, text: str) -> Scores:
        reader = self._reader
        if (fieldname, text) not in reader:
            return {}
        k1 = self.K1
        idf = math.log(self._documents / (reader.doc_frequency(fieldname, text) + 1)) + 1
        matcher = reader.postings(fieldname, text)
        found: Scores = {}
        while matcher.is_active():
            weight = matcher.weight()
            found[matcher.id()] = idf * weight * (k1 + 1) / (weight + k1)
            matcher.next()
        return found


def add_scores(total: Scores, scores: Scores, factor: float = 1.0) -> None:
    """Add `scores` (times `factor`) into `total`."""
    if not total and factor == 1.0:
        total.update(scores)
        return
    get = total.get
    if factor == 1.0:
        for doc, score in scores.items():
            total[doc] = get(doc, 0.0) + score
    else:
        for doc, score in scores.items():
            total[doc] = get(doc, 0.0) + score * factor


def all_of(parts: Sequence[Scores]) -> Scores:
    """Documents in every part, with the summed score."""
    if not parts:
        return {}
    ordered = sorted(parts, key=len)
    total = dict(ordered[0])
    for scores in ordered[1:]:
        total = {doc: score + scores[doc] for doc, score in total.items() if doc in scores}
        if not total:
            break
    return total


def any_of(parts: Sequence[Scores]) -> Scores:
    """Documents in any part, with the summed score."""
    total: Scores = {}
    for scores in parts:
        add_scores(total, scores)
    return total
