"""Small file-system helpers shared by the exports."""

from __future__ import annotations

import os


def default_mode(directory: bool = False) -> int:
    """The mode a new file (0o644) or folder (0o755) gets under the user's umask (here: the usual 022).

    Atomic writes go through `tempfile.mkstemp`/`mkdtemp`, which are private (0600/0700); an exported
    handbook is meant to be shared, so it gets the ordinary mode before it is renamed into place."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask
