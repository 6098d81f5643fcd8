"""Entry point of the portable build: seed the user's search-index cache from the shipped index, then start.

Started as `veileder-cli` (a second executable in the same folder) it is the command line instead.

The shipped index is copied into the user's cache folder only when the content beside the app is the content
it was built from; otherwise the app builds the index for the new content on first start. Nothing is ever
written to the app's own folder.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _seed() -> None:
    from handbook.core.prebuilt import seed_cache
    from handbook.locations import cache_dir, content_dir

    bundle = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))
    try:
        seed_cache(bundle / "prebuilt-index", content_dir(), cache_dir())
    except Exception as exc:  # never stop the app from starting: it can build the index itself
        print(f"veileder: could not use the shipped search index ({exc})", file=sys.stderr)


def _is_cli() -> bool:
    """True when started as `veileder-cli`: the command line (lint, review, export, pack …) instead of the reader."""
    return Path(sys.executable).stem.lower().endswith("-cli")


if __name__ == "__main__":
    if _is_cli():
        from handbook.cli import main as cli_main

        sys.exit(cli_main(sys.argv[1:]))
    _seed()
    from handbook.ui.app import main

    sys.exit(main(sys.argv))
