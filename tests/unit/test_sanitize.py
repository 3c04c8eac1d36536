"""sanitize(): every control, bidi and zero-width character becomes a visible mark."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.pack.sanitize import sanitize

C0 = [chr(code) for code in range(0x20) if code not in (0x09, 0x0A)]
C1 = [chr(code) for code in range(0x80, 0xA0)]
BIDI = [
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
UNSAFE = [*C0, "\x7f", *C1, *BIDI, *ZERO_WIDTH]


def test_the_lists_cover_what_they_say() -> None:
    assert len(C0) == 30
    assert len(C1) == 32
    assert len(BIDI) == 12
    assert all(unicodedata.category(char) == "Cf" for char in BIDI + ZERO_WIDTH)


@pytest.mark.parametrize("char", C0, ids=lambda c: f"U+{ord(c):04X}")
def test_c0_controls_become_control_pictures(char: str) -> None:
    cleaned, notes = sanitize(f"a{char}b")
    mark = chr(0x2400 + ord(char))
    assert cleaned == f"a{mark}b"
    assert notes == [f"control character U+{ord(char):04X} replaced with {mark}"]


def test_escape_becomes_the_escape_picture() -> None:
    assert sanitize("\x1b]0;title\x07")[0] == "␛]0;title␇"
    assert sanitize("\x1b]52;c;SGVsbG8=\x1b\\")[0] == "␛]52;c;SGVsbG8=␛\\"
    assert sanitize("\x1b[2J")[0] == "␛[2J"


def test_delete_becomes_its_picture() -> None:
    assert sanitize("a\x7fb") == ("a␡b", ["control character U+007F replaced with ␡"])


@pytest.mark.parametrize("char", C1, ids=lambda c: f"U+{ord(c):04X}")
def test_c1_controls_become_replacement_characters(char: str) -> None:
    cleaned, notes = sanitize(f"a{char}b")
    assert cleaned == "a\ufffdb"
    assert notes == [f"control character U+{ord(char):04X} replaced with \ufffd"]


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_controls_become_replacement_characters(char: str) -> None:
    cleaned, notes = sanitize(f"a{char}b")
    assert cleaned == "a\ufffdb"
    assert notes == [f"bidi control U+{ord(char):04X} replaced with \ufffd"]


@pytest.mark.parametrize("char", ZERO_WIDTH, ids=lambda c: f"U+{ord(c):04X}")
def test_zero_width_characters_become_replacement_characters(char: str) -> None:
    cleaned, notes = sanitize(f"a{char}b")
    assert cleaned == "a\ufffdb"
    assert notes == [f"zero-width character U+{ord(char):04X} replaced with \ufffd"]


def test_newline_stays_and_tab_becomes_spaces() -> None:
    assert sanitize("a\nb") == ("a\nb", [])
    assert sanitize("a\tb\tc") == ("a    b    c", ["tab replaced with 4 spaces (2 times)"])


def test_repeats_are_counted_in_order_of_first_occurrence() -> None:
    cleaned, notes = sanitize("\u202e\x1b\x1b\u202e\x1b")
    assert cleaned == "\ufffd␛␛\ufffd␛"
    assert notes == [
        "bidi control U+202E replaced with \ufffd (2 times)",
        "control character U+001B replaced with ␛ (3 times)",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Москва: более 90 000 рабочих мест",
        "NBSP\u00a0and soft\u00adhyphen",  # U+00A0 and U+00AD are not controls
        "e\u0301 combining, 漢字 wide, 🚀 emoji, עברית right-to-left",
        "[@click=app.quit]x[/] [link=file:///etc/passwd]y[/link]",  # markup is not our business
        "x" * 100_000,
    ],
    ids=["empty", "cyrillic", "nbsp-shy", "unicode", "markup", "long"],
)
def test_safe_text_is_untouched(text: str) -> None:
    cleaned, notes = sanitize(text)
    assert cleaned is text or cleaned == text
    assert notes == []


@given(st.text())
def test_output_never_holds_an_unsafe_character(text: str) -> None:
    cleaned, notes = sanitize(text)
    assert not any(char in cleaned for char in [*UNSAFE, "\t"])
    assert bool(notes) == (cleaned != text)
    assert sanitize(cleaned) == (cleaned, [])  # idempotent
    assert cleaned.count("\n") == text.count("\n")
