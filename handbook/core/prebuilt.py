"""A search index built at packaging time and shipped inside the portable app, so the first start is fast.

The build runs `search.open_index` for every pack into a staging folder laid out like the user's cache
(`index/<municipality>/<fingerprint>/`) and records a digest of the content it was built from. At start, the
frozen app copies the shipped index into the user's cache – only when the content beside the app is still
the content it was built from, and only what the cache lacks. When the municipality has replaced the content,
nothing is copied: the fingerprint differs and the app builds a fresh index for the new content in the
user's cache (the install folder is never written). No Qt here.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from handbook.core.content import list_packs, load_handbook
from handbook.core.index_store import fingerprint_files

DIGEST_FILE = "veileder-prebuilt.json"


def content_digest(content: Path) -> str:
    """A SHA-256 over every file under the content folder (relative path and bytes), in a stable order."""
    files = sorted(
        p for p in content.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)
    )
    return fingerprint_files(files, "veileder-content/1", root=content)


def build_prebuilt(content: Path, target: Path) -> list[str]:
    """Build the index of every pack into `target` (emptied first); returns the pack ids."""
    from handbook.core.search import open_index  # Whoosh is needed only here, at build time

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    built = []
    for info in list_packs(content):
        handbook = load_handbook(content, info.id)
        open_index(handbook, cache=target, rebuild=True)
        built.append(info.id)
    (target / DIGEST_FILE).write_text(
        json.dumps({"content_digest": content_digest(content), "packs": built}, indent=1), encoding="utf-8"
    )
    return built


def seed_cache(prebuilt: Path, content: Path, cache: Path) -> list[str]:
    """Copy the shipped index folders the user's cache lacks, if `content` is what they were built from.

    Returns the `<municipality>/<fingerprint>` folders copied. Never raises on I/O problems: without a seeded
    cache the app simply builds the index itself.
    """
    try:
        recorded = json.loads((prebuilt / DIGEST_FILE).read_text(encoding="utf-8"))
        if recorded.get("content_digest") != content_digest(content):
            return []
    except (OSError, ValueError, AttributeError):
        return []
    copied: list[str] = []
    source_root = prebuilt / "index"
    if not source_root.is_dir():
        return []
    for folder in sorted(p for p in source_root.glob("*/*") if p.is_dir() and not p.name.startswith(".")):
        municipality, fingerprint = folder.parent.name, folder.name
        destination = cache / "index" / municipality / fingerprint
        if destination.exists():
            continue
        staging: Path | None = None
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".build-seed-", dir=destination.parent))
            shutil.copytree(folder, staging, dirs_exist_ok=True)
            staging.rename(destination)
            copied.append(f"{municipality}/{fingerprint}")
        except OSError:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    return copied
