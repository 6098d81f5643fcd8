"""Content updates from a packs folder: find, verify and install the newest good pack, keep the last good one.

IT sets a packs folder once (see `updates_config`): a network share, an intranet folder synced to the PC, or a
folder the software distribution fills. At start, and now and then, the app calls `refresh`:

1. for the national base and for the user's municipality (each on its own), the newest pack file in the folder
   that is newer than the installed one is verified (signature against the trusted keys, every hash, lint);
2. a pack that passes is copied into the user's cache (`packs/<id>.vpack`, through a temporary file and a rename);
   one that fails is reported (`Rejected`) and the installed pack stays in use;
3. the content the reader uses is the shipped content with the installed packs put in, written once per
   combination to `content/<fingerprint>/` in the cache (`effective_content`).

The base pack is verified against the shipped content; an overlay against the shipped content with the
installed base put in. A municipal overlay never replaces the national base. Nothing here needs the network
beyond reading the folder, and an unreachable folder leaves everything as it was.
"""

from __future__ import annotations

import configparser
import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.core.content import find_pack
from handbook.core.packfile import (
    MAX_PACK_BYTES,
    SUFFIX,
    Manifest,
    PackError,
    compose_content,
    describe_changes,
    diff_items,
    items_of,
    read_manifest,
    read_pack,
    source_files,
    verify_pack,
)
from handbook.errors import HandbookError
from handbook.files import write_bytes_atomic

if TYPE_CHECKING:  # the signing library is imported only when a packs folder is set up
    from handbook.core.signing import PublicKey

CONFIG_NAME = "veileder.ini"
NEWS_FILE = "news.json"


@dataclass(frozen=True)
class UpdatesConfig:
    """Where packs come from and which publisher keys are trusted (read from `veileder.ini`)."""

    folder: Path | None
    keys: tuple[PublicKey, ...]
    source: Path | None  # the settings file it came from
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """A pack file that was not installed, and why (for editors and the log; staff see no parser message)."""

    path: Path
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}: " + "; ".join(self.problems)


@dataclass(frozen=True)
class RefreshResult:
    """What one look at the packs folder did."""

    installed: tuple[Manifest, ...] = ()  # newly installed now
    rejected: tuple[Rejected, ...] = ()
    in_use: tuple[Manifest, ...] = ()  # installed packs in use after the refresh
    folder_missing: bool = False
    news: tuple[str, ...] = field(default=())


def policy_files() -> list[Path]:
    """The settings files IT may use, strongest first: $VEILEDER_SETTINGS, the machine-wide policy place, and
    `veileder.ini` beside the program."""
    found: list[Path] = []
    override = os.environ.get("VEILEDER_SETTINGS")
    if override:
        return [Path(override)]
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA")
        if program_data:
            found.append(Path(program_data) / "Veileder" / CONFIG_NAME)
    else:
        found.append(Path("/etc/veileder") / CONFIG_NAME)
    if getattr(sys, "frozen", False):
        found.append(Path(sys.executable).parent / CONFIG_NAME)
    return found


def updates_config(files: list[Path] | None = None) -> UpdatesConfig:
    """The packs folder and trusted keys from the first settings file that exists (relative paths are taken from
    that file's folder). Without one, updates are off."""
    for path in files if files is not None else policy_files():
        if not path.is_file():
            continue
        parser = configparser.ConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError) as exc:
            return UpdatesConfig(None, (), path, (f"{path}: kan ikke leses ({exc})",))
        section = parser["packs"] if parser.has_section("packs") else None
        if section is None or not section.get("folder"):
            return UpdatesConfig(None, (), path, (f"{path}: mangler [packs] folder = …",))
        from handbook.core.signing import load_public_key

        folder = path.parent / section["folder"]
        keys, problems = [], []
        for name in (section.get("keys") or "").replace(",", ";").split(";"):
            if name.strip():
                try:
                    keys.append(load_public_key(path.parent / name.strip()))
                except HandbookError as exc:
                    problems.append(str(exc))
        if not keys:
            problems.append(f"{path}: ingen betrodde nøkler (keys = utgiver.pub)")
        return UpdatesConfig(folder, tuple(keys), path, tuple(problems))
    return UpdatesConfig(None, (), None)


