"""Problems found in content, and the CLI's named exit codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class Exit(IntEnum):
    """Exit codes of `python -m handbook`."""

    OK = 0
    CONTENT_ERRORS = 1
    USAGE = 2
    NOT_FOUND = 3
    NO_DISPLAY = 4
    FILE_ERROR = 5  # a file or folder could not be read or written
    INTERNAL_ERROR = 6  # a fault in Veileder itself: the message asks the user to report it
    INTERRUPTED = 130  # Ctrl+C


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a content file, printed as `path:line: level: message`."""

    path: Path
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        # Messages quote content: never let its control characters reach a terminal or a dialog.
        return _INVISIBLE.sub("\ufffd", f"{self.path}:{self.line}: {self.level}: {self.message}")

    @property
    def is_error(self) -> bool:
        return self.level == "error"


class HandbookError(Exception):
    """A failure the user can act on (unknown municipality, unreadable folder, …)."""


class WriteError(HandbookError):
    """A file or folder could not be written (full disk, no permission, read-only share)."""
