"""`lint`: check the content and print every problem as path:line: level: message."""

from __future__ import annotations

import argparse
import json

from handbook.core.lint import lint
from handbook.core.rollout import missing_text
from handbook.errors import Exit

NAME = "lint"
HELP = "check the content (front matter, links, facts, checklists, practice cases); exit 1 on any error"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--municipality", "-m", help="one municipality or pack (default: all)")
    parser.add_argument("--json", action="store_true", help="print the issues as JSON")


def run(args: argparse.Namespace) -> int:
    report = lint(args.content, args.municipality)
    if args.json:
        print(json.dumps(
            {
                "issues": [
                    {"path": str(i.path), "line": i.line, "level": i.level, "message": i.message}
                    for i in report.issues
                ],
                "missing": [m.as_dict() for _name, items in report.missing for m in items],
                "overdue": [
                    {"path": str(o.path), "id": o.page_id, "owner": o.owner,
                     "reviewed": o.reviewed.isoformat() if o.reviewed else None}
                    for o in report.overdue
                ],
            },
            ensure_ascii=False, indent=2,
        ))
    else:
        if report.missing:
            print("Før veilederen tas i bruk – nød- og sjekklistekontakter uten bekreftet nummer:")
            for name, items in report.missing:
                print("\n".join(missing_text(items, name)))
            print()
        for issue in report.issues:
            print(issue)
        if report.overdue:
            print("\nSider som skal gjennomgås (sist gjennomgått for mer enn 12 måneder siden):")
            for item in report.overdue:
                when = item.reviewed.isoformat() if item.reviewed else "aldri"
                print(f"  {item.path}  {item.page_id}  {when}  eier: {item.owner or '–'}")
        errors = len(report.errors)
        warnings = len(report.issues) - errors
        print(f"\n{errors} feil, {warnings} advarsler.")
    return Exit.CONTENT_ERRORS if report.errors else Exit.OK
