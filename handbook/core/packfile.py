"""Content packs as single signed files: build, read, verify and compare them.

A pack file (`<pack>-<version>.vpack`) is a zip archive with three parts:

- `manifest.json`: pack id, base, language, version, build time, the SHA-256 of every file, the pages, contacts,
  checklists and practice cases it holds (each with a hash and title), and what changed since the previous
  version;
- `manifest.sig`: the publisher's Ed25519 signature over the exact bytes of `manifest.json`;
- `files/…`: the pack folder's files (`files/pack/…`); a national base pack also carries the facts register
  (`files/facts/…`), which every municipality's contacts and law sections are checked against.

Nothing in a pack file is trusted before `verify_pack` has checked the signature, every hash, that no file is
missing or extra, and that the content passes `lint`. Reading is bounded (file count, sizes, names).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from handbook.core.content import find_pack, packs_dir
from handbook.core.lint import lint
from handbook.core.lint_help import explain
from handbook.core.words import words_for
from handbook.core.yamlfile import load_yaml_text
from handbook.errors import HandbookError
from handbook.files import write_bytes_atomic

if TYPE_CHECKING:  # the signing library is imported only when a pack is signed or verified (a faster start)
    from handbook.core.signing import PublicKey

FORMAT = 1
SUFFIX = ".vpack"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_PACK_BYTES = 64 * 1024 * 1024  # a whole pack file
MAX_FILE_BYTES = 4 * 1024 * 1024  # one file inside it
MAX_FILES = 5_000
ALLOWED_SUFFIXES = (".md", ".yaml", ".yml", ".png", ".jpg", ".jpeg", ".svg", ".txt")
_NAME = re.compile(r"^(pack|facts)(/[A-Za-z0-9æøåÆØÅäöÄÖ_.-]+){1,4}$")
KINDS = ("pages", "contacts", "checklists", "practice")
Items = dict[str, dict[str, list[str]]]  # kind -> id -> [sha256, title]  (or kind -> what -> ids)


class PackError(HandbookError):
    """A pack that cannot be built, read or trusted; `problems` lists each reason in words an editor reads."""

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Manifest:
    """What a pack file says about itself (trusted only after `verify_pack`)."""

    pack: str
    name: str
    language: str
    base: str | None
    version: str
    built: str  # ISO 8601 time of the build, UTC
    key_id: str
    files: dict[str, str]  # name inside files/ -> sha256
    items: dict[str, dict[str, list[str]]]  # kind -> id -> [sha256, title]
    changes: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # kind -> added/changed/removed -> ids
    previous: str | None = None

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT, "pack": self.pack, "name": self.name, "language": self.language, "base": self.base,
            "version": self.version, "built": self.built, "key_id": self.key_id, "previous": self.previous,
            "files": self.files, "items": self.items, "changes": self.changes,
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PackError("manifestet er ikke gyldig JSON") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise PackError("manifestet har et ukjent format")
        try:
            files = {str(k): str(v) for k, v in dict(raw["files"]).items()}
            items = {str(kind): {str(i): [str(x) for x in v] for i, v in dict(ids).items()}
                     for kind, ids in dict(raw.get("items") or {}).items()}
            changes = {str(kind): {str(w): [str(x) for x in v] for w, v in dict(c).items()}
                       for kind, c in dict(raw.get("changes") or {}).items()}
            return cls(
                pack=str(raw["pack"]), name=str(raw.get("name") or raw["pack"]), language=str(raw["language"]),
                base=str(raw["base"]) if raw.get("base") else None, version=str(raw["version"]),
                built=str(raw["built"]), key_id=str(raw.get("key_id") or ""), files=files, items=items,
                changes=changes, previous=str(raw["previous"]) if raw.get("previous") else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PackError(f"manifestet mangler eller har feil felt ({exc})") from exc

    @property
    def label(self) -> str:
        return f"{self.pack} {self.version}"


@dataclass(frozen=True)
class PackFile:
    """A pack file's parts as read from disk (not yet verified)."""

    path: Path
    manifest_bytes: bytes
    signature: bytes
    files: dict[str, bytes]
    manifest: Manifest


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------- what a pack holds


def _regular_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink() or not path.is_file():
            continue
        if path.suffix.lower() in ALLOWED_SUFFIXES:
            found.append(path)
    return found


def source_files(content: Path, pack_id: str) -> dict[str, bytes]:
    """The files a pack of `pack_id` carries, by their name inside the pack, read from a content folder."""
    info = find_pack(content, pack_id)
    files: dict[str, bytes] = {}
    folders = [("pack", info.path)] + ([("facts", content / "facts")] if info.base is None else [])
    for prefix, folder in folders:
        for path in _regular_files(folder):
            name = f"{prefix}/{path.relative_to(folder).as_posix()}"
            if not _NAME.match(name):
                raise PackError(f"{path}: filnavnet kan ikke være med i en pakke (bruk bokstaver, tall, - og _)")
            data = path.read_bytes()
            if len(data) > MAX_FILE_BYTES:
                raise PackError(f"{path}: filen er større enn {MAX_FILE_BYTES // 1024 // 1024} MB")
            files[name] = data
    if len(files) > MAX_FILES:
        raise PackError(f"pakken har over {MAX_FILES} filer")
    return files


