"""Make content text safe to print: control, bidi and zero-width characters become visible marks.

Textual and Rich pass ESC, C1 controls and bidi overrides straight to the terminal, so a content
string could set the window title, write the clipboard (OSC 52) or reorder what the reader sees.
The loader runs every string through `sanitize` once, before anything displays, copies or
exports it.
"""

from __future__ import annotations

import re
from collections import Counter

TAB_WIDTH = 4

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Everything but "\n" (0x0A) among the controls; tab is listed so it can become spaces.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _ZERO_WIDTH + "\t]")


def _mark(char: str) -> str:
    code = ord(char)
    if code == 0x09:
        return " " * TAB_WIDTH
    if code < 0x20:
        return chr(0x2400 + code)  # ESC (0x1B) gives "␛", NUL gives "␀" …
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def _kind(char: str) -> str:
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "control character"
    if char in _BIDI:
        return "bidi control"
    return "zero-width character"


def sanitize(text: str) -> tuple[str, list[str]]:
    """Return `text` with unsafe characters replaced, and a description of each replacement.

    Newlines stay. A tab becomes four spaces. C0 controls become their Control Pictures
    (ESC → "␛", NUL → "␀"), DEL becomes "␡", and C1 controls, bidi controls and zero-width
    characters become U+FFFD. One description per distinct character, with a count when it
    occurs more than once.
    """
    if _UNSAFE.search(text) is None:
        return text, []
    counts = Counter(match.group() for match in _UNSAFE.finditer(text))
    cleaned = _UNSAFE.sub(lambda match: _mark(match.group()), text)
    notes: list[str] = []
    for char, count in counts.items():  # in order of first occurrence
        if char == "\t":
            what = f"tab replaced with {TAB_WIDTH} spaces"
        else:
            what = f"{_kind(char)} U+{ord(char):04X} replaced with {_mark(char)}"
        notes.append(what if count == 1 else f"{what} ({count} times)")
    return cleaned, notes
