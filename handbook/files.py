"""Small file-system helpers shared by the exports."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def default_mode(directory: bool = False) -> int:
    """The mode a new file (0o644) or folder (0o755) gets under the user's umask (here: the usual 022).

    Atomic writes go through `tempfile.mkstemp`/`mkdtemp`, which are private (0600/0700); an exported
    handbook is meant to be shared, so it gets the ordinary mode before it is renamed into place."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask


def check_replaceable(path: Path) -> None:
    """OSError unless `path` is missing or an ordinary file the user may write: a write-protected file (or a
    folder, a device) is never replaced behind the user's back, although a rename in its folder could."""
    if not path.exists():
        return
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL, "is not an ordinary file",
                      str(path))
    if not (info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is write-protected", str(path))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename: all of it or nothing.

    Raises OSError when the folder cannot be written or the file is write-protected; the target is then left as
    it was."""
    check_replaceable(path)
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
