"""`index`: build (or check) the search index of one or all municipalities in the user's cache."""

from __future__ import annotations

import argparse
import time

from handbook.errors import Exit

NAME = "index"
HELP = "build the search index in the user's cache when the content changed (--rebuild: always)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--municipality", "-m", help="one municipality or pack (default: all)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild even when the content is unchanged")


def run(args: argparse.Namespace) -> int:
    from handbook.core.content import find_pack, list_packs, load_handbook
    from handbook.core.search import open_index

    packs = [find_pack(args.content, args.municipality)] if args.municipality else list_packs(args.content)
    for info in packs:
        start = time.perf_counter()
        handbook = load_handbook(args.content, info.id)
        with open_index(handbook, rebuild=args.rebuild) as index:
            seconds = time.perf_counter() - start
            what = "bygget" if index.built else "uendret"
            where = index.path if index.path is not None else "i minnet (hurtigbufferen kan ikke skrives)"
            print(f"{info.id}: {index.doc_count} sider, {what} på {seconds:.2f} s – {where}")
    return Exit.OK
