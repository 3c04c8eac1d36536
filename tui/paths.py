"""Where the shipped content, the user's state, config and cache live (no UI imports)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "moscow-tui"
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_content_dir() -> Path:
    """The content shipped with the program.

    The wheel carries it inside the package (`tui/content`); a source checkout or an editable
    install reads the top-level `content/` beside the package.
    """
    packaged = _PACKAGE_DIR / "content"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "content"


def _xdg_dir(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The XDG spec says relative paths in these variables are invalid and must be ignored.
    base = Path(value) if value and os.path.isabs(value) else Path.home() / fallback
    return base / APP_NAME


def state_dir() -> Path:
    return _xdg_dir("XDG_STATE_HOME", ".local/state")


def config_dir() -> Path:
    return _xdg_dir("XDG_CONFIG_HOME", ".config")


def cache_dir() -> Path:
    """Where the validated pack is cached (`tui.pack.cache`): XDG_CACHE_HOME/moscow-tui."""
    return _xdg_dir("XDG_CACHE_HOME", ".cache")


def state_file() -> Path:
    return state_dir() / "state.json"
