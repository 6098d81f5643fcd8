"""Content packs: a national base plus a municipality overlay, read from Markdown and YAML files.

Loading never raises on bad content: a file that cannot be read becomes an `Issue` (file and line)
and is left out, so the reader carries on with the pages that are fine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from handbook.core.facts import Facts, confirmed_only, load_facts
from handbook.core.limits import (
    invisible_characters,
    is_regular_file,
    markdown_problems,
    read_bounded_text,
    remove_invisible,
)
from handbook.core.links import link_problems

# The shared words and the YAML reader, re-exported for modules that read content through this one.
from handbook.core.schema import AUDIENCES as AUDIENCES
from handbook.core.schema import ID_PATTERN as ID_PATTERN
from handbook.core.schema import KINDS as KINDS
from handbook.core.schema import LANGUAGES as LANGUAGES
from handbook.core.schema import as_date as as_date
from handbook.core.schema.pack import pack_issues, pack_language
from handbook.core.yamlfile import ContentLoader as ContentLoader
from handbook.core.yamlfile import load_yaml_text as load_yaml_text
from handbook.core.yamlfile import parse_document, read_document, read_reason, yaml_error_line, yaml_problem
from handbook.core.yamlfile import read_yaml as read_yaml
from handbook.errors import HandbookError, Issue


@dataclass(frozen=True)
class PackInfo:
    """A pack folder: a national base (no `base`) or a municipality overlay on a base."""

    id: str
    name: str
    language: str
    base: str | None
    path: Path

    @property
    def is_swedish(self) -> bool:
        return self.language == "sv"


@dataclass(frozen=True)
class Page:
    """One handbook page: front matter plus a Markdown body."""

    id: str
    title: str
    kind: str
    audience: tuple[str, ...]
    synonyms: tuple[str, ...]
    owner: str
    reviewed: dt.date | None
    sources: tuple[str, ...]
    related: tuple[str, ...]
    residents: bool
    body: str
    path: Path
    pack: str
    body_line: int  # 1-based line of the body's first line in the file
    meta: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of a front-matter field (or 1 when it is missing)."""
        return self.field_lines.get(key, 1)


@dataclass(frozen=True)
class Contact:
    """A service or phone line, with whether its number was verified."""

    id: str
    name: str
    helps_with: str
    verified: bool
    phone: str | None = None
    direct: str | None = None
    hours: str | None = None
    checked: str | None = None
    web: str | None = None
    email: str | None = None
    source: str | None = None
    note: str | None = None
    emergency: bool = False
    fallback: str | None = None  # a national contact to call while this one has no verified number
    path: Path = Path()
    line: int = 1
    pack: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Handbook:
    """What one municipality reads: base content with its overlay applied."""

    pack: PackInfo
    base: PackInfo | None
    pages: dict[str, Page]
    contacts: dict[str, Contact]
    synonyms: tuple[tuple[str, ...], ...]
    checklist_paths: dict[str, Path]
    files: tuple[Path, ...]
    issues: tuple[Issue, ...]

    @property
    def language(self) -> str:
        return self.pack.language

    @property
    def packs(self) -> tuple[PackInfo, ...]:
        return (self.base, self.pack) if self.base else (self.pack,)

    def fallback_for(self, contact: Contact) -> Contact | None:
        """The verified national contact to call while `contact` has no verified number (None when it has one,
        or when its `fallback` is missing, unknown or itself without a verified number)."""
        if contact.verified and contact.phone:
            return None
        other = self.contacts.get(contact.fallback or "")
        return other if other is not None and other.verified and other.phone else None

    def page(self, page_id: str) -> Page | None:
        return self.pages.get(page_id)

    def pages_of_kind(self, kind: str) -> list[Page]:
        return [p for p in self.pages.values() if p.kind == kind]


