"""The one YAML reader for content: data and the line of every key in one parse.

Every YAML file an editor writes (pack.yaml, contacts.yaml, synonyms.yaml, a page's front matter, a
checklist, a practice case, the facts) is read here with `ContentLoader`: a safe loader where only true/false
are booleans, and that checks the text's shape (`limits.check_yaml_shape`: depth, aliases) before anything
is built. `parse_document` composes the node tree once, builds the data from it and keeps a `LineMap`
(key path → 1-based line), so a problem can name its line without reading the file again. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.core.limits import check_yaml_shape, read_bounded_text
from handbook.errors import Issue

Key = str | int
KeyPath = tuple[Key, ...]

_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


class ContentLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """Safe loader where only true/false are booleans: `base: no` (Norway) and `nei` stay strings.

    Before anything is built, the text's shape is checked (`limits.check_yaml_shape`): deep nesting and
    alias bombs are refused with a YAML error that names the line.
    """

    def __init__(self, stream: Any) -> None:
        if isinstance(stream, str):
            check_yaml_shape(stream)
        super().__init__(stream)


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class LineMap:
    """1-based lines of every mapping key and sequence item of a YAML document, by key path.

    `duplicates` lists the keys written twice in one mapping (the later one wins in the data and here).
    """

    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[KeyPath, int]] = field(default_factory=list)

    @classmethod
    def of(cls, node: yaml.Node | None, first_line: int = 1) -> LineMap:
        """The lines of a composed node tree; `first_line` is the file line of the document's first line."""
        found = cls()
        if node is not None:
            found._walk(node, (), first_line - 1, set())
        return found

    def _walk(self, node: yaml.Node, path: KeyPath, shift: int, active: set[int]) -> None:
        # Recursion is bounded: `check_yaml_shape` refused deep nesting before the tree was built, and
        # `active` stops at an alias to a node that contains it (`&a [*a]`).
        if id(node) in active:
            return
        active.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                line = key.start_mark.line + 1 + shift
                if name in seen:
                    self.duplicates.append(((*path, name), line))
                seen.add(name)
                self.lines[(*path, name)] = line
                self._walk(value, (*path, name), shift, active)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = item.start_mark.line + 1 + shift
                self._walk(item, (*path, index), shift, active)
        active.discard(id(node))

    def at(self, *path: Key) -> int:
        """The line of `path`, or of its nearest ancestor that has one (1 when none has)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1

    def top_level(self) -> dict[str, int]:
        """The lines of the top-level mapping keys."""
        return {str(k[0]): v for k, v in self.lines.items() if len(k) == 1}

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self.lines)


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML data and the lines of its keys and items."""

    data: Any
    lines: LineMap


def parse_document(text: str, first_line: int = 1) -> YamlDocument:
    """Parse YAML text once into data and lines. Raises `yaml.YAMLError` (with its line) for bad YAML.

    `first_line` is the line in the file where `text` starts (2 for front matter after `---`).
    """
    loader = ContentLoader(text)  # checks the text's shape (depth, aliases) before anything is built
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return YamlDocument(data, LineMap.of(node, first_line))


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with the content loader (data only)."""
    return parse_document(text).data


def yaml_error_line(exc: yaml.YAMLError) -> int:
    """The 1-based line a YAML error points at (1 when unknown)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def yaml_problem(exc: yaml.YAMLError) -> str:
    """What is wrong, without the parser's decoration."""
    return str(getattr(exc, "problem", None) or exc).strip()


def read_reason(exc: BaseException) -> str:
    """Why a file could not be read, without the parser's or the OS's decoration."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)


def read_document(path: Path, issues: list[Issue], what: str = "file") -> YamlDocument | None:
    """Read and parse a YAML file (bounded, regular files only); on failure record an issue with the line
    («cannot read <what>: …» or «invalid YAML: …») and return None."""
    try:
        text = read_bounded_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(Issue(path, 1, "error", f"cannot read {what}: {read_reason(exc)}"))
        return None
    try:
        return parse_document(text)
    except yaml.YAMLError as exc:
        issues.append(Issue(path, yaml_error_line(exc), "error", f"invalid YAML: {yaml_problem(exc)}"))
        return None


def read_yaml(path: Path, issues: list[Issue]) -> Any:
    """Parse a YAML file's data; on failure record an issue with the line and return None."""
    document = read_document(path, issues)
    return None if document is None else document.data
