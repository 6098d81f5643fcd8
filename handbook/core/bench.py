"""The search benchmark: index build, query latency (Whoosh and SQLite FTS5), CLI cold start, memory.

Everything runs in one temporary folder; the user's cache is not touched. The large corpus is generated
deterministically from the shipped pages' own sentences and words, so it reads like the handbook.
"""

from __future__ import annotations

import gc
import os
import platform
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from handbook.core.content import Handbook, load_handbook
from handbook.core.corpus import GENERATED_PACK, generate_corpus
from handbook.core.evaluation import EvalResult, evaluate, node
from handbook.core.render import headings, plain_text

# Realistic queries: plain words, inflections, compounds and their parts, prefixes typed so far,
# phrases, synonyms, typos, several words, and questions and situations in everyday words.
QUERIES: tuple[str, ...] = (
    "vold",
    "volden",
    "psykisk vold",
    "opplysningsplikten",
    "opplysningsplikt barnevernet",
    "bekymringsmelding",
    "meldingen",
    "tjenesten",
    "barnevernstjenesten",
    "taushetsplikt",
    "avvergeplikt",
    "krisesenter",
    "helsesøster",
    "vinr",
    "vold mot eldre",
    "barn som er vitne til vold",
    '"vold i nære relasjoner"',
    '"melding til barnevernet"',
    "opplys",
    "barnev",
    "kris",
    "taushetspl",
    "opplysnigsplikt",
    "psykisk vlod",
    "bekymringsmeling",
    "krisesenteret ring",
    "tvangsekteskap",
    "politiet anmeldelse",
    "økonomisk vold",
    "fastlege",
    # Questions and situations as staff type them (the evaluation set has more).
    "hva gjør jeg hvis barnet forteller at pappa slår",
    "hvordan snakker jeg med et barn om vold",
    "må jeg melde til barnevernet",
    "hun tør ikke dra hjem",
    "sønnen tar pengene til sin gamle mor",
    "kva gjer eg om eit barn fortel om vald",
    "barnevernvakta telefon",
    "vold i nære relasjner",
)


# ---------------------------------------------------------------------------- timing


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _latencies(run: Callable[[str], object], queries: Sequence[str], rounds: int) -> list[float]:
    for query in queries:  # warm up: caches, lazily built spelling table
        run(query)
    times = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - start) * 1000)
    return times


# ---------------------------------------------------------------------------- SQLite FTS5 baseline


_FTS_WORD = re.compile(r"[^\W_]+")


def _fts5_query(query: str) -> tuple[str, str]:
    """(AND, OR) FTS5 MATCH expressions for a user query: quoted phrases kept, last word as a prefix."""
    phrases = [" ".join(_FTS_WORD.findall(p.lower())) for p in re.findall(r'"([^"]+)"', query)]
    words = _FTS_WORD.findall(re.sub(r'"[^"]*"', " ", query).lower())
    parts = [f'"{p}"' for p in phrases if p]
    parts += [f'"{w}"' for w in words]
    open_end = bool(query) and not query[-1].isspace() and not query.endswith('"')
    if words and open_end and len(words[-1]) >= 3:
        parts[-1] = parts[-1] + " *"
    return " AND ".join(parts), " OR ".join(parts)


class Fts5Baseline:
    """The same pages in an SQLite FTS5 table (unicode61 tokenizer, no stemming), bm25-ranked with snippets."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(str(path), check_same_thread=False)

    def build(self, handbook: Handbook) -> None:
        self.db.execute("DROP TABLE IF EXISTS pages")
        self.db.execute(
            "CREATE VIRTUAL TABLE pages USING fts5(id UNINDEXED, title, synonyms, headings, body, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
        self.db.executemany(
            "INSERT INTO pages VALUES (?, ?, ?, ?, ?)",
            (
                (p.id, p.title, " ".join(p.synonyms), " ".join(headings(p.body)), plain_text(p.body))
                for p in handbook.pages.values()
            ),
        )
        self.db.commit()

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        sql = (
            "SELECT id, snippet(pages, 4, '<b>', '</b>', '…', 24) FROM pages WHERE pages MATCH ? "
            "ORDER BY bm25(pages, 0.0, 4.0, 3.0, 1.5, 1.0) LIMIT ?"
        )
        all_words, any_word = _fts5_query(query)
        if not all_words:
            return []
        rows = self.db.execute(sql, (all_words, limit)).fetchall()
        if not rows and any_word != all_words:
            rows = self.db.execute(sql, (any_word, limit)).fetchall()
        return rows

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------------------- one run


@dataclass
class CorpusResult:
    """Measurements on one corpus."""

    name: str
    pages: int
    build_s: float
    index_mb: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    first_p50_ms: float
    first_p95_ms: float
    fts5_build_s: float
    fts5_p50_ms: float
    fts5_p95_ms: float
    cold_start_ms: float
    cold_start_hits: int
    cold_start_peak_mb: float
    slowest: list[tuple[str, float]] = field(default_factory=list)

    @property
    def ratio_p95(self) -> float:
        return self.p95_ms / self.fts5_p95_ms if self.fts5_p95_ms else float("inf")


@dataclass
class BenchResult:
    """Everything `python -m handbook bench` reports."""

    machine: dict[str, str]
    corpora: list[CorpusResult]
    queries: int
    rounds: int
    peak_rss_mb: float  # this process: loading, generating and indexing the corpora, searching
    quality: list[EvalResult] = field(default_factory=list)  # the evaluation set's rates per language

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for corpus, source in zip(data["corpora"], self.corpora, strict=True):
            corpus["ratio_p95"] = round(source.ratio_p95, 2)
        return data


def measure_quality(content: Path, eval_set: Path, work: Path,
                    progress: Callable[[str], None]) -> list[EvalResult]:
    """hit@1, hit@3, MRR and the site's agreement per language on the evaluation set."""
    progress(f"evaluation set {eval_set.name}: the app's search" + (" and the site's (Node)" if node() else ""))
    return evaluate(content, eval_set, cache=work / "cache-eval", site=True, work=work / "site-eval")


