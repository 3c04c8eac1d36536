"""A fact's text as the list shows it, and how many lines it takes (no widget state)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from tui.pack.model import Fact, FactKind, Lang, Pack
from tui.text.citations import citation_line
from tui.text.units import format_value
from tui.text.words import KIND_LABELS, t


def fact_pieces(pack: Pack, fact: Fact, lang: Lang) -> list[tuple[str, str]]:
    """A fact as the list shows it, as (text, style) pieces: joined, they are `fact_text`.

    The list counts each fact's lines on the joined strings alone (`fact_plain`), so a section
    of many facts is laid out without building its rich texts; both come from here.
    """
    pieces = [(fact.text.get(lang), "bold"), (f"  [{KIND_LABELS[fact.kind].get(lang)}]", "dim")]
    if fact.is_numeric:
        pieces += [("\n", ""), (format_value(fact, lang), "bold")]
    if fact.quote is not None:
        pieces += [("\n«", ""), (fact.quote.original, "italic"), ("»\n", "")]
        pieces += [(t("translation", lang), "dim"), (f"“{fact.quote.translation}”", "")]
        pieces += [("\n", ""), ("— " + fact.quote.speaker.get(lang), "")]
    if fact.kind is FactKind.DERIVED and fact.derivation is not None:
        pieces += [("\n", ""), (t("derivation", lang), "bold"), (fact.derivation.get(lang), "")]
    if fact.note is not None:
        pieces += [("\n", ""), (t("note", lang), "dim"), (fact.note.get(lang), "dim")]
    source = pack.source_of(fact)
    if source is not None:
        pieces += [("\n", ""), (citation_line(source, lang), "dim")]
    return pieces


def fact_text(pack: Pack, fact: Fact, lang: Lang) -> Text:
    """A fact as a reader sees it in the list, built as plain Text (content is never markup)."""
    text = Text()
    for piece, style in fact_pieces(pack, fact, lang):
        text.append(piece, style=style or None)
    return text


def fact_plain(pack: Pack, fact: Fact, lang: Lang) -> str:
    """`fact_text(...).plain`, without building the Text."""
    return "".join(piece for piece, _ in fact_pieces(pack, fact, lang))


# A word as Rich's word wrap (Content.wrap's) sees it: spaces before, the word, spaces after.
WORD = re.compile(r"\s*\S+\s*")


def word_wrapped_lines(line: str, width: int) -> int | None:
    """Lines one `line` of text takes at `width`, counted as Content.wrap breaks it.

    The same greedy rule as Rich's `divide_line`: a word goes on the current line if it fits
    without its trailing spaces, else it starts a new line. None when a word is wider than
    `width`: Content folds it, and the caller lets Content count.
    """
    lines, used = 1, 0
    for match in WORD.finditer(line):
        word = match.group()
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:
            return None
        elif used and match.start():
            lines += 1
            used = cell_len(word)
    return lines


def wrapped_height(plain: str, width: int) -> int:
    """Lines `plain` takes at `width` cells, wrapped as Textual's Content wraps (word, fold).

    Counting on the plain text lets the list lay out a hundred facts without rendering them.
    A line too long for the width is counted word by word (`word_wrapped_lines`), which
    costs a fifth of wrapping it; only one with a word wider than the width, which is
    folded, is wrapped with the same `Content.wrap` that draws it.
    """
    height = 0
    for line in plain.split("\n"):
        line = line.expandtabs(8)
        # Most lines fit: skip the wrap for them.
        if cell_len(line) <= width:
            height += 1
            continue
        counted = word_wrapped_lines(line, width)
        height += len(Content(line).wrap(width)) if counted is None else counted
    return height


def fact_heights(
    pack: Pack, facts: list[Fact], lang: Lang, width: int, counted: dict[tuple[str, Lang, int], int]
) -> list[int]:
    """Lines each of `facts` takes at `width`, counted on the plain strings (no rich text).

    `counted` keeps the counts by (fact id, language, width) across calls: a section shown
    again is laid out without counting.
    """
    heights: list[int] = []
    for fact in facts:
        key = (fact.id, lang, width)
        height = counted.get(key)
        if height is None:
            height = counted[key] = wrapped_height(fact_plain(pack, fact, lang), width)
        heights.append(height)
    return heights


# The character each left border type draws, for the types a stylesheet may give the mark.
# Textual keeps its own table private (textual._border), so this is the public equivalent.
LEFT_EDGE_CHARS = {
    "ascii": "|",
    "round": "│",
    "solid": "│",
    "double": "║",
    "dashed": "╏",
    "heavy": "┃",
    "inner": "▐",
    "outer": "▌",
    "thick": "█",
    "block": "█",
    "vkey": "▏",
    "tall": "▊",
    "panel": "▊",
    "tab": "▎",
    "wide": "▎",
}


def mark_char(edge: str) -> str:
    """The character a left border of type `edge` draws (unknown, "" and "none": a space)."""
    return LEFT_EDGE_CHARS.get(edge, " ")
