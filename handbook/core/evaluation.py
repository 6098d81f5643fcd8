"""The search evaluation: how often the answer a professional would accept comes first or in the top three.

The set (tests/eval/search_queries.yaml) holds queries as staff type them, each with the answers a
professional accepts: page ids, `checklist:<id>` and `contact:<id>`. `python -m handbook bench` reports
hit@1, hit@3 and MRR per language, and how often the static site's search puts the same answer first.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.core.content import list_packs, load_handbook
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


def evaluate(
    content: Path, path: Path = DEFAULT_SET, cache: Path | None = None, site: bool = False,
    work: Path | None = None,
) -> list[EvalResult]:
    """The app's search on every set of the evaluation file whose municipality the content has; with
    `site`, also the static site's search (under Node) and how often its first hit is the app's."""
    from handbook.core.search import open_index

    known = {info.id for info in list_packs(content)}
    results = []
    for eval_set in read_sets(path):
        if eval_set.municipality not in known:
            continue
        with open_index(load_handbook(content, eval_set.municipality), cache=cache) as index:
            app: dict[str, list[str]] = {}

            def search(query: str, index: Any = index, app: dict[str, list[str]] = app) -> list[str]:
                app[query] = index.search(query, limit=RANKS).keys
                return app[query]

            result = score_set(eval_set, search)
            if site and node() is not None:
                queries = [q.query for q in eval_set.queries]
                folder = (work or Path(tempfile.mkdtemp(prefix="veileder-eval-"))) / eval_set.municipality
                found = site_keys(index, queries, folder)
                result.site_agreement = agreement([app[q] for q in queries], found)
        results.append(result)
    return results


# ---------------------------------------------------------------------------- the static site's search

ENGINE_JS = Path(__file__).resolve().parents[2] / "resources" / "site" / "search-engine.js"

_NODE_DRIVER = """
const fs = require("fs");
const api = require(process.argv[2]);
const data = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const queries = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
const engine = new api.Engine(data);
const out = queries.map((q) => engine.search(q, %d).hits.map((h) => engine.docs[h.doc].id));
process.stdout.write(JSON.stringify(out));
"""


def node() -> str | None:
    """Node.js, which runs the site's search engine outside a browser (None when not installed)."""
    import shutil

    return shutil.which("node") or shutil.which("nodejs")


def site_keys(index: Any, queries: Sequence[str], work: Path, engine_js: Path = ENGINE_JS) -> list[list[str]]:
    """The static site's hits (answer keys, best first) for each query, from search-engine.js under Node
    over the data the site export writes for `index`."""
    import json
    import subprocess

    from handbook.core.search.export import engine_data

    runner = node()
    if runner is None:
        raise HandbookError("Node.js is not installed: the site's search cannot be measured")
    work.mkdir(parents=True, exist_ok=True)
    (work / "engine.json").write_text(json.dumps(engine_data(index, {}, {}), ensure_ascii=False), encoding="utf-8")
    (work / "queries.json").write_text(json.dumps(list(queries), ensure_ascii=False), encoding="utf-8")
    (work / "driver.js").write_text(_NODE_DRIVER % RANKS, encoding="utf-8")
    done = subprocess.run(
        [runner, str(work / "driver.js"), str(engine_js), str(work / "engine.json"), str(work / "queries.json")],
        capture_output=True, text=True, check=False, timeout=600,
    )
    if done.returncode != 0:
        raise HandbookError(f"the site's search failed under Node: {done.stderr.strip()[-500:]}")
    found = json.loads(done.stdout)
    return [[str(key) for key in keys] for keys in found]


def agreement(app: Sequence[Sequence[str]], site: Sequence[Sequence[str]]) -> float:
    """The share of queries whose first hit is the same in the app and on the site (both none: the same)."""
    same = sum(1 for a, s in zip(app, site, strict=True) if (a[:1] == s[:1]))
    return round(same / max(1, len(app)), 3)
