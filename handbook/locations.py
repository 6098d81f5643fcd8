"""Where things live: the shipped content, resources, and the user's cache for the index."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "veileder"


def _app_root() -> Path:
    """The folder holding content/ and resources/ (the repository, or a frozen build's folder)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """The content folder: $VEILEDER_CONTENT, a `content/` folder next to a frozen app, or the shipped one."""
    override = os.environ.get("VEILEDER_CONTENT")
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        beside = Path(sys.executable).parent / "content"
        if beside.is_dir():
            return beside
    return _app_root() / "content"


def resources_dir() -> Path:
    """Icons, styles and translations."""
    return _app_root() / "resources"


def cache_dir() -> Path:
    """The user's cache folder (the search index lives here, never in the install folder)."""
    override = os.environ.get("VEILEDER_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's settings folder."""
    override = os.environ.get("VEILEDER_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The user's log folder (the reader's log: start, content updates, errors – never what a user typed)."""
    override = os.environ.get("VEILEDER_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
