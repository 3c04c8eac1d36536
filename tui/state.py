"""What the app remembers between runs: theme, language and last section (no UI imports).

The state is a small JSON file under the XDG state directory. Reading never fails: anything
wrong gives the defaults and a notice for the reader. Writing is atomic (a temporary file in the
same directory, fsync, then `os.replace`), so a crash mid-write cannot leave half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tui.pack.model import LANGS

STATE_VERSION = 1
# A state file is a few hundred bytes; anything far larger is not ours, so it is not read whole.
MAX_STATE_BYTES = 64 * 1024


@dataclass
class UiState:
    """The remembered choices; None means "not chosen, use the default"."""

    theme: str | None = None
    lang: str | None = None
    section: str | None = None
    tree_width: int | None = None  # columns, set with `<` and `>`


def _notice(path: Path, reason: str) -> str:
    return f"Ignored the saved state in {path}: {reason}. Starting with the defaults."


def _parse(data: bytes) -> UiState | str:
    """The state in `data`, or the reason it is not a valid state."""
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    except json.JSONDecodeError as error:
        return f"it is not valid JSON (line {error.lineno}, column {error.colno})"
    except RecursionError:  # thousands of "[": json recurses once per level
        return "it is nested too deeply to be a state file"
    except ValueError as error:  # e.g. an integer longer than Python converts
        return f"it cannot be read as JSON ({error})"
    if not isinstance(document, dict):
        return "it is not a JSON object"
    version = document.get("version")
    if version != STATE_VERSION or isinstance(version, bool):
        return f"unknown version {version!r} (expected {STATE_VERSION})"
    values: dict[str, str | None] = {}
    for key in ("theme", "lang", "section"):
        value = document.get(key)
        if value is not None and not isinstance(value, str):
            return f'"{key}" should be a string or null, not {type(value).__name__}'
        values[key] = value
    if values["lang"] is not None and values["lang"] not in LANGS:
        return f'"lang" should be one of {", ".join(LANGS)}, not {values["lang"]!r}'
    tree_width = document.get("tree_width")
    if tree_width is not None and (type(tree_width) is not int or not 0 < tree_width < 1000):
        return f'"tree_width" should be a number of columns or null, not {tree_width!r}'
    return UiState(
        theme=values["theme"], lang=values["lang"], section=values["section"], tree_width=tree_width
    )


def load_state(path: Path) -> tuple[UiState, str | None]:
    """The saved state and a notice when it could not be used; never raises.

    A missing file is the normal first run: defaults and no notice.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return UiState(), None
    except OSError as error:
        return UiState(), _notice(path, error.strerror or str(error))
    # Checked before opening: a directory cannot be read, and a FIFO would block the start.
    if stat.S_ISDIR(info.st_mode):
        return UiState(), _notice(path, "it is a directory")
    if not stat.S_ISREG(info.st_mode):
        return UiState(), _notice(path, "it is not a regular file")
    if info.st_size > MAX_STATE_BYTES:
        return UiState(), _notice(path, f"it is larger than {MAX_STATE_BYTES} bytes")
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_STATE_BYTES + 1)
    except OSError as error:
        return UiState(), _notice(path, f"it cannot be read ({error.strerror or error})")
    parsed = _parse(data)
    if isinstance(parsed, str):
        return UiState(), _notice(path, parsed)
    return parsed, None


def state_json(state: UiState) -> str:
    """The file's text for `state`."""
    document: dict[str, object] = {
        "version": STATE_VERSION,
        "theme": state.theme,
        "lang": state.lang,
        "section": state.section,
    }
    if state.tree_width is not None:
        document["tree_width"] = state.tree_width
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def save_state(path: Path, state: UiState) -> str | None:
    """Write `state` atomically; an error message instead of raising, None on success."""
    data = state_json(state).encode("utf-8")
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            return f"Could not save the state to {path}: it is a directory."
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        return f"Could not save the state to {path}: {error.strerror or error}."
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return f"Could not save the state to {path}: {error.strerror or error}."
    _fsync_directory(directory)
    return None


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; best effort, as not every platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
