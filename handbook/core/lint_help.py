"""Lint's problems in Norwegian with how to fix them, from `resources/lint-help.nb.yaml` (data editors can change)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbook.core.words import words_for
from handbook.core.yamlfile import read_yaml
from handbook.errors import Issue
from handbook.locations import resources_dir


@dataclass(frozen=True)
class Explained:
    """One problem as an editor reads it: where, what is wrong and what to do."""

    issue: Issue
    text: str
    fix: str

    def __str__(self) -> str:
        words = words_for("editor-words", "nb")
        where = f"{self.issue.path}:{self.issue.line}"
        fix = f" – {words['how_to_fix']}: {self.fix}" if self.fix else ""
        return f"{where}: {words.get('level_' + self.issue.level, self.issue.level)}: {self.text}{fix}"


@cache
def _rules(path: Path) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    data = read_yaml(path, [])  # the one YAML reader; a missing or broken file gives no help, not a crash
    rules = []
    for row in data if isinstance(data, list) else []:
        if isinstance(row, dict) and row.get("pattern") and row.get("text"):
            try:
                rules.append((re.compile(str(row["pattern"])), str(row["text"]), str(row.get("fix") or "")))
            except re.error:
                continue
    return tuple(rules)


def _fill(template: str, match: re.Match[str]) -> str:
    return re.sub(r"\{(\d)\}", lambda m: match.group(int(m.group(1))) or "", template)


def explain(issue: Issue, rules_file: Path | None = None) -> Explained:
    """The problem in Norwegian with a fix, or lint's own words when no rule matches."""
    for pattern, text, fix in _rules(rules_file or resources_dir() / "lint-help.nb.yaml"):
        match = pattern.search(issue.message)
        if match:
            return Explained(issue, _fill(text, match), _fill(fix, match))
    return Explained(issue, issue.message, "")
