"""Checks of the escape-sequence splitter in pty_helpers, on sequences whose parse is known."""

from __future__ import annotations

from pty_helpers import control_characters, escape_sequences

# --- the splitter itself --------------------------------------------------------------------


def test_splitter_reads_csi_osc_and_short_sequences() -> None:
    text = "a\x1b[1;31mb\x1b[?1049h\x1b]0;t\x1b\\c\x1b]52;c;SGk=\x07d\x1b7\x1b(Be\x1b"
    found, rest = escape_sequences(text)
    assert [s.kind for s in found] == ["CSI", "CSI", "OSC", "OSC", "ESC", "ESC", "BAD"]
    assert found[0].shape() == ("CSI", "m")
    assert found[1].shape() == ("CSI", "?1049", "", "h")
    assert found[2].params == "0;t" and found[3].final == "\x07"
    assert found[5].raw == "\x1b(B"
    assert rest == "abcde"


def test_splitter_keeps_mode_numbers_and_drops_positions() -> None:
    found, _ = escape_sequences("\x1b[12;40H\x1b[5;7H\x1b[?25l\x1b[?1000;1006h\x1b[>1u\x1b[2J")
    shapes = [s.shape() for s in found]
    assert shapes[0] == shapes[1] == ("CSI", "H")
    assert shapes[2] == ("CSI", "?25", "", "l")
    assert shapes[3] == ("CSI", "?1000;1006", "", "h")
    assert shapes[4] == ("CSI", ">1", "", "u")
    assert shapes[5] == ("CSI", "2", "", "J")  # a clear keeps its parameter: it is not a move


def test_control_characters_lists_c0_del_and_c1() -> None:
    assert control_characters("a\x00b\x7f\x85\u2400\n", allowed="\n") == [
        "U+0000",
        "U+007F",
        "U+0085",
    ]
