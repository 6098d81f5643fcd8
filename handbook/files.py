"""Small file-system helpers shared by the exports."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def default_mode(directory: bool = False) -> int:
    """The mode a new file (0o644) or folder (0o755) gets under the user's umask (here: the usual 022).

    Atomic writes go through `tempfile.mkstemp`/`mkdtemp`, which are private (0600/0700); an exported
    handbook is meant to be shared, so it gets the ordinary mode before it is renamed into place."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename: all of it or nothing.

    Raises OSError when the folder cannot be written; the target is then left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, default_mode())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