# ---------------------------------------------------------------------------- installed packs


def installed_dir(cache: Path) -> Path:
    return cache / "packs"


def installed_pack(cache: Path, pack_id: str) -> Path:
    return installed_dir(cache) / f"{pack_id}{SUFFIX}"


def installed_manifest(cache: Path, pack_id: str) -> Manifest | None:
    path = installed_pack(cache, pack_id)
    return read_manifest(path) if path.is_file() else None


def _candidates(folder: Path, pack_id: str) -> list[tuple[Manifest, Path]]:
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        manifest = read_manifest(path)
        if manifest is not None and manifest.pack == pack_id:
            found.append((manifest, path))
    return sorted(found, key=lambda mp: (mp[0].built, mp[1].name), reverse=True)


def _items_in_use(shipped: Path, cache: Path, pack_id: str) -> dict[str, dict[str, list[str]]]:
    manifest = installed_manifest(cache, pack_id)
    if manifest is not None:
        return manifest.items
    try:
        return items_of(source_files(shipped, pack_id))
    except HandbookError:
        return {}


def _install_one(folder: Path, pack_id: str, keys: list[PublicKey], shipped: Path, cache: Path,
                 on_base: Path) -> tuple[Manifest | None, list[Rejected], list[str]]:
    current = installed_manifest(cache, pack_id)
    rejected: list[Rejected] = []
    for manifest, path in _candidates(folder, pack_id):
        if current is not None and manifest.built <= current.built:
            break
        incoming = installed_dir(cache) / f".incoming-{pack_id}{SUFFIX}"
        try:
            write_bytes_atomic(incoming, _read_bounded(path))  # verify the very bytes that get installed
            pack = verify_pack(incoming, keys, on_base)
        except PackError as exc:
            incoming.unlink(missing_ok=True)
            rejected.append(Rejected(path, exc.problems or (str(exc),)))
            continue
        before = _items_in_use(shipped, cache, pack_id)
        os.replace(incoming, installed_pack(cache, pack_id))
        news = describe_changes(diff_items(before, pack.manifest.items), pack.manifest.items, before)
        return pack.manifest, rejected, news
    return None, rejected, []


def _read_bounded(path: Path) -> bytes:
    if path.is_symlink() or not path.is_file():
        raise PackError(f"{path}: er ikke en vanlig fil")
    if path.stat().st_size > MAX_PACK_BYTES:
        raise PackError(f"{path}: pakken er for stor")
    return path.read_bytes()


def refresh(shipped: Path, cache: Path, municipality: str, config: UpdatesConfig) -> RefreshResult:
    """Look at the packs folder once: install the newest good base and overlay packs; keep the last good ones."""
    if config.folder is None:
        return RefreshResult(in_use=tuple(installed_in_use(cache, shipped, municipality)))
    try:
        reachable = config.folder.is_dir()
    except OSError:
        reachable = False
    if not reachable:
        return RefreshResult(folder_missing=True, in_use=tuple(installed_in_use(cache, shipped, municipality)))
    installed: list[Manifest] = []
    rejected: list[Rejected] = []
    news: list[str] = []
    for pack_id in _pack_chain(shipped, cache, municipality):
        with tempfile.TemporaryDirectory(prefix="veileder-base-") as tmp:
            on_base = _content_without(shipped, cache, municipality, pack_id, Path(tmp))
            try:
                manifest, bad, lines = _install_one(config.folder, pack_id, list(config.keys), shipped, cache, on_base)
            except OSError as exc:
                rejected.append(Rejected(config.folder, (f"kan ikke lese eller skrive ({exc.strerror or exc})",)))
                continue
        rejected += bad
        if manifest is not None:
            installed.append(manifest)
            news += lines
    if news:
        _save_news(cache, installed, news)
    return RefreshResult(tuple(installed), tuple(rejected), tuple(installed_in_use(cache, shipped, municipality)),
                         news=tuple(news))


