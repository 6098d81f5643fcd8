"""`packs`: list the municipalities and base packs with language and page count."""

from __future__ import annotations

import argparse
import json

from handbook.core.content import list_packs, load_handbook
from handbook.errors import Exit

NAME = "packs"
HELP = "list municipalities and base packs (language, page count)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    rows = []
    for info in list_packs(args.content):
        handbook = load_handbook(args.content, info.id)
        rows.append({
            "id": info.id,
            "name": info.name,
            "language": info.language,
            "base": info.base,
            "pages": len(handbook.pages),
            "contacts": len(handbook.contacts),
            "checklists": len(handbook.checklist_paths),
        })
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            base = f"på {row['base']}" if row["base"] else "base"
            print(f"{row['id']:<12} {row['name']:<28} {row['language']}  {base:<8} "
                  f"{row['pages']:>3} sider  {row['contacts']:>3} kontakter  {row['checklists']:>2} sjekklister")
    return Exit.OK
