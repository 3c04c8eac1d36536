"""A fact's text as the list shows it, and how many lines it takes (no widget state)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from tui.pack.model import Fact, FactKind, Lang, Pack
from tui.text.citations import citation_line
from tui.text.units import format_value
from tui.text.words import KIND_LABELS, t


def fact_text(pack: Pack, fact: Fact, lang: Lang) -> Text:
    """A fact as a reader sees it in the list, built as plain Text (content is never markup)."""
    text = Text()
    text.append(fact.text.get(lang), style="bold")
    text.append(f"  [{KIND_LABELS[fact.kind].get(lang)}]", style="dim")
    if fact.is_numeric:
        text.append("\n")
        text.append(format_value(fact, lang), style="bold")
    if fact.quote is not None:
        text.append("\n«")
        text.append(fact.quote.original, style="italic")
        text.append("»\n")
        text.append(t("translation", lang), style="dim")
        text.append(f"“{fact.quote.translation}”")
        text.append("\n")
        text.append("— " + fact.quote.speaker.get(lang))
    if fact.kind is FactKind.DERIVED and fact.derivation is not None:
        text.append("\n")
        text.append(t("derivation", lang), style="bold")
        text.append(fact.derivation.get(lang))
    if fact.note is not None:
        text.append("\n")
        text.append(t("note", lang), style="dim")
        text.append(fact.note.get(lang), style="dim")
    source = pack.source_of(fact)
    if source is not None:
        text.append("\n")
        text.append(citation_line(source, lang), style="dim")
    return text


def wrapped_height(plain: str, width: int) -> int:
    """Lines `plain` takes at `width` cells, wrapped as Textual's Content wraps (word, fold).

    Counting on the plain text lets the list lay out a hundred facts without rendering them;
    only a line too long for the width is wrapped, with the same `Content.wrap` that draws it.
    """
    height = 0
    for line in plain.split("\n"):
        line = line.expandtabs(8)
        # Most lines fit: skip the wrap for them.
        height += 1 if cell_len(line) <= width else len(Content(line).wrap(width))
    return height


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
