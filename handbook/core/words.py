"""Editor-facing words kept in resources, not in Python: the checklist summary's and the practice case's
labels (`resources/checklist-labels.yaml`, `resources/practice-labels.yaml`).

A words file maps a language (nb, sv, en) to key → text. Missing keys in a language fall back to bokmål,
so a new word needs only the bokmål line to work. No Qt here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from handbook.core.yamlfile import read_document
from handbook.errors import HandbookError, Issue
from handbook.locations import resources_dir

BASE_LANGUAGE = "nb"


def read_words(path: Path) -> tuple[dict[str, dict[str, str]], list[Issue]]:
    """A words file's tables by language, and what is wrong with it (file and line)."""
    issues: list[Issue] = []
    document = read_document(path, issues, what="words file")
    if document is None:
        return {}, issues
    data, lines = document.data, document.lines
    if not isinstance(data, dict) or not isinstance(data.get(BASE_LANGUAGE), dict):
        return {}, [Issue(path, 1, "error", f"a words file maps languages ({BASE_LANGUAGE}, sv, …) to key: text")]
    tables: dict[str, dict[str, str]] = {}
    for language, table in data.items():
        if not isinstance(table, dict):
            issues.append(Issue(path, lines.at(str(language)), "error", f"'{language}' must map keys to text"))
            continue
        words: dict[str, str] = {}
        for key, text in table.items():
            if not isinstance(text, str) or not text.strip():
                issues.append(Issue(path, lines.at(str(language), str(key)), "error",
                                    f"'{language}.{key}' must be a text"))
                continue
            words[str(key)] = text
        tables[str(language)] = words
    base = tables.get(BASE_LANGUAGE, {})
    return {language: {**base, **words} for language, words in tables.items()}, issues


@cache
def shipped_words(name: str) -> dict[str, dict[str, str]]:
    """The words of `resources/<name>.yaml` (read once). HandbookError, naming file and line, when broken."""
    path = resources_dir() / f"{name}.yaml"
    tables, issues = read_words(path)
    errors = [i for i in issues if i.is_error]
    if errors:
        raise HandbookError("\n".join(str(i) for i in errors))
    return tables


def words_for(name: str, language: str) -> dict[str, str]:
    """The words of a resource in a language (nn and unknown languages use bokmål)."""
    tables = shipped_words(name)
    return tables.get(language) or tables[BASE_LANGUAGE]
