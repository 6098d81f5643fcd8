"""The search evaluation: how often the answer a professional would accept comes first or in the top three.

The set (tests/eval/search_queries.yaml) holds queries as staff type them, each with the answers a
professional accepts: page ids, `checklist:<id>` and `contact:<id>`. `python -m handbook bench` reports
hit@1, hit@3 and MRR per language, and how often the static site's search puts the same answer first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.core.content import load_handbook
from handbook.errors import HandbookError

DEFAULT_SET = Path(__file__).resolve().parents[2] / "tests" / "eval" / "search_queries.yaml"
RANKS = 10  # answers further down than this count as not found


@dataclass(frozen=True)
class EvalQuery:
    query: str
    accept: tuple[str, ...]


@dataclass(frozen=True)
class EvalSet:
    language: str
    municipality: str
    queries: tuple[EvalQuery, ...]


@dataclass
class EvalResult:
    """The rates of one set; `misses` lists the queries whose answer was not in the top three."""

    language: str
    municipality: str
    queries: int
    hit_at_1: float
    hit_at_3: float
    mrr: float
    site_agreement: float | None = None  # share of queries where the site's first hit is the app's
    misses: list[tuple[str, list[str]]] = field(default_factory=list)


def read_sets(path: Path = DEFAULT_SET) -> list[EvalSet]:
    """Read the evaluation set; a broken file raises HandbookError naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return [
            EvalSet(
                str(entry["language"]),
                str(entry["municipality"]),
                tuple(EvalQuery(str(q["q"]), tuple(str(a) for a in q["ok"])) for q in entry["queries"]),
            )
            for entry in data["sets"]
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise HandbookError(f"{path}: cannot read the search evaluation set ({exc})") from exc


def rank_of(found: Sequence[str], accept: Sequence[str]) -> int | None:
    """1-based rank of the first accepted answer in `found` (None: not among the first RANKS)."""
    wanted = set(accept)
    for rank, key in enumerate(found[:RANKS], start=1):
        if key in wanted:
            return rank
    return None


def score_set(eval_set: EvalSet, search: Callable[[str], Sequence[str]]) -> EvalResult:
    """Run every query of a set through `search` (query → answer keys, best first)."""
    ranks: list[int | None] = []
    misses: list[tuple[str, list[str]]] = []
    for item in eval_set.queries:
        found = list(search(item.query))
        rank = rank_of(found, item.accept)
        ranks.append(rank)
        if rank is None or rank > 3:
            misses.append((item.query, found[:3]))
    n = max(1, len(ranks))
    return EvalResult(
        language=eval_set.language,
        municipality=eval_set.municipality,
        queries=len(ranks),
        hit_at_1=round(sum(1 for r in ranks if r == 1) / n, 3),
        hit_at_3=round(sum(1 for r in ranks if r is not None and r <= 3) / n, 3),
        mrr=round(sum(1 / r for r in ranks if r) / n, 3),
        misses=misses,
    )


def evaluate(content: Path, path: Path = DEFAULT_SET, cache: Path | None = None) -> list[EvalResult]:
    """The app's search on every set of the evaluation file."""
    from handbook.core.search import open_index

    results = []
    for eval_set in read_sets(path):
        with open_index(load_handbook(content, eval_set.municipality), cache=cache) as index:
            results.append(score_set(eval_set, lambda q, index=index: index.search(q, limit=RANKS).keys))
    return results
