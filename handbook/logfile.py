"""The reader's log file: `veileder.log` in the user's log folder, rotated (3 × 512 kB).

What goes in: start, content updates (installed or refused packs, with the reasons editors need), errors.
What never goes in: a search, an answer in a checklist, anything about a case or a person – the code logs none.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from handbook.locations import log_dir

LOG_NAME = "veileder.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3


def log_file() -> Path:
    """Where the log file is (for messages that tell the user where to look)."""
    return log_dir() / LOG_NAME


def start_log(folder: Path | None = None) -> Path | None:
    """Send the app's log records (level INFO and up) to the rotated log file; None when it cannot be written."""
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "veileder_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.veileder_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    from handbook import __version__

    logging.getLogger("veileder").info("Veileder %s startet", __version__)
    return folder / LOG_NAME
