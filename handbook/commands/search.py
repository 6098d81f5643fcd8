"""`search`: search a municipality's handbook from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from handbook.errors import Exit

NAME = "search"
HELP = "search the handbook (stemming, compounds, typos); --json for ranked JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help='words, "a phrase", or the start of a word')
    parser.add_argument("--municipality", "-m", default="no", help="municipality or pack (default: no)")
    parser.add_argument("--limit", "-n", type=int, default=10, help="at most this many hits (default: 10)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of hits, best first")


def run(args: argparse.Namespace) -> int:
    from handbook.core.content import load_handbook
    from handbook.core.search import open_index, open_municipality_index

    try:
        index = open_municipality_index(args.content, args.municipality)
    except OSError as exc:  # an unreadable cache: build in memory, as `index` and the reader do
        print(f"merk: hurtigbufferen for søket kan ikke leses ({exc.strerror or exc}); søker i minnet.",
              file=sys.stderr)
        index = open_index(load_handbook(args.content, args.municipality))
    with index:
        results = index.search(args.query, limit=max(args.limit, 0))
    if args.json:
        print(json.dumps(
            [
                {"id": h.id, "title": h.title, "kind": h.kind, "type": h.type, "score": h.score,
                 "snippet": h.snippet, "path": h.path, **({"phone": h.phone, "hours": h.hours} if h.type == "contact"
                                                          else {})}
                for h in results.hits
            ],
            ensure_ascii=False, indent=2,
        ))
        return Exit.OK
    if results.suggestion:
        print(f"Mente du «{results.suggestion}»?")
    if not results.hits:
        print(f"Ingen treff for «{args.query}».")
        return Exit.OK
    if results.any_terms:
        print("Ingen treff har alle ordene; de med flest av dem står først.")
    for number, hit in enumerate(results.hits, 1):
        print(f"{number:2}. {hit.title}  [{hit.key}, {hit.kind}]")
        if hit.type == "contact" and (hit.phone or hit.hours):
            print(f"    Telefon {hit.phone or '–'} · {hit.hours or '–'}")
        if hit.snippet_text:
            print(f"    {hit.snippet_text}")
    return Exit.OK
