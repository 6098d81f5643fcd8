"""The yearly review: one period and one rule for when content is overdue, used by everything that asks.

Pages, checklists and practice cases carry `reviewed:` (an ISO date); a contact carries `checked:`. Content
reviewed more than `REVIEW_DAYS` ago, or never, is overdue; a review date in the future is an error. Lint, the
review report, the reader's «due for review» mark and the exported site all ask here. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbook.errors import Issue

REVIEW_DAYS = 365  # the yearly review


def due_date(reviewed: dt.date | None) -> dt.date | None:
    """When the next review is due (None when never reviewed)."""
    return reviewed + dt.timedelta(days=REVIEW_DAYS) if reviewed else None


def days_overdue(reviewed: dt.date | None, today: dt.date) -> int:
    """Days past the due date (0 when not late or never reviewed)."""
    due = due_date(reviewed)
    return max((today - due).days, 0) if due else 0


def is_overdue(reviewed: dt.date | None, today: dt.date | None = None) -> bool:
    """True when the yearly review is late: more than `REVIEW_DAYS` ago, or never."""
    if reviewed is None:
        return True
    return ((today or dt.date.today()) - reviewed).days > REVIEW_DAYS


def review_issues(path: Path, line: int, reviewed: dt.date | None, today: dt.date) -> list[Issue]:
    """A review date in the future is an error; one more than 12 months old is a warning (none when unset)."""
    if reviewed is None:
        return []
    if reviewed > today:
        return [Issue(path, line, "error", f"reviewed date {reviewed} is in the future")]
    if is_overdue(reviewed, today):
        return [Issue(path, line, "warning",
                      f"last reviewed {reviewed}: more than 12 months ago, due for the yearly review")]
    return []
