"""Decision checklists (placeholder until the checklist engine lands)."""

from __future__ import annotations

from handbook.core.content import Handbook
from handbook.errors import Issue


def lint_checklists(handbook: Handbook) -> list[Issue]:
    """Problems in the handbook's checklists."""
    return []