def _pack_chain(shipped: Path, cache: Path, municipality: str) -> list[str]:
    """The base pack id and the municipality's, base first (from the shipped content, or an installed overlay)."""
    try:
        info = find_pack(shipped, municipality)
        return [info.base, info.id] if info.base else [info.id]
    except HandbookError:
        manifest = installed_manifest(cache, municipality)
        if manifest is None:
            return []
        return [manifest.base, municipality] if manifest.base else [municipality]


def installed_in_use(cache: Path, shipped: Path, municipality: str) -> list[Manifest]:
    """The installed packs the municipality's content is read from (base first); empty: the shipped content."""
    found = []
    for pack_id in _pack_chain(shipped, cache, municipality):
        manifest = installed_manifest(cache, pack_id)
        if manifest is not None:
            found.append(manifest)
    return found


def _content_without(shipped: Path, cache: Path, municipality: str, pack_id: str, tmp: Path) -> Path:
    """The content a new `pack_id` pack lands on: the shipped content with the other installed packs put in."""
    others = [p for p in _pack_chain(shipped, cache, municipality) if p != pack_id]
    paths = [installed_pack(cache, p) for p in others if installed_pack(cache, p).is_file()]
    if not paths:
        return shipped
    return _compose(shipped, paths, tmp / "content")


def _compose(shipped: Path, packs: list[Path], target: Path) -> Path:
    current = shipped
    for index, path in enumerate(packs):
        step = target if index == len(packs) - 1 else target.parent / f"step{index}"
        compose_content(current, read_pack(path), step)
        current = step
    return current


def effective_content(shipped: Path, cache: Path, municipality: str) -> Path:
    """The content folder the reader uses: the shipped one, or a copy of it with the installed packs put in.

    Written once per combination (a fingerprint of the installed pack files) and replaced by a rename; a pack that
    can no longer be read falls back to the shipped content."""
    paths = [installed_pack(cache, p) for p in _pack_chain(shipped, cache, municipality)]
    paths = [p for p in paths if p.is_file()]
    if not paths:
        return shipped
    digest = hashlib.sha256(str(shipped.resolve()).encode())
    for path in paths:
        digest.update(path.read_bytes())
    target = cache / "content" / digest.hexdigest()[:20]
    if (target / "packs").is_dir():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".compose-", dir=target.parent) as tmp:
            composed = _compose(shipped, paths, Path(tmp) / "content")
            os.replace(composed, target)
    except (OSError, PackError, HandbookError):
        return shipped
    for old in (cache / "content").iterdir():
        if old.is_dir() and old != target and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return target


# ---------------------------------------------------------------------------- «Hva er nytt»


def _save_news(cache: Path, installed: list[Manifest], lines: list[str]) -> None:
    data = {"versions": [m.label for m in installed], "built": [m.built for m in installed], "lines": lines}
    with contextlib.suppress(OSError):
        write_bytes_atomic(installed_dir(cache) / NEWS_FILE, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def latest_news(cache: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The versions and the lines of the last content update («Hva er nytt»), or two empty tuples."""
    try:
        data = json.loads((installed_dir(cache) / NEWS_FILE).read_text(encoding="utf-8"))
        return tuple(str(v) for v in data["versions"]), tuple(str(line) for line in data["lines"])
    except (OSError, ValueError, KeyError, TypeError):
        return (), ()


def report_lines(result: RefreshResult, log: Callable[[str], None]) -> None:
    """Write what a refresh did to a log function (editors read the log; nothing about a case is in it)."""
    for manifest in result.installed:
        log(f"innholdspakke installert: {manifest.label} (bygget {manifest.built})")
    for bad in result.rejected:
        log(f"innholdspakke avvist: {bad}")
