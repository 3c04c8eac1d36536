"""The search index: every section, series and fact with the lines that find it. No UI import.

Each entry has headline lines (a section's or series' title, a fact's text and its figure) and
body lines (summaries, quotes, speakers, notes, the source's publisher). The index keeps, per
block of entries and per kind of line, one folded string of all their lines, so that a query is
a few C-level scans (`re`, `str.find`) rather than a Python loop over 100,000 entries. Blocks are
built on first use, in entry order, so opening the search costs nothing and a common query
touches only the first blocks. Figures are indexed as numbers, so "90 000", "90,000", "90000"
and "90 тысяч" are one query (see tui.search.terms); the ranking is in tui.search.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from tui.pack.model import Fact, Localized, Pack
from tui.search.blocks import (
    BODY,
    HEAD,
    MATCH_CHARS,
    Block,
    BlockLines,
    FieldLines,
    field_of,
    figure_words,
    fold_lines,
)
from tui.search.terms import fold, normalise_numbers, vocabulary_of
from tui.text.citations import publisher_name
from tui.text.units import format_value

__all__ = ["BODY", "HEAD", "MATCH_CHARS", "VALUE_MARK", "FieldLines", "IndexBase", "SearchEntry"]

# Entries per block of the index: small enough that building or scanning one block stays far
# below a frame, large enough that a scan is mostly C.
BLOCK_ENTRIES = 1024
# Entries added per step of the building in the background (see `build_for`): well under a
# millisecond, so that a step overruns its budget by little.
BUILD_SLICE = 128
VALUE_MARK = "\x00"  # marks a figure's line in `IndexBase.lines_of`; shown as formatted


@dataclass(frozen=True)
class SearchEntry:
    """One section, series or fact, where it leads, and the texts that find it."""

    path: str
    fact_id: str | None
    candidates: tuple[str, ...]
    kind: str = "fact"  # "section", "series" or "fact"
    number: int = 0  # its place in the index
    title: Localized | None = None  # what the screen calls it: a fact's text, else a title


def _figure_lines(value: float, unit_code: str | None) -> list[str]:
    """A figure's lines as `lines_of` gives them: marked, with their language."""
    english, russian = figure_words(value, unit_code)
    return [f"{VALUE_MARK}en {english}", f"{VALUE_MARK}ru {russian}"]


