"""`review`: the yearly review report – pages, checklists and contacts by owner, overdue ones first."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from handbook.core.content import load_handbook
from handbook.core.review import report_csv, report_text, review_report
from handbook.errors import Exit, WriteError

NAME = "review"
HELP = "the yearly review report: pages, checklists and contacts by owner, overdue ones first"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {text!r} (e.g. 2026-11-23)") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--municipality", "-m", required=True, help="municipality or pack id, e.g. kramfors")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the report as CSV (for Excel)")
    parser.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="count overdue as of this date (default: today)")


def run(args: argparse.Namespace) -> int:
    report = review_report(load_handbook(args.content, args.municipality), args.today)
    for issue in report.issues:
        print(issue, file=sys.stderr)
    if args.csv is not None:
        try:
            args.csv.parent.mkdir(parents=True, exist_ok=True)
            args.csv.write_text(report_csv(report), encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise WriteError(f"{args.csv}: cannot write the CSV ({exc.strerror or exc})") from exc
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report_text(report), end="")
        if args.csv is not None:
            print(f"\nCSV: {args.csv}")
    return Exit.OK