def _title_of(data: bytes, fallback: str) -> str:
    match = re.search(rb'^title:\s*"?(.+?)"?\s*$', data[:4096], re.MULTILINE)
    return match.group(1).decode("utf-8", "replace") if match else fallback


def items_of(files: dict[str, bytes]) -> dict[str, dict[str, list[str]]]:
    """The pages, contacts, checklists and practice cases in a pack's files, each id with a hash and a title."""
    items: dict[str, dict[str, list[str]]] = {kind: {} for kind in KINDS}
    for name, data in files.items():
        parts = name.split("/")
        if len(parts) == 3 and parts[0] == "pack" and parts[1] in ("pages", "checklists", "practice"):
            ident = parts[2].rsplit(".", 1)[0]
            items[parts[1]][ident] = [sha256(data), _title_of(data, ident)]
    contacts = files.get("pack/contacts.yaml")
    if contacts:
        try:
            rows = load_yaml_text(contacts.decode("utf-8"))  # the content reader: its limits hold here too
        except (yaml.YAMLError, UnicodeDecodeError):
            rows = None
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and row.get("id"):
                text = json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
                items["contacts"][str(row["id"])] = [sha256(text), str(row.get("name") or row["id"])]
    return items


def diff_items(old: Items, new: Items) -> Items:
    """What was added, changed and removed, per kind (ids, sorted); kinds without changes are left out."""
    result: dict[str, dict[str, list[str]]] = {}
    for kind in KINDS:
        before, after = old.get(kind, {}), new.get(kind, {})
        change = {
            "added": sorted(set(after) - set(before)),
            "changed": sorted(i for i in set(after) & set(before) if after[i][0] != before[i][0]),
            "removed": sorted(set(before) - set(after)),
        }
        if any(change.values()):
            result[kind] = change
    return result


def describe_changes(changes: dict[str, dict[str, list[str]]], titles: dict[str, dict[str, list[str]]],
                     old_titles: dict[str, dict[str, list[str]]] | None = None) -> list[str]:
    """Lines in Norwegian that say what changed ("Ny side: …"), for «Hva er nytt» and `pack diff`."""
    words = words_for("editor-words", "nb")  # resources/editor-words.yaml
    lines = []
    for kind in KINDS:
        for what in ("added", "changed", "removed"):
            for ident in changes.get(kind, {}).get(what, []):
                source = (old_titles or {}) if what == "removed" else titles
                title = source.get(kind, {}).get(ident, ["", ident])[1]
                lines.append(f"{words['change_' + what]} ({words['kind_' + kind]}): {title} [{ident}]")
    return lines


# ---------------------------------------------------------------------------- reading


def read_pack(path: Path) -> PackFile:
    """Read a pack file's parts with every limit applied; a PackError says what is wrong."""
    try:
        if path.is_symlink() or not path.is_file():
            raise PackError(f"{path}: er ikke en vanlig fil")
        if path.stat().st_size > MAX_PACK_BYTES:
            raise PackError(f"{path}: pakken er større enn {MAX_PACK_BYTES // 1024 // 1024} MB")
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_FILES + 2:
                raise PackError(f"{path}: pakken har for mange filer")
            parts: dict[str, bytes] = {}
            for info in infos:
                if info.is_dir():
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    raise PackError(f"{path}: {info.filename} er for stor")
                if info.filename in parts:
                    raise PackError(f"{path}: {info.filename} finnes to ganger")
                parts[info.filename] = archive.read(info)
    except PackError:
        raise
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, RuntimeError) as exc:
        raise PackError(f"{path}: pakken kan ikke leses (skadet eller avkortet fil)") from exc
    if MANIFEST not in parts or SIGNATURE not in parts:
        raise PackError(f"{path}: pakken mangler manifest eller signatur")
    files = {}
    for name, data in parts.items():
        if name in (MANIFEST, SIGNATURE):
            continue
        inner = name.removeprefix("files/")
        if inner == name or not _NAME.match(inner) or ".." in inner.split("/"):
            raise PackError(f"{path}: ulovlig filnavn i pakken: {name}")
        files[inner] = data
    manifest = Manifest.from_json(parts[MANIFEST])
    return PackFile(path, parts[MANIFEST], parts[SIGNATURE], files, manifest)


def read_manifest(path: Path) -> Manifest | None:
    """A pack file's manifest without verifying it (to sort candidates), or None when unreadable."""
    try:
        return read_pack(path).manifest
    except PackError:
        return None


# ---------------------------------------------------------------------------- content folders


