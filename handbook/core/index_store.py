"""Where the search index lives on disk, and how it is swapped in atomically (no Whoosh here).

Layout: `<cache>/index/<municipality>/<fingerprint>/` holds one complete index plus `veileder-index.json`
(the fingerprint and the size and BLAKE2 digest of every index file). A build happens in a hidden
`.build-*` folder beside it and becomes visible only through a single `rename`, so a reader never sees a
half-written index. A folder whose files do not match its manifest (truncated, garbage, missing) is
thrown away and rebuilt. The content folder is only ever read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from handbook.locations import cache_dir

MANIFEST = "veileder-index.json"
_BUILD_PREFIX = ".build-"
_TRASH_PREFIX = ".trash-"
_STALE_BUILD_SECONDS = 3600


def index_root(municipality: str, cache: Path | None = None) -> Path:
    """The folder holding the index builds of one municipality (under the user's cache folder)."""
    return (cache if cache is not None else cache_dir()) / "index" / municipality


def fingerprint_files(files: Iterable[Path], salt: str, root: Path | None = None) -> str:
    """A SHA-256 over `salt` and every file's name and bytes (an unreadable file counts as such).

    A file is named by its path relative to `root` when given, else by its folder and file name."""
    digest = hashlib.sha256(salt.encode("utf-8"))
    for path in files:
        name = path.relative_to(root).as_posix() if root is not None else f"{path.parent.name}/{path.name}"
        digest.update(b"\0file\0" + name.encode("utf-8") + b"\0")
        try:
            data = path.read_bytes()
        except OSError as exc:
            digest.update(f"unreadable:{type(exc).__name__}".encode())
            continue
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _index_files(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.is_file() and p.name != MANIFEST}


def write_manifest(folder: Path, fingerprint: str, extra: dict[str, object] | None = None) -> None:
    """Record the fingerprint and each index file's size and digest (the last step of a build)."""
    files = {
        name: {"size": path.stat().st_size, "blake2b": _file_digest(path)}
        for name, path in sorted(_index_files(folder).items())
    }
    manifest = {"fingerprint": fingerprint, "files": files, "built": time.time(), **(extra or {})}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def read_manifest(folder: Path) -> dict[str, object] | None:
    """The manifest of an index folder, or None when it is missing or unreadable."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_valid(folder: Path, fingerprint: str) -> bool:
    """True when the folder holds a complete index for this fingerprint, byte for byte as built."""
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("fingerprint") != fingerprint:
        return False
    expected = manifest.get("files")
    if not isinstance(expected, dict) or not expected:
        return False
    try:
        present = _index_files(folder)
        if set(present) != set(expected):
            return False
        for name, info in expected.items():
            path = present[name]
            if not isinstance(info, dict) or path.stat().st_size != info.get("size"):
                return False
            if _file_digest(path) != info.get("blake2b"):
                return False
    except OSError:
        return False
    return True


def discard(folder: Path) -> None:
    """Remove an index folder: first renamed aside (so it vanishes at once), then deleted."""
    if not folder.exists():
        return
    trash = folder.with_name(f"{_TRASH_PREFIX}{folder.name}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        folder.rename(trash)
    except OSError:
        trash = folder
    shutil.rmtree(trash, ignore_errors=True)


def ready_index(root: Path, fingerprint: str) -> Path | None:
    """The valid index folder for this fingerprint, or None (an invalid one is discarded)."""
    folder = root / fingerprint
    if not folder.is_dir():
        return None
    if is_valid(folder, fingerprint):
        return folder
    discard(folder)
    return None


def build_atomically(
    root: Path, fingerprint: str, build: Callable[[Path], dict[str, object] | None]
) -> Path:
    """Build an index with `build(folder)` in a temporary folder beside the final one, then rename it in.

    If another process finished the same build first, its folder is used and ours is dropped.
    """
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=_BUILD_PREFIX, dir=root))
    final = root / fingerprint
    try:
        extra = build(tmp)
        write_manifest(tmp, fingerprint, extra)
        if final.exists():
            discard(final)
        try:
            tmp.rename(final)
        except OSError:
            if not is_valid(final, fingerprint):
                raise
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def remove_others(root: Path, keep: Path) -> None:
    """Best effort: delete older builds, crashed temporary builds and trash beside `keep`."""
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if entry == keep or not entry.is_dir():
            continue
        if entry.name.startswith(_BUILD_PREFIX):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime < _STALE_BUILD_SECONDS:
                    continue  # maybe another process is building right now
        shutil.rmtree(entry, ignore_errors=True)