def machine() -> dict[str, str]:
    """CPU model, cores, memory and Python version of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except (OSError, ValueError):
        pass
    from handbook.core.search import engine_version

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "whoosh": engine_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _folder_mb(folder: Path | None) -> float:
    if folder is None:
        return 0.0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


# `python -m handbook …`, plus the process's own peak memory (VmHWM) printed to stderr at exit.
_CLI_WRAPPER = """
import atexit, runpy, sys
def _peak():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    print("VEILEDER-PEAK-KB", line.split()[1], file=sys.stderr)
    except OSError:
        pass
atexit.register(_peak)
sys.argv = ["handbook", *sys.argv[1:]]
runpy.run_module("handbook", run_name="__main__", alter_sys=True)
"""


def cold_start(
    content: Path, municipality: str, cache: Path, query: str, runs: int = 3
) -> tuple[float, int, float]:
    """Median wall time of `python -m handbook search … --json` in a fresh process (index already built),
    the hits it printed, and its peak memory in MB (0 when unknown)."""
    env = {**os.environ, "VEILEDER_CACHE_DIR": str(cache)}
    command = [
        sys.executable, "-c", _CLI_WRAPPER, "--content", str(content),
        "search", query, "--municipality", municipality, "--json", "--limit", "10",
    ]
    times = []
    hits = 0
    peak_mb = 0.0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
        hits = done.stdout.count('"id"') if done.returncode == 0 else -1
        found = re.search(r"VEILEDER-PEAK-KB (\d+)", done.stderr)
        if found:
            peak_mb = max(peak_mb, int(found.group(1)) / 1024)
    return statistics.median(times), hits, peak_mb


def measure_corpus(
    name: str,
    content: Path,
    municipality: str,
    work: Path,
    queries: Sequence[str],
    rounds: int,
    progress: Callable[[str], None],
    cold_runs: int = 3,
) -> CorpusResult:
    """Build both indexes for one handbook and time the queries on each."""
    from handbook.core.search import open_index

    handbook = load_handbook(content, municipality)
    cache = work / f"cache-{name}"
    progress(f"{name}: building the Whoosh index of {len(handbook.pages)} pages …")
    gc.collect()
    start = time.perf_counter()
    index = open_index(handbook, cache=cache, rebuild=True)
    build_s = time.perf_counter() - start
    index.close()
    progress(f"{name}: {len(queries)} queries, first run on a freshly opened index …")
    index = open_index(handbook, cache=cache)
    try:
        first = []
        for query in queries:
            start = time.perf_counter()
            index.search(query, limit=20)
            first.append((time.perf_counter() - start) * 1000)
        progress(f"{name}: {len(queries)} queries × {rounds} rounds, warm …")
        per_query: dict[str, list[float]] = {}

        def timed(query: str) -> None:
            start = time.perf_counter()
            index.search(query, limit=20)
            per_query.setdefault(query, []).append((time.perf_counter() - start) * 1000)

        gc.collect()
        _latencies(timed, queries, rounds)
        times = [t for ts in per_query.values() for t in ts[1:]]  # without each query's warm-up run
        slowest = sorted(((q, statistics.median(t[1:])) for q, t in per_query.items()), key=lambda x: -x[1])[:5]
        index_mb = _folder_mb(index.path)
    finally:
        index.close()
    progress(f"{name}: SQLite FTS5 baseline …")
    fts = Fts5Baseline(work / f"fts5-{name}.sqlite")
    start = time.perf_counter()
    fts.build(handbook)
    fts5_build_s = time.perf_counter() - start
    fts_times = _latencies(fts.search, queries, rounds)
    fts.close()
    progress(f"{name}: CLI cold start …")
    cold_ms, cold_hits, cold_mb = cold_start(content, municipality, cache, queries[3], runs=cold_runs)
    return CorpusResult(
        name=name,
        pages=len(handbook.pages),
        build_s=round(build_s, 2),
        index_mb=round(index_mb, 1),
        p50_ms=round(percentile(times, 50), 2),
        p95_ms=round(percentile(times, 95), 2),
        max_ms=round(max(times), 2),
        first_p50_ms=round(percentile(first, 50), 2),
        first_p95_ms=round(percentile(first, 95), 2),
        fts5_build_s=round(fts5_build_s, 2),
        fts5_p50_ms=round(percentile(fts_times, 50), 3),
        fts5_p95_ms=round(percentile(fts_times, 95), 3),
        cold_start_ms=round(cold_ms),
        cold_start_hits=cold_hits,
        cold_start_peak_mb=round(cold_mb, 1),
        slowest=[(q, round(t, 2)) for q, t in slowest],
    )


def run_bench(
    content: Path,
    municipality: str = "baerum",
    pages: int = 5000,
    rounds: int = 5,
    queries: Sequence[str] = QUERIES,
    progress: Callable[[str], None] = lambda _msg: None,
    cold_runs: int = 3,
    eval_set: Path | None = None,
) -> BenchResult:
    """Measure the shipped handbook of `municipality` and a generated corpus of `pages` pages, and the
    evaluation set's quality figures (`eval_set`, None: not measured)."""
    corpora = []
    quality: list[EvalResult] = []
    with tempfile.TemporaryDirectory(prefix="veileder-bench-") as tmp:
        work = Path(tmp)
        if eval_set is not None:
            quality = measure_quality(content, eval_set, work, progress)
        corpora.append(
            measure_corpus("shipped", content, municipality, work, queries, rounds, progress, cold_runs)
        )
        if pages > 0:
            progress(f"generating {pages} pages …")
            generated = generate_corpus(work / "generated", pages, content)
            corpora.append(
                measure_corpus(
                    f"generated-{pages}", generated, GENERATED_PACK, work, queries, rounds, progress, cold_runs
                )
            )
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return BenchResult(machine(), corpora, len(queries), rounds, round(self_rss, 1), quality)