class IndexBase:
    """Every section, series and fact of a pack, with the lines that find each.

    Cheap to create; each block is built once, when a search first reaches it. Blocks are
    immutable and replace `None` in one assignment, so a worker thread and the UI thread may
    both build one without harm.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._sections = list(pack.sections.values())
        self._series = list(pack.series.values())
        self._n_sections = len(self._sections)
        self._n_named = self._n_sections + len(self._series)
        # Where each section and series leads, as a number shared by entries leading to the
        # same place (a series leads to its section); a fact is a place of its own.
        section_numbers = {section.path: n for n, section in enumerate(self._sections)}
        self._named_places = list(range(self._n_sections)) + [
            section_numbers.get(series.section, self._n_sections + n)
            for n, series in enumerate(self._series)
        ]
        self.size = self._n_named + len(pack.facts)
        self._block_entries = BLOCK_ENTRIES  # read once: a block's size never changes under it
        self._blocks: list[Block | None] = [None] * (-(-self.size // BLOCK_ENTRIES))
        self._vocabularies: dict[tuple[int, int], set[str]] = {}
        self._pending: BlockLines | None = None  # the block build_some is building
        # Each source's publisher as written and, where it has one, by its Russian name.
        self._publishers = {
            source.id: tuple(dict.fromkeys((source.publisher, publisher_name(source, "ru"))))
            for source in pack.sources.values()
        }

    def __len__(self) -> int:
        return self.size

    def destination(self, number: int) -> tuple[str, str | None, str]:
        """Where entry `number` leads: section path, fact id (or None), and its kind."""
        if number < self._n_sections:
            return self._sections[number].path, None, "section"
        if number < self._n_named:
            return self._series[number - self._n_sections].section, None, "series"
        fact = self.pack.facts[number - self._n_named]
        return fact.section, fact.id, "fact"

    @property
    def named_count(self) -> int:
        """Entries that are sections or series; every later entry is a fact."""
        return self._n_named

    def place_of(self, number: int) -> int:
        """A number for where entry `number` leads: equal for entries that lead to the same
        place (see `destination`); a fact's is its own entry number."""
        return number if number >= self._n_named else self._named_places[number]

    @property
    def block_count(self) -> int:
        return len(self._blocks)

    def block_of(self, number: int) -> int:
        """The number of the block that holds entry `number`."""
        return number // self._block_entries

    def fact(self, number: int) -> Fact | None:
        """The fact of entry `number`, if it is one."""
        return self.pack.facts[number - self._n_named] if number >= self._n_named else None

    def entry(self, number: int) -> SearchEntry:
        head, body = self.lines_of(number)
        lines = [self.shown_text(number, text[:MATCH_CHARS]) for text in (*head, *body)]
        path, fact_id, kind = self.destination(number)
        return SearchEntry(path, fact_id, tuple(lines), kind, number, self._title_of(number))

    def line_text(self, number: int, field: int, line: int) -> str:
        """The original text of line `line` of a block's `field`, which entry `number` owns
        (cut to MATCH_CHARS, as matched); a figure's starts with VALUE_MARK."""
        block = self.block(self.block_of(number))
        own = line - block.fields[field].entry_lines[number - block.first]
        return self.lines_of(number)[field][own][:MATCH_CHARS]

    def _title_of(self, number: int) -> Localized:
        if number < self._n_sections:
            return self._sections[number].title
        if number < self._n_named:
            return self._series[number - self._n_sections].title
        return self.pack.facts[number - self._n_named].text

    def shown_text(self, number: int, text: str) -> str:
        """A line as the screen shows it: a figure formatted in its language."""
        fact = self.fact(number)
        if not text.startswith(VALUE_MARK) or fact is None:
            return text
        return format_value(fact, "ru" if text[1:3] == "ru" else "en")

    def lines_of(self, number: int) -> tuple[list[str], list[str]]:
        """Headline and body lines of entry `number`."""
        if number < self._n_sections:
            section = self._sections[number]
            return [section.title.ru, section.title.en], [section.summary.ru, section.summary.en]
        if number < self._n_named:
            series = self._series[number - self._n_sections]
            return [series.title.ru, series.title.en], []
        fact = self.pack.facts[number - self._n_named]
        text = fact.text
        if fact.value is None:
            head = [text.ru, text.en]
        else:
            head = [text.ru, text.en, *_figure_lines(fact.value, fact.unit)]
        body: list[str] = []
        if fact.quote is not None:
            quote = fact.quote
            body += [quote.original, quote.translation, quote.speaker.ru, quote.speaker.en]
        if fact.note is not None:
            body += [fact.note.ru, fact.note.en]
        if fact.source is not None:
            body += self._publishers.get(fact.source, ())
        return head, body

    def block(self, number: int) -> Block:
        """Block `number`, built on first use."""
        block = self._blocks[number]
        if block is None:
            block = self._build(number)
            self._blocks[number] = block
        return block

    @property
    def built(self) -> bool:
        """Every block is built."""
        return self._pending is None and all(block is not None for block in self._blocks)

    def build_some(self, entries: int) -> bool:
        """Index about `entries` more entries of the first block not built yet; False when
        every block is built.

        Lets the UI build the index a slice at a time while the reader is idle, each slice far
        below a frame, so that the first keystrokes of a search only scan.
        """
        pending = self._pending
        if pending is not None and self._blocks[pending.number] is not None:
            pending = None  # a search built it meanwhile
        if pending is None:
            number = next((n for n, block in enumerate(self._blocks) if block is None), None)
            if number is None:
                return False
            first = number * self._block_entries
            pending = BlockLines(number, first, first)
        stop = min((pending.number + 1) * self._block_entries, self.size)
        if pending.next < stop:
            self._collect(pending, min(pending.next + entries, stop))
        elif pending.head_folded is None:  # the headlines in two steps: each takes a while
            pending.head_folded = fold_lines(pending.heads)
        elif pending.head is None:
            folded, heads = pending.head_folded
            pending.head = field_of(folded, heads, pending.head_counts, pending.first)
        else:
            self._blocks[pending.number] = Block(pending.first, (pending.head, pending.field(BODY)))
            pending = None
        self._pending = pending
        return True

    def build_for(self, budget: float, entries: int = BUILD_SLICE) -> bool:
        """Build for about `budget` seconds, `entries` at a time (see `build_some`); False
        when every block is built."""
        deadline = time.perf_counter() + budget
        while self.build_some(entries):
            if time.perf_counter() >= deadline:
                return True
        return False

    def _build(self, number: int) -> Block:
        first = number * self._block_entries
        lines = BlockLines(number, first, first)
        self._collect(lines, min(first + self._block_entries, self.size))
        return Block(first, (lines.field(HEAD), lines.field(BODY)))

    def _collect(self, lines: BlockLines, stop: int) -> None:
        """Add the lines of the entries from `lines.next` up to `stop`."""
        while lines.next < min(stop, self._n_named):
            lines.add(*self.lines_of(lines.next))
        if lines.next < stop:
            facts = self.pack.facts[lines.next - self._n_named : stop - self._n_named]
            lines.add_facts(facts, self._publishers)

    def vocabulary(self, block: int, field: int) -> set[str]:
        """The distinct words of one block's lines of one kind (for forgiving typos)."""
        key = (block, field)
        words = self._vocabularies.get(key)
        if words is None:
            words = self._vocabularies[key] = vocabulary_of(self.block(block).fields[field].folded)
        return words


def prepare_query(query: str) -> str:
    """The query as the index compares it: folded, spaces trimmed, figures as plain numbers."""
    return normalise_numbers(fold(query.strip()))
