"""`bench`: measure index build, query latency (vs SQLite FTS5), CLI cold start and memory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from handbook.errors import Exit

NAME = "bench"
HELP = "benchmark search on the shipped content and a generated corpus (default 5,000 pages)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--pages", type=int, default=5000, help="pages in the generated corpus (0: none)")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run (default: 5)")
    parser.add_argument("--cold-runs", type=int, default=3, help="CLI cold starts per corpus (default: 3)")
    parser.add_argument("--municipality", "-m", default="baerum",
                        help="the shipped handbook to measure (default: baerum)")
    parser.add_argument("--eval", type=Path, default=None, metavar="FILE",
                        help="the search evaluation set (default: tests/eval/search_queries.yaml when present)")
    parser.add_argument("--no-eval", action="store_true", help="do not measure search quality")


def run(args: argparse.Namespace) -> int:
    from handbook.core.bench import run_bench, table
    from handbook.core.evaluation import DEFAULT_SET

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result = run_bench(
        args.content,
        municipality=args.municipality,
        pages=max(args.pages, 0),
        rounds=max(args.rounds, 1),
        cold_runs=max(args.cold_runs, 1),
        progress=progress,
        eval_set=None if args.no_eval else (args.eval or (DEFAULT_SET if DEFAULT_SET.is_file() else None)),
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(table(result, markdown=args.markdown))
    return Exit.OK