# ---------------------------------------------------------------------------- reporting


def table(result: BenchResult, markdown: bool = False) -> str:
    """The results as an aligned text table (or a Markdown table)."""
    headers = ["corpus", "pages", "build s", "index MB", "p50 ms", "p95 ms", "max ms", "1st p50", "1st p95",
               "FTS5 build s", "FTS5 p50 ms", "FTS5 p95 ms", "p95 ratio", "CLI cold ms", "CLI MB"]
    rows = [
        [c.name, str(c.pages), f"{c.build_s:.2f}", f"{c.index_mb:.1f}", f"{c.p50_ms:.2f}", f"{c.p95_ms:.2f}",
         f"{c.max_ms:.2f}", f"{c.first_p50_ms:.1f}", f"{c.first_p95_ms:.1f}", f"{c.fts5_build_s:.2f}",
         f"{c.fts5_p50_ms:.3f}", f"{c.fts5_p95_ms:.3f}", f"{c.ratio_p95:.1f}×", str(int(c.cold_start_ms)),
         f"{c.cold_start_peak_mb:.0f}"]
        for c in result.corpora
    ]
    lines = _table(headers, rows, markdown)
    m = result.machine
    lines += [
        "",
        f"{result.queries} queries × {result.rounds} rounds, warm searcher, 20 hits with snippets "
        "(1st: each query's first run on a freshly opened index); "
        f"peak memory of the benchmark process {result.peak_rss_mb:.0f} MB (it also generates and indexes "
        "the corpora); CLI MB: peak memory of the `search` command (VmHWM).",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, "
        f"SQLite {m['sqlite']}, Whoosh {m['whoosh']}, {m['system']}.",
    ]
    for corpus in result.corpora:
        slow = ", ".join(f"{q!r} {t:.1f} ms" for q, t in corpus.slowest)
        lines.append(f"Slowest on {corpus.name} (median): {slow}")
    if result.quality:
        lines += ["", quality_table(result.quality, markdown)]
    return "\n".join(lines)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> list[str]:
    """A table as Markdown, or as plain text with right-aligned columns."""
    if markdown:
        return ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers),
                *("| " + " | ".join(r) + " |" for r in rows)]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    return ["  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)),
            *("  ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) for r in rows)]


def quality_table(quality: Sequence[EvalResult], markdown: bool = False) -> str:
    """hit@1, hit@3, MRR and the site's agreement per language of the evaluation set."""
    headers = ["language", "municipality", "queries", "hit@1", "hit@3", "MRR", "site top-1 agreement"]
    rows = [
        [q.language, q.municipality, str(q.queries), f"{q.hit_at_1:.3f}", f"{q.hit_at_3:.3f}", f"{q.mrr:.3f}",
         "not measured (no Node.js)" if q.site_agreement is None else f"{q.site_agreement:.3f}"]
        for q in quality
    ]
    lines = _table(headers, rows, markdown)
    lines.append("Search quality on the evaluation set (tests/eval/search_queries.yaml): the share of queries "
                 "with an accepted answer first (hit@1) and in the top three (hit@3).")
    return "\n".join(lines)
