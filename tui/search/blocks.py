"""Building one block of the search index: its lines, then each kind of line as one folded string.

Kept apart from tui.search.index because it is the index's hot loop: a 100,000-fact pack has
about a hundred blocks, built while the reader is idle, so every step per fact counts. A block
keeps only what a scan needs (the folded string, where lines start, whose they are); a hit's
original text is made again from its entry when it is shown. No UI import.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat

from tui.pack.model import UNITS, Fact, Unit
from tui.search.terms import fold

# Longer texts are cut before matching: a subsequence scan costs up to a line's length per
# start, and content may hold lines of any size.
MATCH_CHARS = 300
HEAD, BODY = 0, 1
# A block's numbers (offsets, entries) as C ints, not lists of int objects: a tenth of the
# memory, and nothing for the garbage collector to walk (lists of a whole index made its
# collections take tens of milliseconds).
NUMBERS = "i"


@dataclass(frozen=True)
class FieldLines:
    """One kind of line (headline or body) of a block's entries, as one folded string."""

    folded: str  # every line, folded (figures in their plain form), one per line
    starts: array[int]  # where each line starts, plus one past the end
    owners: array[int]  # the entry of each line
    entry_lines: array[int]  # first line of each entry of the block, plus the line count


@dataclass(frozen=True)
class Block:
    first: int  # index of the first entry
    fields: tuple[FieldLines, FieldLines]


def _labels(unit: Unit) -> tuple[str, str, str, tuple[str, ...]]:
    """A unit's words by what picks them: English for one and for many, Russian for a
    fraction, and Russian for a whole number by its last two digits (see `Unit.label`)."""
    by_last_digits = tuple(unit.label(n, "ru") for n in range(100))
    return unit.label(1, "en"), unit.label(2, "en"), unit.label(0.5, "ru"), by_last_digits


# `Unit.label` worked out once per unit: a figure's words are made for every fact that has one.
_LABELS = {code: _labels(unit) for code, unit in UNITS.items()}


def figure_words(value: float, unit_code: str | None) -> tuple[str, str]:
    """A figure as a plain number and its unit's word, in English and in Russian: the form a
    query's figures are normalised to ("90000 jobs", "90000 рабочих мест")."""
    value = round(float(value), 3)
    whole = value.is_integer()
    number = str(int(value)) if whole else repr(value)
    labels = _LABELS.get(unit_code or "")
    if labels is None:
        return number, number
    english_one, english_many, russian_fraction, russian_whole = labels
    english = english_one if value == 1 else english_many
    russian = russian_whole[abs(int(value)) % 100] if whole else russian_fraction
    return f"{number} {english}", f"{number} {russian}"


@dataclass
class BlockLines:
    """The lines of a block being built, entry by entry, then folded kind by kind."""

    number: int
    first: int  # its first entry
    next: int  # the next entry to add
    heads: list[str] = dataclasses.field(default_factory=list)
    bodies: list[str] = dataclasses.field(default_factory=list)
    head_counts: list[int] = dataclasses.field(default_factory=list)  # lines per entry
    body_counts: list[int] = dataclasses.field(default_factory=list)
    head: FieldLines | None = None  # the headline field, once made
    head_folded: tuple[str, list[str]] | None = None  # its folded lines, made a step before

    def add(self, head: list[str], body: list[str]) -> None:
        """Add the next entry's lines (a section's or a series'; facts go by `add_facts`)."""
        self.heads += head
        self.bodies += body
        self.head_counts.append(len(head))
        self.body_counts.append(len(body))
        self.next += 1

    def add_facts(self, facts: Sequence[Fact], publishers: dict[str, tuple[str, ...]]) -> None:
        """Add the lines of `facts`, the next entries: the same lines as `IndexBase.lines_of`
        gives, with figures in their plain form. One tight loop: this is most of a block."""
        heads, bodies = self.heads, self.bodies
        head_counts, body_counts = self.head_counts, self.body_counts
        for fact in facts:
            text = fact.text
            if fact.value is None:
                heads += (text.ru, text.en)
                head_counts.append(2)
            else:
                heads += (text.ru, text.en, *figure_words(fact.value, fact.unit))
                head_counts.append(4)
            before = len(bodies)
            quote = fact.quote
            if quote is not None:
                speaker = quote.speaker
                bodies += (quote.original, quote.translation, speaker.ru, speaker.en)
            note = fact.note
            if note is not None:
                bodies += (note.ru, note.en)
            if fact.source is not None:
                bodies += publishers.get(fact.source, ())
            body_counts.append(len(bodies) - before)
        self.next += len(facts)

    def field(self, kind: int) -> FieldLines:
        """The block's headline (HEAD) or body (BODY) lines as one folded string."""
        if kind == HEAD:
            return make_field(self.heads, self.head_counts, self.first)
        return make_field(self.bodies, self.body_counts, self.first)


def fold_lines(texts: list[str]) -> tuple[str, list[str]]:
    """Lines as one folded string, and the lines as folded (cut to MATCH_CHARS)."""
    if texts and max(map(len, texts)) > MATCH_CHARS:
        texts = [text[:MATCH_CHARS] for text in texts]
    joined = "\n".join(texts)
    folded = joined.casefold()
    # One fold for the whole block; texts with newlines or characters that fold to two fall
    # back to one fold per text, which keeps lines and offsets in step.
    if len(folded) != len(joined) or folded.count("\n") != len(texts) - 1:
        folded = "\n".join([fold(text) for text in texts])
    return folded, texts


def field_of(folded: str, texts: list[str], counts: list[int], first: int) -> FieldLines:
    """A field from its folded string and lines; `counts` are the lines of each entry from
    entry `first`."""
    # `fold` keeps each line's length, so lines start where the texts' lengths say.
    starts = array(NUMBERS, accumulate(map((1).__add__, map(len, texts)), initial=0))
    owners = array(
        NUMBERS, chain.from_iterable(map(repeat, range(first, first + len(counts)), counts))
    )
    return FieldLines(folded, starts, owners, array(NUMBERS, accumulate(counts, initial=0)))


def make_field(texts: list[str], counts: list[int], first: int) -> FieldLines:
    """Lines as one folded string; `counts` are the lines of each entry from entry `first`."""
    return field_of(*fold_lines(texts), counts, first)
