"""The subcommands of `python -m handbook`, one module each.

Each module defines NAME, HELP, `add_arguments(parser)` and `run(args) -> int`.
"""

MODULES = (
    "packs",
    "lint",
    "search",
    "index",
    "checklist",
    "practice",
    "export",
    "review",
    "bench",
    "pack",
)
