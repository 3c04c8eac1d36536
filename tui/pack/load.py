"""Load a content pack from TOML files, or explain precisely why it cannot be loaded.

`load_pack` reads every `*.toml` file directly inside each content folder (not subfolders; names
starting with "." are editor files and are ignored), in name order, and checks them against the
schema of `tui.pack.spec`. Every problem of the run is reported compiler-style
(`path:line:col: error: message`); a pack is returned only when there is no error. It never
raises, whatever the folder holds. No Textual or Rich import here.
"""

from __future__ import annotations

import bisect
import errno
import functools
import gc
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from tui.pack.model import (
    Basis,
    Fact,
    FactKind,
    Localized,
    Pack,
    Qualifier,
    Quote,
    Section,
    Series,
    SeriesPoint,
    Source,
)
from tui.pack.sanitize import sanitize
from tui.pack.spec import (
    ENTRIES,
    LANGUAGE_PATTERN,
    LOCALIZED,
    PATH_PATTERN,
    SLUG_PATTERN,
    URL_PATTERN,
    YEAR_MAX,
    YEAR_MIN,
    FieldSpec,
    TableSpec,
)
from tui.paths import default_content_dir

MAX_FILE_BYTES: int = 32 * 1024 * 1024

Severity = Literal["error", "warning"]
Key = str | int  # a key path step: a table key, or an index into an array of tables
KeyPath = tuple[Key, ...]

_SLUG = re.compile(SLUG_PATTERN)
_PATH = re.compile(PATH_PATTERN)
_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


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