def compose_content(base_content: Path, pack: PackFile, target: Path) -> Path:
    """A complete content folder in `target`: `base_content` with the pack's folder (and facts) put in."""
    shutil.copytree(base_content / "facts", target / "facts")
    shutil.copytree(packs_dir(base_content), packs_dir(target), symlinks=False)
    pack_folder = packs_dir(target) / pack.manifest.pack
    if pack_folder.exists():
        shutil.rmtree(pack_folder)
    if any(name.startswith("facts/") for name in pack.files):
        shutil.rmtree(target / "facts")
    for name, data in pack.files.items():
        prefix, rest = name.split("/", 1)
        dest = (pack_folder if prefix == "pack" else target / "facts") / rest
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return target


# ---------------------------------------------------------------------------- verifying


def verify_pack(path: Path, keys: list[PublicKey], base_content: Path) -> PackFile:
    """The pack, when its signature, hashes and lint all pass; otherwise a PackError listing every problem.

    `base_content` is the content the pack would land on (for an overlay, it holds the base pack it needs).
    """
    from handbook.core.signing import signed_by

    pack = read_pack(path)
    problems: list[str] = []
    if not keys:
        problems.append("ingen betrodde utgivernøkler er satt opp")
    elif signed_by(keys, pack.manifest_bytes, pack.signature) is None:
        problems.append("signaturen stemmer ikke med noen betrodd utgivernøkkel (feil nøkkel, eller endret manifest)")
    listed, present = set(pack.manifest.files), set(pack.files)
    for name in sorted(listed - present):
        problems.append(f"{name}: mangler i pakken")
    for name in sorted(present - listed):
        problems.append(f"{name}: står ikke i manifestet")
    for name in sorted(listed & present):
        if sha256(pack.files[name]) != pack.manifest.files[name]:
            problems.append(f"{name}: innholdet er endret etter at pakken ble signert (kontrollsummen stemmer ikke)")
    if "pack/pack.yaml" not in present:
        problems.append("pack/pack.yaml: mangler")
    if problems:
        raise PackError(f"{path.name}: pakken ble avvist", problems)
    with tempfile.TemporaryDirectory(prefix="veileder-verify-") as tmp:
        composed = compose_content(base_content, pack, Path(tmp) / "content")
        try:
            report = lint(composed, pack.manifest.pack)
        except HandbookError as exc:
            raise PackError(f"{path.name}: pakken ble avvist", [str(exc)]) from exc
        errors = [_inside(str(explain(issue)), composed) for issue in report.errors]
    if errors:
        raise PackError(f"{path.name}: pakken har feil i innholdet", errors)
    return pack


def _inside(text: str, root: Path) -> str:
    """A lint line with the temporary folder taken out, so it names the file as the editor knows it."""
    return text.replace(str(root) + "/", "").replace(str(root) + "\\", "")


# ---------------------------------------------------------------------------- building


def _version_of(content: Path, pack_id: str, today: dt.date) -> str:
    info = find_pack(content, pack_id)
    try:
        data: Any = load_yaml_text((info.path / "pack.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    version = data.get("version") if isinstance(data, dict) else None
    return str(version) if version else today.strftime("%Y.%m.%d")


def newest_pack(folder: Path, pack_id: str) -> tuple[Path, Manifest] | None:
    """The newest readable pack file for `pack_id` in a folder (not verified), by build time."""
    if not folder.is_dir():
        return None
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        manifest = read_manifest(path)
        if manifest is not None and manifest.pack == pack_id:
            found.append((manifest.built, path.name, path, manifest))
    if not found:
        return None
    _, _, path, manifest = max(found)
    return path, manifest


def build_pack(content: Path, pack_id: str, private_key_path: Path, out: Path,
               previous: Path | None = None, now: dt.datetime | None = None) -> tuple[Path, Manifest]:
    """Lint, then write a signed pack file for `pack_id` into `out`; a pack with lint errors is never built."""
    now = now or dt.datetime.now(dt.UTC)
    from handbook.core.signing import key_id, load_private_key, sign

    key = load_private_key(private_key_path)
    report = lint(content, pack_id)
    if report.errors:
        raise PackError(f"{pack_id}: pakken bygges ikke fordi innholdet har feil",
                        [str(explain(i)) for i in report.errors])
    info = find_pack(content, pack_id)
    files = source_files(content, pack_id)
    items = items_of(files)
    prev = read_pack(previous).manifest if previous else None
    if prev is None:
        found = newest_pack(out, pack_id)
        prev = found[1] if found else None
    version = _version_of(content, pack_id, now.date())
    if prev is not None and prev.version == version:
        version = f"{version}.{now.strftime('%H%M%S')}"
    manifest = Manifest(
        pack=pack_id, name=info.name, language=info.language, base=info.base, version=version,
        built=now.isoformat(timespec="seconds"), key_id=key_id(key.public_key()),
        files={name: sha256(data) for name, data in sorted(files.items())}, items=items,
        changes=diff_items(prev.items if prev else {}, items), previous=prev.version if prev else None,
    )
    manifest_bytes = manifest.to_json()
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{pack_id}-{version}{SUFFIX}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, sign(key, manifest_bytes))
        for name, data in sorted(files.items()):
            archive.writestr(f"files/{name}", data)
    write_bytes_atomic(target, buffer.getvalue())
    return target, manifest
