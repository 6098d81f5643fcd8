"""Ranking: how the parts of a query combine into one score per document.

No part vetoes a page. Every part (word, synonym group, quoted phrase) adds its BM25 score; the sum is scaled
by the share of the query's weight the document covers – a part weighs by its damped rarity (idf ** RARITY)
and is covered by how strongly the document matches it against the best document for that part – raised to
`COORDINATION`, and raised again by the share its title and phrasings cover (what the page is about). So pages
with more, rarer and stronger matches of the query's words come first, and a page need not hold the ordinary
ones. resources/site/search-engine.js does the same for the static site.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from handbook.core.search.scoring import Scores

COORDINATION = 2.0  # score × (share of the query's weight a document covers) ** COORDINATION …
STRENGTH = 0.5  # a document covers a part by (its score / the best document's score) ** STRENGTH …
RARITY = 0.5  # … times the part's weight, idf ** RARITY (a handbook on violence: «vold» is common but key)
TITLE_WEIGHT = 2.0  # … × (1 + TITLE_WEIGHT × share covered by its title and phrasings: what it is about)


@dataclass
class Part:
    """One part of a query as matched: every document's score, and the documents whose title or phrasings
    (synonyms, questions) hold it."""

    scores: Scores
    titled: set[int] = field(default_factory=set)
    corrected: bool = False


@dataclass
class Ranked:
    """Every document that matched some part of a query, with its coordinated score."""

    scores: Scores
    exact: set[int]  # matched at least one part as typed (not only through a corrected spelling)
    corrected: set[int]  # matched a part through a corrected spelling
    complete: set[int]  # matched every part
    coverage: Scores = field(default_factory=dict)  # the share of the query's weight each document matches


def rank(parts: Sequence[Part], documents: int) -> Ranked:
    """Combine the parts: the sum of their scores, scaled by the share of the query's weight (idf) a
    document covers, and raised by the share its title and phrasings cover."""
    weights = [math.log(1 + documents / (1 + len(p.scores))) ** RARITY for p in parts]
    total_weight = sum(w for w, p in zip(weights, parts, strict=True) if p.scores) or 1.0
    sums: Scores = {}
    covered: Scores = {}
    matched: Scores = {}
    titled: Scores = {}
    counts: dict[int, int] = {}
    exact: set[int] = set()
    fixed: set[int] = set()
    for part, weight in zip(parts, weights, strict=True):
        get_sum, get_cover, get_count, get_match = sums.get, covered.get, counts.get, matched.get
        strongest = max(part.scores.values(), default=1.0) or 1.0
        for doc, score in part.scores.items():
            sums[doc] = get_sum(doc, 0.0) + score
            covered[doc] = get_cover(doc, 0.0) + weight * (score / strongest) ** STRENGTH
            matched[doc] = get_match(doc, 0.0) + weight
            counts[doc] = get_count(doc, 0) + 1
        for doc in part.titled:
            titled[doc] = titled.get(doc, 0.0) + weight
        (fixed if part.corrected else exact).update(part.scores)
    final = {
        doc: score * (covered[doc] / total_weight) ** COORDINATION
        * (1 + TITLE_WEIGHT * titled.get(doc, 0.0) / total_weight)
        for doc, score in sums.items()
    }
    complete = {doc for doc, count in counts.items() if count == len(parts)}
    coverage = {doc: weight / total_weight for doc, weight in matched.items()}
    return Ranked(final, exact, fixed, complete, coverage)