@dataclass
class LoadResult:
    """The pack (None when there is any error), every problem found, and the files read."""

    pack: Pack | None
    problems: list[ContentProblem]
    files: list[Path]

    @property
    def errors(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def load_pack(dirs: Sequence[Path] | None = None) -> LoadResult:
    """Load the pack made of every `*.toml` file in `dirs` (default: the shipped content)."""
    folders = [default_content_dir()] if dirs is None else [Path(d) for d in dirs]
    loader = _Loader()
    # A large pack allocates millions of objects and no garbage cycles: without this, the cyclic
    # collector would scan the growing heap again and again (a third of the time at 100k facts).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return loader.run(folders)
    except Exception as exc:  # a bug here must not become a traceback for the reader
        loader.problem(
            _safe(str(folders[0]) if folders else "<content>"),
            None,
            None,
            "error",
            f"internal error while loading: {type(exc).__name__}: {_safe(str(exc))}",
        )
        return LoadResult(None, loader.sorted_problems(), loader.files)
    finally:
        if collecting:
            gc.enable()


# --- text helpers -------------------------------------------------------------------------------


def _safe(text: str, limit: int = 80) -> str:
    """`text` made printable for a message (content may hold escapes), shortened."""
    cleaned = sanitize(text)[0].replace("\n", "\\n")
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _q(value: object) -> str:
    return f'"{_safe(str(value))}"'


def _type_name(value: object) -> str:
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


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = _close_match(word, choices)
    return f" (did you mean {close!r}?)" if close else ""


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = _close_match(word, choices)
    return f" (did you mean {_q(close)}?)" if close else ""


# --- fast checks -------------------------------------------------------------------------------

# A fast check returns the checked value of a plainly valid raw value, or _SLOW for anything
# else: `_Loader.check_value` then checks it again and reports the problem. Keeping every message
# in one place means the fast path can never word an error differently.
_SLOW: Any = object()
FastCheck = Callable[[Any], Any]


def _fast_text(raw: Any) -> Any:
    # isprintable: no control, bidi or zero-width character (nothing to sanitise), no newline;
    # isspace is False for "" too, hence the explicit emptiness test.
    if type(raw) is str and raw and raw.isprintable() and not raw.isspace():
        return raw
    return _SLOW


def _fast_pattern(pattern: re.Pattern[str], printable: bool) -> FastCheck:
    match = pattern.match

    def check(raw: Any) -> Any:
        if type(raw) is str and match(raw) and (not printable or raw.isprintable()):
            return raw
        return _SLOW

    return check


def _fast_enum(choices: tuple[str, ...]) -> FastCheck:
    allowed = frozenset(choices)

    def check(raw: Any) -> Any:
        return raw if type(raw) is str and raw in allowed else _SLOW

    return check


def _fast_integer(raw: Any) -> Any:
    return raw if type(raw) is int else _SLOW


def _fast_year(raw: Any) -> Any:
    return raw if type(raw) is int and YEAR_MIN <= raw <= YEAR_MAX else _SLOW


def _fast_number(raw: Any) -> Any:
    kind = type(raw)
    if kind is float:
        return raw if math.isfinite(raw) else _SLOW
    if kind is int and -_FLOAT_INT_LIMIT < raw < _FLOAT_INT_LIMIT:
        return float(raw)
    return _SLOW


_FLOAT_INT_LIMIT = 2**1023  # every int of smaller magnitude converts to a finite float


def _fast_date(raw: Any) -> Any:
    return raw if type(raw) is date else _SLOW


def _fast_localized(raw: Any) -> Any:
    if type(raw) is dict and len(raw) == 2:
        ru: Any = raw.get("ru")
        en: Any = raw.get("en")
        if _fast_text(ru) is not _SLOW and _fast_text(en) is not _SLOW:
            return Localized(ru, en)
    return _SLOW


def _fast_none(raw: Any) -> Any:
    return _SLOW


def _fast_check(spec: FieldSpec) -> FastCheck:
    kind = spec.kind
    if kind == "text":
        return _fast_text
    if kind == "url":
        return _fast_pattern(_URL, printable=True)
    if kind in ("language", "slug", "path"):
        pattern = {"language": _LANGUAGE, "slug": _SLUG, "path": _PATH}[kind]
        return _fast_pattern(pattern, printable=False)
    if kind == "enum":
        return _fast_enum(spec.enum)
    if kind == "integer":
        return _fast_integer
    if kind == "year":
        return _fast_year
    if kind == "number":
        return _fast_number
    if kind == "date":
        return _fast_date
    if kind == "localized":
        return _fast_localized
    return _fast_none  # tables and arrays: check_value recurses into check_table


@dataclass(frozen=True)
class _CompiledTable:
    """Per-table lookups made once: each key's spec and fast check, the required keys."""

    checkers: dict[str, tuple[FieldSpec, FastCheck]]
    required: tuple[str, ...]
    refs: tuple[FieldSpec, ...]  # fields naming another entry, and arrays of tables to descend


_COMPILED: dict[int, tuple[TableSpec, _CompiledTable]] = {}


def _compiled(table: TableSpec) -> _CompiledTable:
    # Keyed by identity: hashing a frozen TableSpec would hash its whole nested tree each time.
    found = _COMPILED.get(id(table))
    if found is not None and found[0] is table:
        return found[1]
    compiled = _CompiledTable(
        checkers={spec.name: (spec, _fast_check(spec)) for spec in table.fields},
        required=tuple(spec.name for spec in table.fields if spec.required),
        refs=tuple(
            spec
            for spec in table.fields
            if spec.ref is not None or (spec.kind == "array" and spec.table is not None)
        ),
    )
    _COMPILED[id(table)] = (table, compiled)
    return compiled


# --- finding lines in the raw text --------------------------------------------------------------

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:\\.|[^"\\\n])*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?")
_KEY_LINE = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")
_KEY_PART = re.compile(_KEY)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# The rest of a line holding one simple value (a string on one line, a number, a date …) and
# maybe a comment: most lines of content, skipped without tokenising.
_SIMPLE_REST = re.compile(
    r"""[ \t]*(?:"(?:[^"\\\n]|\\.)*"(?!")|'[^'\n]*'(?!')|[^\s"'\[{#][^\n#]*)?"""
    r"[ \t]*(?:#[^\n]*)?(?:\n|$)"
)
_TOKEN = re.compile(
    r'''(?P<ml>"""(?:\\[\s\S]|[^\\])*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\'))'''
    r"""|(?P<str>"(?:\\.|[^"\\\n])*"?|'[^'\n]*'?)"""
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    r"|(?P<nl>\n)"
)


@functools.lru_cache(maxsize=1024)
def _key_names(dotted: str) -> tuple[str, ...]:
    if _BARE_KEY.fullmatch(dotted):
        return (dotted,)
    names = []
    for match in _KEY_PART.finditer(dotted):
        part = match.group()
        names.append(part[1:-1] if part[:1] in "\"'" else part)
    return tuple(names)


@dataclass
class _Header:
    offset: int
    names: tuple[str, ...]
    array: bool


@dataclass
class _KeyLine:
    offset: int
    names: tuple[str, ...]
    header: int  # index of the table header it is under, -1 at the root
    end: int = -1  # where its value ends
    items: list[tuple[int, int]] = field(default_factory=list)  # inline tables of an array value


class _Locator:
    """Line numbers for key paths, found by scanning the raw text once (on first use).

    tomli gives no positions for values, so a schema error is placed by finding the entry's
    table header (the Nth `[[fact]]`), then the key's line inside that table, or the Nth inline
    table inside an array like `points = [...]`. Strings, comments and multi-line arrays are
    skipped so a "[" inside them is not taken for a header.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._built = False
        self.line_starts: list[int] = []
        self.headers: list[_Header] = []
        self.keys: list[_KeyLine] = []
        self.keys_under: dict[int, list[_KeyLine]] = {}
        self.entry_headers: dict[tuple[str, bool], list[int]] = {}

    def _build(self) -> None:
        self._built = True
        text = self.text
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        stack: list[str] = []
        current: _KeyLine | None = None
        pos = 0
        at_line_start = True
        while pos < len(text):
            if at_line_start and not stack:
                at_line_start = False
                header = _HEADER.match(text, pos)
                if header is not None:
                    is_array = header.group(1) == "[["
                    names = _key_names(header.group(2))
                    index = len(self.headers)
                    self.headers.append(_Header(header.start(1), names, is_array))
                    if len(names) == 1:
                        self.entry_headers.setdefault((names[0], is_array), []).append(index)
                    current = None
                    pos = header.end()
                    continue
                key = _KEY_LINE.match(text, pos)
                if key is not None:
                    current = _KeyLine(
                        key.start(1), _key_names(key.group(1)), len(self.headers) - 1
                    )
                    self.keys.append(current)
                    self.keys_under.setdefault(current.header, []).append(current)
                    pos = key.end()
                    simple = _SIMPLE_REST.match(text, pos)
                    if simple is not None:
                        pos = simple.end()
                        current.end = pos - 1 if text[pos - 1 : pos] == "\n" else pos
                        at_line_start = True
                    continue
            token = _TOKEN.search(text, pos)
            if token is None:
                break
            pos = token.end()
            kind = token.lastgroup
            if kind == "nl":
                if not stack:
                    at_line_start = True
                    if current is not None and current.end < 0:
                        current.end = token.start()
            elif kind == "open":
                stack.append(token.group())
                if current is not None and stack == ["[", "{"]:
                    current.items.append((token.start(), len(text)))
            elif kind == "close" and stack:
                closed = stack.pop()
                if current is not None and closed == "{" and stack == ["["] and current.items:
                    start, _ = current.items[-1]
                    current.items[-1] = (start, token.end())
        if current is not None and current.end < 0:
            current.end = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def _region_end(self, header_index: int, kind: str) -> tuple[int, int]:
        """End offset of an entry's region, and the index of the first header after it."""
        index = header_index + 1
        while index < len(self.headers):
            names = self.headers[index].names
            if not (len(names) > 1 and names[0] == kind):
                return self.headers[index].offset, index
            index += 1
        return len(self.text), index

    def locate(self, kind: str, array: bool, index: int, keys: KeyPath) -> tuple[int, int] | None:
        """(line, column) of `keys` inside entry `index` of `kind`, or of the entry itself."""
        if not self._built:
            self._build()
        headers = self.entry_headers.get((kind, array), [])
        if index < len(headers):
            return self._in_table(kind, headers[index], keys)
        # `[fact]` written for `[[fact]]` (or the reverse): still point at it.
        other = self.entry_headers.get((kind, not array), [])
        if index < len(other):
            return self._in_table(kind, other[index], keys)
        for key in self.keys_under.get(-1, []):
            if key.names == (kind,):
                if not array:
                    return self._search(key.offset, key.end, keys)
                if index < len(key.items):
                    start, end = key.items[index]
                    return self._search(start, end, keys)
                return self.position(key.offset)
        return None

    def _in_table(self, kind: str, header_index: int, keys: KeyPath) -> tuple[int, int]:
        end, after = self._region_end(header_index, kind)
        best_offset = self.headers[header_index].offset
        best_len = 0
        best_key: _KeyLine | None = None
        array_counts: dict[tuple[str, ...], int] = {}
        for index in range(header_index, after):
            header = self.headers[index]
            relative: KeyPath = header.names[1:]
            if index > header_index:
                if header.array:
                    count = array_counts.get(header.names, 0)
                    array_counts[header.names] = count + 1
                    relative = (*relative, count)
                if len(relative) > best_len and keys[: len(relative)] == relative:
                    best_offset, best_len, best_key = header.offset, len(relative), None
            for key in self.keys_under.get(index, []):
                full = (*relative, *key.names)
                if len(full) > best_len and keys[: len(full)] == full:
                    best_offset, best_len, best_key = key.offset, len(full), key
        rest = keys[best_len:]
        stop = end
        if best_key is not None:
            stop = best_key.end if best_key.end >= 0 else end
            if rest and isinstance(rest[0], int) and rest[0] < len(best_key.items):
                best_offset, stop = best_key.items[rest[0]]
                rest = rest[1:]
        return self._search(best_offset, stop, rest)

    def _search(self, start: int, stop: int, keys: KeyPath) -> tuple[int, int]:
        """Follow the remaining keys textually (`key =` or `key.`) from `start`."""
        offset = start
        for key in keys:
            if isinstance(key, int):
                break
            pattern = re.compile(rf"(?<![A-Za-z0-9_\"'-])[\"']?{re.escape(key)}[\"']?[ \t]*[=.]")
            found = pattern.search(self.text, offset, stop)
            if found is None:
                break
            offset = found.start()
        return self.position(offset)


# --- the loader ---------------------------------------------------------------------------------


@dataclass
class _File:
    display: str
    rank: int
    locator: _Locator


@dataclass
class _Entry:
    kind: str
    file: _File
    index: int  # position among the file's entries of this kind
    seq: int  # position in the whole pack (file order, then order in the file)
    values: dict[str, Any] = field(default_factory=dict)  # the keys that passed their checks
    given: frozenset[str] = frozenset()  # every key written in the file
    label: str = ""
    ok: bool = True


class _Loader:
    def __init__(self) -> None:
        self.problems: list[tuple[tuple[int, int, int, int], ContentProblem]] = []
        self.error_count = 0
        self.files: list[Path] = []
        self.entries: dict[str, list[_Entry]] = {kind: [] for kind in ENTRIES}
        self.rank = 0
        self.unparsed = 0

    # problems

    def problem(
        self,
        path: str,
        line: int | None,
        column: int | None,
        severity: Severity,
        message: str,
        rank: int | None = None,
    ) -> None:
        order = (self.rank if rank is None else rank, line or 0, column or 0, len(self.problems))
        self.problems.append((order, ContentProblem(path, line, column, severity, message)))
        if severity == "error":
            self.error_count += 1

    def sorted_problems(self) -> list[ContentProblem]:
        return [problem for _, problem in sorted(self.problems, key=lambda item: item[0])]

    def at(self, entry: _Entry, keys: KeyPath, severity: Severity, message: str) -> None:
        spec = ENTRIES[entry.kind]
        where = entry.file.locator.locate(entry.kind, spec.array, entry.index, keys)
        line, column = where if where is not None else (None, None)
        self.problem(entry.file.display, line, column, severity, message, entry.file.rank)
        if severity == "error":
            entry.ok = False

    @staticmethod
    def describe(entry: _Entry, keys: KeyPath) -> str:
        text = entry.label
        names: list[str] = []
        for key in keys:
            if isinstance(key, int):
                text += f" {'.'.join(names)} #{key + 1}"
                names = []
            else:
                names.append(_safe(key))
        if names:
            text += f" key '{'.'.join(names)}'"
        return text

    def fail(self, entry: _Entry, keys: KeyPath, message: str) -> None:
        self.at(entry, keys, "error", f"{self.describe(entry, keys)}: {message}")

    # files

    def run(self, folders: list[Path]) -> LoadResult:
        if not folders:
            self.problem("<content>", None, None, "error", "no content folder given")
            return LoadResult(None, self.sorted_problems(), self.files)
        for folder in folders:
            self.read_folder(folder)
        pack = None
        if self.unparsed:
            self.problem(
                _safe(str(folders[0])),
                None,
                None,
                "warning",
                "references between entries were not checked: "
                f"{self.unparsed} file(s) or folder(s) could not be read",
                rank=self.rank + 1,
            )
        else:
            self.check_pack_count(folders)
            self.check_cross()
            if not any(problem.severity == "error" for _, problem in self.problems):
                pack = self.build()
        return LoadResult(pack, self.sorted_problems(), self.files)

    def read_folder(self, folder: Path) -> None:
        shown = _safe(str(folder), limit=400)
        self.rank += 1
        try:
            info = os.stat(folder)
        except FileNotFoundError:
            self.unparsed += 1
            self.problem(shown, None, None, "error", "content folder does not exist")
            return
        except OSError as exc:
            self.unparsed += 1
            self.problem(shown, None, None, "error", f"cannot open content folder: {exc.strerror}")
            return
        if not stat.S_ISDIR(info.st_mode):
            self.unparsed += 1
            self.problem(shown, None, None, "error", "not a folder (give a folder of *.toml files)")
            return
        try:
            with os.scandir(folder) as scan:
                names = sorted(
                    entry.name
                    for entry in scan
                    if entry.name.endswith(".toml") and not entry.name.startswith(".")
                )
        except OSError as exc:
            self.unparsed += 1
            self.problem(shown, None, None, "error", f"cannot list content folder: {exc.strerror}")
            return
        if not names:
            self.unparsed += 1
            self.problem(shown, None, None, "error", "no *.toml files in this folder")
            return
        for name in names:
            self.rank += 1
            path = folder / name
            try:
                self.read_file(path)
            except Exception as exc:
                self.unparsed += 1
                self.problem(
                    _safe(str(path), limit=400),
                    None,
                    None,
                    "error",
                    f"cannot load file: {type(exc).__name__}: {_safe(str(exc))}",
                )

    def read_file(self, path: Path) -> None:
        shown = _safe(str(path), limit=400)
        data = self.read_bytes(path, shown)
        if data is None:
            return
        self.files.append(path)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            self.problem(shown, 1, 1, "warning", "UTF-8 byte order mark (BOM) ignored")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.unparsed += 1
            line = data.count(b"\n", 0, exc.start) + 1
            line_start = data.rfind(b"\n", 0, exc.start) + 1
            column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
            self.problem(
                shown,
                line,
                column,
                "error",
                f"not valid UTF-8: byte 0x{data[exc.start]:02X} cannot be decoded",
            )
            return
        import tomli  # here, not at the top: a cached pack is loaded without parsing TOML

        try:
            document = tomli.loads(text)
        except tomli.TOMLDecodeError as exc:
            self.unparsed += 1
            at_line: int | None = getattr(exc, "lineno", None)
            at_column: int | None = getattr(exc, "colno", None)
            message = getattr(exc, "msg", None) or re.sub(r" \(at .*\)$", "", str(exc))
            self.problem(shown, at_line, at_column, "error", f"invalid TOML: {_safe(message, 200)}")
            return
        except RecursionError:
            self.unparsed += 1
            self.problem(shown, None, None, "error", "invalid TOML: nested too deeply")
            return
        self.check_document(_File(shown, self.rank, _Locator(text)), document)

    def read_bytes(self, path: Path, shown: str) -> bytes | None:
        def refuse(message: str, severity: Severity = "error") -> None:
            if severity == "error":
                self.unparsed += 1
            self.problem(shown, None, None, severity, message)

        try:
            info = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                refuse("symbolic link loop")
            elif os.path.islink(path):
                refuse("broken symbolic link")
            else:
                refuse(f"cannot read: {exc.strerror}")
            return None
        if stat.S_ISDIR(info.st_mode):
            refuse("a folder named like a content file; skipped", "warning")
            return None
        if not stat.S_ISREG(info.st_mode):
            refuse("not a regular file; not read")
            return None
        limit = f"larger than the limit of {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES >> 20} MiB)"
        if info.st_size > MAX_FILE_BYTES:
            refuse(f"file of {info.st_size:,} bytes is {limit}; not read")
            return None
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            refuse(f"cannot read: {exc.strerror}")
            return None
        if len(data) > MAX_FILE_BYTES:
            refuse(f"file is {limit}; not read")
            return None
        return data

    # schema

    def check_document(self, file: _File, document: dict[str, Any]) -> None:
        for name, value in document.items():
            spec = ENTRIES.get(name)
            if spec is None:
                where = file.locator.locate(name, isinstance(value, list), 0, ())
                line, column = where if where is not None else (None, None)
                self.problem(
                    file.display,
                    line,
                    column,
                    "error",
                    f"unknown table {_q(name)}{_did_you_mean(name, ENTRIES)}; expected one of "
                    + ", ".join(
                        f"[{n}]" if not s.array else f"[[{n}]]" for n, s in ENTRIES.items()
                    ),
                )
                continue
            items = value if isinstance(value, list) else [value]
            shape_ok = isinstance(value, list) == spec.array
            for index, item in enumerate(items):
                entry = _Entry(name, file, index, len(self.entries[name]))
                entry.label = f"[[{name}]] #{index + 1}" if spec.array else f"[{name}]"
                if not shape_ok:
                    wanted = (
                        f"an array of tables, [[{name}]]" if spec.array else f"one table, [{name}]"
                    )
                    self.fail(entry, (), f"must be {wanted}, not {_type_name(value)}")
                    break
                if not isinstance(item, dict):
                    self.fail(entry, (), f"must be a table, not {_type_name(item)}")
                    continue
                ident = item.get(spec.id_key) if spec.id_key else None
                if isinstance(ident, str) and _SLUG.match(ident):
                    entry.label += f' (id "{ident}")'
                entry.given = frozenset(item)
                entry.values, _ = self.check_table(entry, spec.table, item, ())
                self.entries[name].append(entry)

    def check_table(
        self, entry: _Entry, table: TableSpec, data: dict[str, Any], keys: KeyPath
    ) -> tuple[dict[str, Any], bool]:
        """The values that passed their checks, and whether the whole table did."""
        values: dict[str, Any] = {}
        before = self.error_count
        compiled = _compiled(table)
        checkers = compiled.checkers
        for name, raw in data.items():
            found = checkers.get(name)
            if found is None:
                where = self.describe(entry, keys)
                hint = _did_you_mean(name, table.names)
                self.at(
                    entry, (*keys, name), "error", f"unknown key '{_safe(name)}' in {where}{hint}"
                )
                continue
            spec, fast = found
            # The fast check accepts only plainly valid values; anything else (and every
            # message) goes through check_value.
            checked = fast(raw)
            if checked is _SLOW:
                checked = self.check_value(entry, spec, raw, (*keys, name))
            if checked is not None:
                values[name] = checked
        for name in compiled.required:
            if name not in data:
                what = "translation" if table is LOCALIZED else "key"
                self.fail(entry, keys, f"missing {what} '{name}'")
        if table.together:
            given = [name for name in table.together if name in data]
            if given and len(given) < len(table.together):
                missing = ", ".join(f"'{n}'" for n in table.together if n not in data)
                together = ", ".join(table.together[:-1]) + f" and {table.together[-1]}"
                self.fail(entry, (*keys, given[0]), f"{together} go together: missing {missing}")
        for key, value, needed in table.required_when:
            if data.get(key) == value and needed not in data:
                self.fail(entry, (*keys, key), f"{key} = \"{value}\" needs key '{needed}'")
        for key, needed in table.needs:
            if key in data and needed not in data:
                self.fail(entry, (*keys, key), f"needs key '{needed}'")
        for key, other, value in table.only_when:
            # An invalid `other` has its own error already; judge only against a valid one.
            if key in data and other in values and values[other] != value:
                self.fail(
                    entry,
                    (*keys, key),
                    f'only for {other} = "{value}", not {other} = {_q(values[other])}',
                )
        return values, self.error_count == before

    def check_value(self, entry: _Entry, spec: FieldSpec, raw: Any, keys: KeyPath) -> Any:
        """The checked value (sanitised, converted), or None after reporting a problem."""
        kind = spec.kind

        def wrong(expected: str) -> None:
            self.fail(entry, keys, f"expected {expected}, not {_type_name(raw)}")

        if kind in ("text", "url", "language", "slug", "path", "enum"):
            if not isinstance(raw, str):
                wrong("a string")
                return None
            if kind == "text":
                if not raw.strip():
                    what = "translation" if spec.name in ("ru", "en") else "text"
                    self.fail(entry, keys, f"empty {what}")
                    return None
                return self.clean(entry, raw, keys)
            pattern, what = {
                "url": (_URL, "an http(s) address without spaces"),
                "language": (_LANGUAGE, "a language code such as ru or en"),
                "slug": (_SLUG, "a slug: a-z, 0-9 and single '-' between"),
                "path": (_PATH, "a section path: slugs joined by '/'"),
                "enum": (None, ""),
            }[kind]
            if pattern is None:
                if raw not in spec.enum:
                    choices = ", ".join(spec.enum)
                    self.fail(
                        entry,
                        keys,
                        f"unknown {spec.name} {_q(raw)}{_suggest(raw, spec.enum)};"
                        f" expected one of: {choices}",
                    )
                    return None
                return raw
            if not pattern.match(raw):
                self.fail(entry, keys, f"{_q(raw)} is not {what}")
                return None
            return self.clean(entry, raw, keys) if kind == "url" else raw
        if kind in ("integer", "year"):
            if isinstance(raw, bool) or not isinstance(raw, int):
                wrong("an integer")
                return None
            if kind == "year" and not YEAR_MIN <= raw <= YEAR_MAX:
                self.fail(entry, keys, f"year {raw} is outside {YEAR_MIN}–{YEAR_MAX}")
                return None
            return raw
        if kind == "number":
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                wrong("a number")
                return None
            try:
                number = float(raw)
            except OverflowError:
                self.fail(entry, keys, "number too large")
                return None
            if not math.isfinite(number):
                self.fail(entry, keys, f"not a finite number ({raw})")
                return None
            return number
        if kind == "date":
            if isinstance(raw, datetime) or not isinstance(raw, date):
                wrong("a date like 2025-10-22 (a TOML local date)")
                return None
            return raw
        if kind in ("localized", "table"):
            if not isinstance(raw, dict):
                wrong("a table" if kind == "table" else "a table { ru = …, en = … }")
                return None
            table = LOCALIZED if kind == "localized" else spec.table
            assert table is not None
            values, ok = self.check_table(entry, table, raw, keys)
            if not ok:
                return None
            if kind == "localized":
                return Localized(values["ru"], values["en"])
            return values
        # an array of tables
        assert spec.table is not None
        if not isinstance(raw, list):
            wrong("an array of tables")
            return None
        if len(raw) < spec.min_items:
            self.fail(entry, keys, f"needs at least {spec.min_items} {spec.name}, has {len(raw)}")
            return None
        items: list[dict[str, Any]] = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                self.fail(entry, (*keys, index), f"must be a table, not {_type_name(item)}")
                items.append({})
                continue
            checked, _ = self.check_table(entry, spec.table, item, (*keys, index))
            items.append(checked)
        if spec.unique_by:
            seen: dict[object, int] = {}
            for index, checked in enumerate(items):
                value = checked.get(spec.unique_by)
                if value is None:
                    continue
                if value in seen:
                    self.fail(
                        entry,
                        (*keys, index, spec.unique_by),
                        f"duplicate {spec.unique_by} {value}"
                        f" (also in {spec.name} #{seen[value] + 1})",
                    )
                else:
                    seen[value] = index
        return items

    def clean(self, entry: _Entry, text: str, keys: KeyPath) -> str:
        if text.isprintable():  # no control, bidi or zero-width character, no line break
            return text
        text = text.replace("\r\n", "\n")
        cleaned, notes = sanitize(text)
        if notes:
            self.at(entry, keys, "warning", f"{self.describe(entry, keys)}: {'; '.join(notes)}")
        return cleaned

    # across entries

    def check_pack_count(self, folders: list[Path]) -> None:
        packs = self.entries["pack"]
        if not packs:
            self.problem(
                _safe(str(folders[0]), limit=400) if folders else "<content>",
                None,
                None,
                "error",
                "no [pack] table in any file: exactly one is needed",
                rank=self.rank + 1,
            )
        for extra in packs[1:]:
            first = packs[0]
            where = first.file.locator.locate("pack", False, 0, ())
            line = f":{where[0]}" if where else ""
            self.fail(
                extra, (), f"more than one [pack] table (the first is {first.file.display}{line})"
            )

    @staticmethod
    def section_path(entry: _Entry) -> str | None:
        """The section's path, or None when its id or its parent is unusable."""
        ident = entry.values.get("id")
        if ident is None or ("parent" in entry.given and "parent" not in entry.values):
            return None
        parent = entry.values.get("parent")
        return f"{parent}/{ident}" if parent else str(ident)

    def check_cross(self) -> None:
        registry: dict[str, dict[str, _Entry]] = {kind: {} for kind in ENTRIES}
        for kind in ("source", "section", "fact", "series"):
            for entry in self.entries[kind]:
                if kind == "section":
                    ident = self.section_path(entry)
                    noun = "section path"
                else:
                    ident = entry.values.get("id")
                    noun = f"{kind} id"
                if ident is None:
                    continue
                first = registry[kind].get(ident)
                if first is None:
                    registry[kind][ident] = entry
                    continue
                where = first.file.locator.locate(kind, True, first.index, ("id",))
                line = f":{where[0]}" if where else ""
                self.fail(
                    entry,
                    ("id",),
                    f'duplicate {noun} "{ident}" (first defined at {first.file.display}{line})',
                )
        for kind, entries in self.entries.items():
            table = ENTRIES[kind].table
            for entry in entries:
                self.check_refs(entry, table, entry.values, (), registry)
        for entry in self.entries["source"]:
            self.check_date_precision(entry)
        for entry in self.entries["series"]:
            self.check_points_dated(entry, registry["source"])
        for entry in self.entries["fact"]:
            self.check_series_unit(entry, registry["series"])

    def check_date_precision(self, entry: _Entry) -> None:
        """A month or year date must be written as the first day of that month or year."""
        when = entry.values.get("date")
        precision = entry.values.get("date_precision", "day")
        if not isinstance(when, date) or precision == "day":
            return
        first = when.replace(day=1) if precision == "month" else when.replace(month=1, day=1)
        if when != first:
            self.fail(
                entry,
                ("date",),
                f'date_precision = "{precision}" needs the first day of the {precision}'
                f" ({first.isoformat()}), not {when.isoformat()}",
            )

    def check_points_dated(self, entry: _Entry, sources: dict[str, _Entry]) -> None:
        """Every point of a series must cite a dated source: the point sits on a time axis."""
        for index, point in enumerate(entry.values.get("points") or []):
            source = sources.get(str(point.get("source")))
            # A date that was written but is invalid has its own error already.
            if source is None or "date" in source.given:
                continue
            self.fail(
                entry,
                ("points", index, "source"),
                f"source {_q(point['source'])} has no date: an undated source cannot place a"
                " point on the time axis",
            )

    def check_series_unit(self, entry: _Entry, series: dict[str, _Entry]) -> None:
        """Warn when a fact and the series drawn beside it count in different units."""
        unit = entry.values.get("unit")
        linked = series.get(str(entry.values.get("series")))
        if unit is None or linked is None:
            return
        other = linked.values.get("unit")
        if other is not None and other != unit:
            self.at(
                entry,
                ("series",),
                "warning",
                f"{self.describe(entry, ('series',))}: the fact's unit {_q(unit)} differs from"
                f" the unit {_q(other)} of series {_q(linked.values['id'])}",
            )

    def check_refs(
        self,
        entry: _Entry,
        table: TableSpec,
        values: dict[str, Any],
        keys: KeyPath,
        registry: dict[str, dict[str, _Entry]],
    ) -> None:
        for spec in _compiled(table).refs:
            value = values.get(spec.name)
            if value is None:
                continue
            if spec.kind == "array" and spec.table is not None:
                for index, item in enumerate(value):
                    self.check_refs(entry, spec.table, item, (*keys, spec.name, index), registry)
            if spec.ref is None or value in registry[spec.ref]:
                continue
            what = "path" if spec.ref == "section" else "id"
            hint = _suggest(value, registry[spec.ref])
            self.fail(entry, (*keys, spec.name), f"no [[{spec.ref}]] with {what} {_q(value)}{hint}")

    # building the model

    def build(self) -> Pack:
        pack_values = self.entries["pack"][0].values
        primary = pack_values["primary_source"]
        sources: dict[str, Source] = {}
        for entry in self.entries["source"]:
            v = entry.values
            sources[v["id"]] = Source(
                id=v["id"],
                publisher=v["publisher"],
                title=v["title"],
                date=v.get("date"),
                url=v.get("url"),
                language=v["language"],
                primary=v["id"] == primary,
                note=v.get("note"),
                date_precision=v.get("date_precision", "day"),
            )
        children: dict[str | None, list[_Entry]] = {}
        for entry in self.entries["section"]:
            children.setdefault(entry.values.get("parent"), []).append(entry)
        for siblings in children.values():
            siblings.sort(key=lambda e: (e.values["order"], e.values["id"]))
        sections: dict[str, Section] = {}

        # Depth-first, iterative so that a deep tree cannot hit the recursion limit.
        stack = [list(reversed(children.get(None, [])))]
        while stack:
            todo = stack[-1]
            if not todo:
                stack.pop()
                continue
            entry = todo.pop()
            v = entry.values
            path = f"{v['parent']}/{v['id']}" if v.get("parent") else v["id"]
            kids = children.get(path, [])
            sections[path] = Section(
                id=v["id"],
                path=path,
                title=v["title"],
                summary=v["summary"],
                order=v["order"],
                parent=v.get("parent"),
                children=tuple(f"{path}/{child.values['id']}" for child in kids),
            )
            stack.append(list(reversed(kids)))
        rank = {path: index for index, path in enumerate(sections)}
        # Enum lookups by value without the cost of calling the enum class per fact.
        kinds = {member.value: member for member in FactKind}
        qualifiers = {member.value: member for member in Qualifier}
        facts = []
        for entry in sorted(
            self.entries["fact"], key=lambda e: (rank.get(e.values["section"], len(rank)), e.seq)
        ):
            v = entry.values
            quote = v.get("quote")
            facts.append(
                Fact(
                    id=v["id"],
                    section=v["section"],
                    kind=kinds[v["kind"]],
                    text=v["text"],
                    source=v["source"],
                    value=v.get("value"),
                    unit=v.get("unit"),
                    qualifier=qualifiers[v["qualifier"]] if "qualifier" in v else None,
                    year=v.get("year"),
                    since=v.get("since"),
                    quote=Quote(quote["original"], quote["translation"], quote["speaker"])
                    if quote
                    else None,
                    derivation=v.get("derivation"),
                    series=v.get("series"),
                    note=v.get("note"),
                    timing=v.get("timing", "by"),
                )
            )
        series: dict[str, Series] = {}
        for entry in sorted(
            self.entries["series"], key=lambda e: (rank.get(e.values["section"], len(rank)), e.seq)
        ):
            v = entry.values
            points = sorted(
                (
                    SeriesPoint(
                        year=p["year"],
                        value=p["value"],
                        source=p["source"],
                        qualifier=Qualifier(p.get("qualifier", Qualifier.EXACTLY.value)),
                        note=p.get("note"),
                    )
                    for p in v["points"]
                ),
                key=lambda point: point.year,
            )
            series[v["id"]] = Series(
                id=v["id"],
                section=v["section"],
                title=v["title"],
                unit=v["unit"],
                basis=Basis(v["basis"]),
                points=tuple(points),
                rule=v.get("rule"),
                note=v.get("note"),
            )
        return Pack(
            title=pack_values["title"],
            primary_source=primary,
            sources=sources,
            sections=sections,
            facts=tuple(facts),
            series=series,
        )
