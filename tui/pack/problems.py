"""Problems with the content, and the log that collects them while a pack is loaded.

Every problem is reported compiler-style, `path:line:col: error: message`, and sorted by file,
then line. The wording helpers here make content safe to quote inside a message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Literal

from tui.pack.sanitize import sanitize

if TYPE_CHECKING:
    from tui.pack.locate import Locator

Severity = Literal["error", "warning"]
Key = str | int  # a key path step: a table key, or an index into an array of tables
KeyPath = tuple[Key, ...]


@dataclass(frozen=True)
class ContentProblem:
    """One error or warning about the content, with where it is."""

    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


# --- wording ------------------------------------------------------------------------------------


def safe(text: str, limit: int = 80) -> str:
    """`text` made printable for a message (content may hold escapes), shortened."""
    cleaned = sanitize(text)[0].replace("\n", "\\n")
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def quoted(value: object) -> str:
    return f'"{safe(str(value))}"'


def type_name(value: object) -> str:
    """What a TOML value is, in words: "an integer", "a table" …"""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _close_match(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only when a problem needs a suggestion: it costs start-up time

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = _close_match(word, choices)
    return f" (did you mean {close!r}?)" if close else ""


def suggest(word: str, choices: Iterable[str]) -> str:
    close = _close_match(word, choices)
    return f" (did you mean {quoted(close)}?)" if close else ""


# --- where a problem is -------------------------------------------------------------------------


@dataclass
class ContentFile:
    """A parsed content file: its name as shown, its rank in the run, and its line finder."""

    display: str
    rank: int
    locator: Locator


@dataclass
class Entry:
    """One top-level table of a file (`[pack]`, the Nth `[[fact]]` …) and its checked values."""

    kind: str
    file: ContentFile
    array: bool  # written as an array of tables, `[[kind]]`
    index: int  # position among the file's entries of this kind
    seq: int  # position in the whole pack (file order, then order in the file)
    values: dict[str, Any] = field(default_factory=dict)  # the keys that passed their checks
    given: frozenset[str] = frozenset()  # every key written in the file
    label: str = ""
    ok: bool = True


# --- the log ------------------------------------------------------------------------------------


class ProblemLog:
    """Every problem of one load, in the order they will be shown."""

    def __init__(self) -> None:
        self._problems: list[tuple[tuple[int, int, int, int], ContentProblem]] = []
        self.error_count = 0
        self.rank = 0  # the current file's position in the run; problems sort by it
        self.unparsed = 0  # files or folders that could not be read or parsed

    def add(
        self,
        path: str,
        line: int | None,
        column: int | None,
        severity: Severity,
        message: str,
        rank: int | None = None,
    ) -> None:
        order = (
            self.rank if rank is None else rank,
            line or 0,
            column or 0,
            len(self._problems),
        )
        self._problems.append((order, ContentProblem(path, line, column, severity, message)))
        if severity == "error":
            self.error_count += 1

    def sorted(self) -> list[ContentProblem]:
        return [problem for _, problem in sorted(self._problems, key=lambda item: item[0])]

    def at(self, entry: Entry, keys: KeyPath, severity: Severity, message: str) -> None:
        """A problem at `keys` inside `entry`, placed on its line."""
        where = entry.file.locator.locate(entry.kind, entry.array, entry.index, keys)
        line, column = where if where is not None else (None, None)
        self.add(entry.file.display, line, column, severity, message, entry.file.rank)
        if severity == "error":
            entry.ok = False

    def fail(self, entry: Entry, keys: KeyPath, message: str) -> None:
        """An error at `keys` inside `entry`, its message prefixed with what it is about."""
        self.at(entry, keys, "error", f"{describe(entry, keys)}: {message}")

    def line_of(self, entry: Entry, keys: KeyPath = ()) -> str:
        """`path:line` of `keys` inside `entry`, to name another place in a message."""
        where = entry.file.locator.locate(entry.kind, entry.array, entry.index, keys)
        return entry.file.display + (f":{where[0]}" if where else "")


def describe(entry: Entry, keys: KeyPath) -> str:
    """`[[fact]] #3 (id "x") key 'quote.speaker'`: what a message is about."""
    text = entry.label
    names: list[str] = []
    for key in keys:
        if isinstance(key, int):
            text += f" {'.'.join(names)} #{key + 1}"
            names = []
        else:
            names.append(safe(key))
    if names:
        text += f" key '{'.'.join(names)}'"
    return text