# ---------------------------------------------------------------------------- reading files


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v is not None)
    return (str(value),)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---\\nYAML\\n---\\nbody`; return (yaml, body, 1-based body line) or None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    return None


def read_page(path: Path, pack: str, issues: list[Issue]) -> Page | None:
    """Read one Markdown page with front matter; problems go to `issues`."""
    try:
        text = read_bounded_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(Issue(path, 1, "error", f"cannot read page: {read_reason(exc)}"))
        return None
    parts = split_front_matter(text)
    if parts is None:
        issues.append(Issue(path, 1, "error", "no front matter: the page must start with '---', YAML, '---'"))
        return None
    front, body, body_line = parts
    refused = [Issue(path, line, "error", f"page not shown: {message}")
               for line, message in markdown_problems(body, body_line)]
    if refused:
        issues.extend(refused)
        return None
    invisible = list(invisible_characters(body, body_line))
    if invisible:
        issues.extend(Issue(path, line, "error", message) for line, message in invisible[:20])
        body = remove_invisible(body)
    # Links outside the allow-list and pictures from outside the pack: the page loads, they show as text.
    issues.extend(Issue(path, line, "error", message)
                  for line, message in link_problems(body, body_line, (path.parent.parent,)))
    try:
        document = parse_document(front, first_line=2)  # one parse: the fields and their lines
    except yaml.YAMLError as exc:
        message = f"invalid YAML in front matter: {yaml_problem(exc)}"
        issues.append(Issue(path, yaml_error_line(exc) + 1, "error", message))
        return None
    meta = document.data
    if not isinstance(meta, dict):
        issues.append(Issue(path, 2, "error", "front matter must be a mapping of fields (id, title, …)"))
        return None
    lines = document.lines.top_level()
    page_id = str(meta.get("id") or path.stem)
    return Page(
        id=page_id,
        title=str(meta.get("title") or page_id),
        kind=str(meta.get("kind") or ""),
        audience=_as_tuple(meta.get("audience")),
        synonyms=_as_tuple(meta.get("synonyms")),
        owner=str(meta.get("owner") or ""),
        reviewed=as_date(meta.get("reviewed")),
        sources=_as_tuple(meta.get("sources")),
        related=_as_tuple(meta.get("related")),
        residents=bool(meta.get("residents", False)),
        body=body,
        path=path,
        pack=pack,
        body_line=body_line,
        meta=meta,
        field_lines=lines,
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_contacts(path: Path, pack: str, issues: list[Issue]) -> list[Contact]:
    """Read a pack's contacts.yaml (a list of mappings)."""
    document = read_document(path, issues)
    data = None if document is None else document.data
    if document is None or data is None:
        return []
    if not isinstance(data, list):
        issues.append(Issue(path, 1, "error", "contacts.yaml must be a list of contacts"))
        return []
    lines = document.lines
    contacts: list[Contact] = []
    for index, item in enumerate(data):
        line = lines.at(index)
        if not isinstance(item, dict) or not item.get("id"):
            issues.append(Issue(path, line, "error", "a contact must be a mapping with an id"))
            continue
        contacts.append(
            Contact(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                helps_with=str(item.get("helps_with") or ""),
                verified=item.get("verified") is True,
                phone=_opt_str(item.get("phone")),
                direct=_opt_str(item.get("direct")),
                hours=_opt_str(item.get("hours")),
                checked=_opt_str(item.get("checked")),
                web=_opt_str(item.get("web")),
                email=_opt_str(item.get("email")),
                source=_opt_str(item.get("source")),
                note=_opt_str(item.get("note")),
                emergency=item.get("emergency") is True,
                fallback=_opt_str(item.get("fallback")),
                path=path,
                line=line,
                pack=pack,
                raw=item,
            )
        )
    return contacts


def read_synonyms(path: Path, issues: list[Issue]) -> list[tuple[str, ...]]:
    """Read synonyms.yaml: a list of groups (lists of words or phrases)."""
    document = read_document(path, issues)
    data = None if document is None else document.data
    if document is None or data is None:
        return []
    if not isinstance(data, list):
        issues.append(Issue(path, 1, "error", "synonyms.yaml must be a list of groups, e.g. - [a, b]"))
        return []
    lines = document.lines
    groups: list[tuple[str, ...]] = []
    for index, group in enumerate(data):
        if not isinstance(group, list) or len(group) < 2:
            issues.append(Issue(path, lines.at(index), "error", "a synonym group must list at least two words"))
            continue
        groups.append(tuple(str(w).strip().lower() for w in group))
    return groups


# ---------------------------------------------------------------------------- packs


def packs_dir(content: Path) -> Path:
    return content / "packs"


def read_pack_info(folder: Path, issues: list[Issue]) -> PackInfo | None:
    """Read a pack's pack.yaml."""
    path = folder / "pack.yaml"
    if not path.is_file():
        issues.append(Issue(path, 1, "error", "missing pack.yaml"))
        return None
    document = read_document(path, issues)
    data = None if document is None else document.data
    if not isinstance(data, dict) or document is None:
        if data is not None:
            issues.append(Issue(path, 1, "error", "pack.yaml must be a mapping (id, name, language, base)"))
        return None
    language = pack_language(path, data, document.lines, issues)
    issues += pack_issues(path, data, document.lines)
    base = data.get("base")
    return PackInfo(
        id=folder.name,
        name=str(data.get("name") or folder.name),
        language=language,
        base=str(base) if base else None,
        path=folder,
    )


def list_packs(content: Path) -> list[PackInfo]:
    """All packs under content/packs, base packs first, then municipalities, each sorted by id."""
    root = packs_dir(content)
    if not root.is_dir():
        raise HandbookError(f"{root}: no content packs folder")
    infos = [read_pack_info(d, []) for d in sorted(root.iterdir()) if d.is_dir()]
    found = [i for i in infos if i is not None]
    return sorted(found, key=lambda p: (p.base is not None, p.id))


def find_pack(content: Path, pack_id: str) -> PackInfo:
    """The pack with this id, or a HandbookError naming the known ones."""
    packs = list_packs(content)
    for info in packs:
        if info.id == pack_id:
            return info
    known = ", ".join(p.id for p in packs)
    raise HandbookError(f"unknown municipality or pack '{pack_id}' (known: {known})")


def pack_files(info: PackInfo) -> list[Path]:
    """Every content file of a pack, in a stable order."""
    folder = info.path
    files = [folder / "pack.yaml"]
    files += sorted((folder / "pages").glob("*.md"))
    files += [folder / name for name in ("contacts.yaml", "synonyms.yaml") if (folder / name).is_file()]
    files += sorted((folder / "checklists").glob("*.yaml"))
    return [f for f in files if is_regular_file(f)]  # a FIFO or a link to a device is never opened


def _load_pack_into(
    info: PackInfo,
    pages: dict[str, Page],
    contacts: dict[str, Contact],
    synonyms: list[tuple[str, ...]],
    checklists: dict[str, Path],
    issues: list[Issue],
) -> None:
    for path in sorted((info.path / "pages").glob("*.md")):
        if _links_out_of_pack(path, info, issues):
            continue
        page = read_page(path, info.id, issues)
        if page is None:
            continue
        if page.id in pages and pages[page.id].pack == info.id:
            first = pages[page.id].path
            issues.append(Issue(path, page.line_of("id"), "error", f"duplicate page id '{page.id}' (also {first})"))
            continue
        pages[page.id] = page
    contacts_file = info.path / "contacts.yaml"
    if contacts_file.is_file():
        seen: set[str] = set()
        for contact in read_contacts(contacts_file, info.id, issues):
            if contact.id in seen:
                issues.append(Issue(contact.path, contact.line, "error", f"duplicate contact id '{contact.id}'"))
                continue
            seen.add(contact.id)
            replaced = contacts.get(contact.id)
            if replaced is not None and "fallback" not in contact.raw:  # the base's national fallback carries over
                contact = replace(contact, fallback=replaced.fallback)
            contacts[contact.id] = contact
    synonyms_file = info.path / "synonyms.yaml"
    if synonyms_file.is_file():
        synonyms.extend(read_synonyms(synonyms_file, issues))
    for path in sorted((info.path / "checklists").glob("*.yaml")):
        if not _links_out_of_pack(path, info, issues):
            checklists[path.stem] = path


def _links_out_of_pack(path: Path, info: PackInfo, issues: list[Issue]) -> bool:
    """True (with an issue) for a file that is a link to something outside its pack's folder: not read."""
    if not path.is_symlink():
        return False
    try:
        inside = info.path.resolve() in path.resolve().parents
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        issues.append(Issue(path, 1, "error", "a link to a file outside the pack is not read: copy the file in"))
    return not inside


def load_handbook(content: Path, municipality: str, facts: Facts | None = None) -> Handbook:
    """Load a municipality's handbook (or a base pack alone). Raises HandbookError only for an unknown id.

    `facts` is the register the contacts' numbers are confirmed against (read from `content` when not given)."""
    info = find_pack(content, municipality)
    issues: list[Issue] = []
    base: PackInfo | None = None
    if info.base:
        try:
            base = find_pack(content, info.base)
        except HandbookError as exc:
            issues.append(Issue(info.path / "pack.yaml", 1, "error", str(exc)))
        if base is not None and base.base:
            issues.append(Issue(info.path / "pack.yaml", 1, "error", f"base '{base.id}' is itself an overlay"))
            base = None
    pages: dict[str, Page] = {}
    contacts: dict[str, Contact] = {}
    synonyms: list[tuple[str, ...]] = []
    checklists: dict[str, Path] = {}
    files: list[Path] = []
    for pack in (base, info):
        if pack is None:
            continue
        _load_pack_into(pack, pages, contacts, synonyms, checklists, issues)
        files += pack_files(pack)
    ordered = dict(sorted(pages.items(), key=lambda kv: (KINDS.index(kv[1].kind) if kv[1].kind in KINDS else 99,
                                                           kv[1].title.lower())))
    return Handbook(
        pack=info,
        base=base,
        pages=ordered,
        contacts=confirmed_only(contacts, facts if facts is not None else load_facts(content)),
        synonyms=tuple(synonyms),
        checklist_paths=checklists,
        files=tuple(files),
        issues=tuple(issues),
    )
