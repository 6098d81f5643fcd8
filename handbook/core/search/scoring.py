"""Scoring: BM25 over postings read from Whoosh once and cached, and the sums that combine a query's parts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, ClassVar

Scores = dict[int, float]  # document number → score


class PostingCache:
    """Each (field, term)'s postings as document → score, read from Whoosh once and kept (LRU).

    The score is BM25, idf × tf·(k1+1)/(tf + k1·(1 − b + b·length/average length)), where tf already
    carries the field's boost (Whoosh multiplies it in at indexing time). Length counts only partly (`B`):
    a word in a short text (a contact, a checklist's description) says more than one in a long page, but
    handbook pages are meant to be read whole, so a long page is not punished much. Whoosh's own matchers
    do this work per posting through several Python objects; adding up cached dictionaries is an order of
    magnitude faster, which is what keeps a query on 5,000 pages within its budget. The index never
    changes while open, so the cache stays valid.
    """

    K1 = 1.2
    B: ClassVar[dict[str, float]] = {"body": 0.5, "headings": 0.3, "synonyms": 0.3}  # the title's length does not count

    def __init__(self, reader: Any, max_entries: int = 1_000_000) -> None:
        self._reader = reader
        self._documents = max(1, reader.doc_count_all())
        self._norms: dict[str, list[float]] = {}
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
        norms = self._norms_of(fieldname)
        found: Scores = {}
        while matcher.is_active():
            weight = matcher.weight()
            doc = matcher.id()
            found[doc] = idf * weight * (k1 + 1) / (weight + k1 * (norms[doc] if norms else 1.0))
            matcher.next()
        return found

    def _norms_of(self, fieldname: str) -> list[float] | None:
        """1 − b + b·length/average per document (None: length does not count in this field)."""
        b = self.B.get(fieldname)
        if not b:
            return None
        norms = self._norms.get(fieldname)
        if norms is None:
            reader = self._reader
            lengths = [reader.doc_field_length(doc, fieldname, 0) for doc in range(self._documents)]
            present = [n for n in lengths if n]
            average = sum(present) / len(present) if present else 1.0
            norms = [1 - b + b * (n / average if n else 1.0) for n in lengths]
            self._norms[fieldname] = norms
        return norms


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


def best_of(parts: Sequence[Scores]) -> Scores:
    """Documents in any part, with their best score (alternatives of one word do not add up)."""
    total: Scores = {}
    get = total.get
    for scores in parts:
        for doc, score in scores.items():
            if score > get(doc, 0.0):
                total[doc] = score
    return total
