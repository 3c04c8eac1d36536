"""Where a key path is in the raw text of a TOML file: line and column for a message.

tomli gives no positions for values, so a schema error is placed by finding the entry's table
header (the Nth `[[fact]]`), then the key's line inside that table, or the Nth inline table inside
an array like `points = [...]`. Strings, comments and multi-line arrays are skipped so a "["
inside them is not taken for a header. The text is scanned once, on the first question.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from tui.pack.problems import KeyPath

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:\\.|[^"\\\n])*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?")
_KEY_LINE = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")
_KEY_PART = re.compile(_KEY)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# The rest of a line holding one simple value (a string on one line, a number, a date …) and
# maybe a comment: most lines of content, skipped without tokenising.
_SIMPLE_REST = re.compile(
    r"""[ \t]*(?:"(?:[^"\\\n]++|\\.)*+"(?!")|'[^'\n]*'(?!')|[^\s"'\[{#][^\n#]*)?"""
    r"[ \t]*(?:#[^\n]*)?(?:\n|$)"
)
_TOKEN = re.compile(
    r"(?P<ml>\"\"\"|''')"  # the opening only: `_multiline_end` finds the end
    r"""|(?P<str>"(?:[^"\\\n]++|\\.)*+"?|'[^'\n]*'?)"""
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<open>[\[{])"
    r"|(?P<close>[\]}])"
    r"|(?P<nl>\n)"
)


def _multiline_end(text: str, start: int, delimiter: str) -> int:
    """Where a multi-line string opened just before `start` ends (after its closing quotes).

    Found with `str.find`, not a regular expression stepping through every character: the end
    of a string of 10 MB is found in milliseconds.
    """
    pos = start
    while True:
        found = text.find(delimiter, pos)
        if found < 0:
            return len(text)  # unterminated: the parser has said so already
        if delimiter == '"""':
            slashes = 0
            while found - slashes - 1 >= start and text[found - slashes - 1] == "\\":
                slashes += 1
            if slashes % 2:  # an escaped quote: the string goes on
                pos = found + 1
                continue
        end = found + 3
        # Up to two more quotes belong to the string: `""""` ends with a quote inside it.
        while end < len(text) and end - found < 5 and text[end] == delimiter[0]:
            end += 1
        return end


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


class Locator:
    """Line numbers for key paths in one file's text, found by scanning it once (on first use)."""

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
            if kind == "ml":
                pos = _multiline_end(text, pos, token.group())
                continue
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
