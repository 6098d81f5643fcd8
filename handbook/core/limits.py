"""Bounded reading of untrusted content: what a content file may be, and how large and deep.

Content can come from a shared folder, so every file is read as untrusted input. A file over a limit is
refused with a `path:line` problem and left out; everything else still loads. The limits (documented for
editors in README.md, "Limits"):

- only regular files are read: a folder, FIFO, device or a link to one (e.g. `/dev/zero` named `.md`) is
  refused without waiting for it;
- a content file (page, contact list, checklist, facts) is at most `MAX_FILE_BYTES`;
- a page's text is at most `MAX_PAGE_CHARS` characters, a line at most `MAX_LINE_CHARS`, a table at most
  `MAX_TABLE_ROWS` rows, lists and quotes nest at most `MAX_NESTING` levels deep (two spaces of
  indentation, a `>` or a list marker each count as a level), and a paragraph holds at most
  `MAX_INLINE_MARKS` emphasis marks (`*`, `_`) and at most as many `[`;
- control characters and direction overrides in a page's text are reported and removed;
- YAML may nest at most `MAX_YAML_DEPTH` levels and use at most `MAX_YAML_ALIASES` aliases (`*name`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import yaml

MAX_FILE_BYTES = 512 * 1024
MAX_PAGE_CHARS = 200_000
MAX_LINE_CHARS = 5_000
MAX_TABLE_ROWS = 300
MAX_NESTING = 16
MAX_INLINE_MARKS = 200
MAX_YAML_DEPTH = 32
MAX_YAML_ALIASES = 16


class RefusedFileError(OSError):
    """A content file that is not read: not a regular file, or too large."""


def read_bounded_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; RefusedFileError (an OSError) otherwise.

    The file is opened without blocking (a FIFO with no writer would wait for ever) and checked with
    fstat before a byte is read, so a FIFO or a link to a device is refused at once.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFileError(f"not a regular file ({_file_kind(info.st_mode)}): only ordinary files are read")
        if info.st_size > max_bytes:
            raise RefusedFileError(f"the file is {info.st_size:,} bytes; the limit is {max_bytes:,}".replace(",", " "))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 16, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise RefusedFileError(f"the file is larger than the limit of {max_bytes:,} bytes".replace(",", " "))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bounded_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `max_bytes` (OSError or UnicodeDecodeError otherwise)."""
    return read_bounded_bytes(path, max_bytes).decode("utf-8")


def is_regular_file(path: Path) -> bool:
    """True for a regular file (after following links); never opens it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


# ---------------------------------------------------------------------------- YAML


class YamlLimitError(yaml.MarkedYAMLError):
    """YAML refused before it is built: too deep, or too many aliases (an alias bomb)."""


_EVENT_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available


def _mark(event: yaml.Event) -> yaml.Mark | None:
    """Where an event starts (libyaml's marks carry the same line and column as PyYAML's)."""
    return cast("yaml.Mark | None", event.start_mark)


def check_yaml_shape(text: str) -> None:
    """Walk the YAML events (no objects built) and refuse deep nesting and many aliases.

    Raises YamlLimitError (a yaml.YAMLError with the line) so callers report it like invalid YAML.
    """
    depth = 0
    aliases = 0
    for event in yaml.parse(text, Loader=_EVENT_LOADER):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise YamlLimitError(problem=f"nested more than {MAX_YAML_DEPTH} levels deep",
                                     problem_mark=_mark(event))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise YamlLimitError(problem=f"more than {MAX_YAML_ALIASES} aliases (*name); write the values out",
                                     problem_mark=_mark(event))


# ---------------------------------------------------------------------------- Markdown

# Control characters (not tab or line breaks) and the bidirectional overrides that make text read differently
# from what it is ("Trojan source"): never shown, never printed to a terminal.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def invisible_characters(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """Lines holding control or direction-override characters: (1-based line, message), at most one a line."""
    for offset, line in enumerate(text.splitlines()):
        match = _INVISIBLE.search(line)
        if match:
            yield first_line + offset, (f"invisible control character U+{ord(match.group()):04X} in the text "
                                        "(removed when shown): delete it")


def remove_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_MARKERS = re.compile(r"^((?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]+\|[^\n]*$")


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def nesting_depth(line: str) -> int:
    """How deep a Markdown line nests lists and quotes: each 2 columns of indentation (a tab is 4), each `>`
    and each list marker at its start count one level (the Markdown library nests on as little as that)."""
    depth = _indent_width(line) // 2
    rest = line.lstrip(" \t")
    quotes = _QUOTES.match(rest)
    if quotes:
        depth += quotes.group(1).count(">")
        rest = rest[quotes.end():]
    markers = _MARKERS.match(rest)
    if markers:
        depth += len(re.findall(r"[-*+]|\d{1,9}[.)]", markers.group(1)))
    return depth


def markdown_problems(body: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """Where a Markdown body is over a limit: (1-based line, message), at most one message of each kind.

    A body within every limit renders in bounded time and depth; one over a limit is not rendered.
    """
    if len(body) > MAX_PAGE_CHARS:
        yield first_line, f"the text is {len(body):,} characters; the limit is {MAX_PAGE_CHARS:,}".replace(",", " ")
        return
    reported: set[str] = set()
    rows = 0
    marks = brackets = 0  # emphasis marks and '[' in the current paragraph
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        problem = ""
        if len(line) > MAX_LINE_CHARS:
            problem = "line"
            message = f"a line of {len(line):,} characters; the limit is {MAX_LINE_CHARS:,}".replace(",", " ")
            line = line[:MAX_LINE_CHARS]
        elif nesting_depth(line) > MAX_NESTING:
            problem, message = "nesting", f"lists or quotes nested more than {MAX_NESTING} levels deep"
        if "|" in line and _TABLE_ROW.match(line):
            rows += 1
            if rows > MAX_TABLE_ROWS + 1 and not problem:  # the rule line under the header is not a row
                problem, message = "table", f"a table with more than {MAX_TABLE_ROWS} rows; split it"
        else:
            rows = 0
        if line.strip():
            marks += line.count("*") + line.count("_")
            brackets += line.count("[")
            if (marks > MAX_INLINE_MARKS or brackets > MAX_INLINE_MARKS) and not problem:
                problem = "inline"
                message = f"more than {MAX_INLINE_MARKS} '*', '_' or '[' in one paragraph"
        else:
            marks = brackets = 0
        if problem and problem not in reported:
            reported.add(problem)
            yield number, message
