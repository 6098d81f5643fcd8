"""The schema of pack.yaml: a pack's id (its folder's name), name, language and base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook.core.schema.common import LANGUAGES
from handbook.core.yamlfile import LineMap
from handbook.errors import Issue


def pack_language(path: Path, data: dict[Any, Any], lines: LineMap, issues: list[Issue]) -> str:
    """The pack's language (bokmål, with an issue, when it is not one of LANGUAGES)."""
    language = str(data.get("language") or "")
    if language not in LANGUAGES:
        issues.append(Issue(path, lines.at("language"), "error", f"language must be one of {', '.join(LANGUAGES)}"))
        return "nb"
    return language


def pack_issues(path: Path, data: dict[Any, Any], lines: LineMap) -> list[Issue]:
    """The rules of pack.yaml beyond its language: the id equals the folder's name."""
    folder = path.parent.name
    if str(data.get("id") or folder) != folder:
        return [Issue(path, lines.at("id"), "error", f"id must equal the folder name '{folder}'")]
    return []
