"""What `checklist` and `practice` share: the list|show|run subcommands, their dispatch and JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

from handbook.errors import Exit

DEFAULT_MUNICIPALITY = "no"
Handler = Callable[[argparse.Namespace], int]


def add_list_show_run(parser: argparse.ArgumentParser, *, dest: str, things: str, parts: str, example: str,
                      walk_option: tuple[str, str], walk_help: str, run_help: str) -> None:
    """`list`, `show ID` and `run ID --<walk option> …`, each with --municipality and --json."""
    sub = parser.add_subparsers(dest=dest, metavar="ACTION")

    def common(command: argparse.ArgumentParser) -> None:
        command.add_argument("--municipality", "-m", default=DEFAULT_MUNICIPALITY,
                             help=f"municipality or pack (default: {DEFAULT_MUNICIPALITY})")
        command.add_argument("--json", action="store_true", help="print JSON")

    common(sub.add_parser("list", help=f"the {things} a municipality reads"))
    show = sub.add_parser("show", help=parts)
    show.add_argument("id", help=f"id, e.g. {example}")
    common(show)
    run_cmd = sub.add_parser("run", help=run_help)
    run_cmd.add_argument("id", help=f"id, e.g. {example}")
    run_cmd.add_argument(*walk_option, required=True, help=walk_help)
    common(run_cmd)
    parser.set_defaults(**{f"{dest}_parser": parser})


def dispatch(args: argparse.Namespace, dest: str, handlers: dict[str, Handler]) -> int:
    """Run the chosen action, or print the usage (exit 2) when none was given."""
    handler = handlers.get(getattr(args, dest, None) or "")
    if handler is not None:
        return handler(args)
    getattr(args, f"{dest}_parser").print_help(sys.stderr)
    return Exit.USAGE


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def print_json(data: Any) -> None:
    """Print data as indented JSON (dates as ISO text, Norwegian and Swedish letters as they are)."""
    print(json.dumps(_jsonable(data), ensure_ascii=False, indent=2))
