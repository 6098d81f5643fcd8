"""`python -m handbook`: the command line over the core, for editors, CI and benchmarks."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from handbook import __version__
from handbook.commands import MODULES
from handbook.errors import Exit, HandbookError, WriteError
from handbook.locations import content_dir


def _command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"handbook.commands.{name}") for name in MODULES]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m handbook",
        description="Veileder – håndbok mot vold i nære relasjoner (kommandolinje).",
    )
    parser.add_argument("--version", action="version", version=f"veileder {__version__}")
    parser.add_argument(
        "--content", type=Path, default=None, help="content folder (default: the shipped content/)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return Exit.USAGE
    if args.content is None:
        args.content = content_dir()
    try:
        return int(args.run(args))
    except WriteError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return Exit.FILE_ERROR
    except HandbookError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return Exit.NOT_FOUND
    except BrokenPipeError:
        return Exit.OK
    except KeyboardInterrupt:
        print("avbrutt", file=sys.stderr)
        return Exit.INTERRUPTED
    except OSError as exc:  # the user never sees a traceback: a message and a named exit code
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"feil: {where}{exc.strerror or exc}", file=sys.stderr)
        return Exit.FILE_ERROR
    except Exception as exc:  # a fault in Veileder, not in what the user did
        print(f"feil: noe gikk galt i Veileder ({type(exc).__name__}: {exc}). "
              "Meld fra til den som har ansvar for veilederen.", file=sys.stderr)
        return Exit.INTERNAL_ERROR
