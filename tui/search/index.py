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

import dataclasses
from dataclasses import dataclass
from itertools import accumulate

from tui.pack.model import UNITS, Fact, Localized, Pack
from tui.search.terms import fold, normalise_numbers, vocabulary_of
from tui.text.citations import publisher_name
from tui.text.units import format_value

# Longer texts are cut before matching: a subsequence scan costs up to a line's length per
# start, and content may hold lines of any size.
MATCH_CHARS = 300
# Entries per block of the index: small enough that building or scanning one block stays far
# below a frame, large enough that a scan is mostly C.
BLOCK_ENTRIES = 1024
HEAD, BODY = 0, 1
VALUE_MARK = "\x00"  # marks a figure's line in `FieldLines.texts`; the figure is shown as formatted


@dataclass(frozen=True)
class SearchEntry:
    """One section, series or fact, where it leads, and the texts that find it."""

    path: str
    fact_id: str | None
    candidates: tuple[str, ...]
    kind: str = "fact"  # "section", "series" or "fact"
    number: int = 0  # its place in the index
    title: Localized | None = None  # what the screen calls it: a fact's text, else a title


@dataclass(frozen=True)
class FieldLines:
    """One kind of line (headline or body) of a block's entries, as one folded string."""

    folded: str  # every line, folded (figures also normalised), one per line
    starts: list[int]  # where each line starts, plus one past the end
    owners: list[int]  # the entry of each line
    entry_lines: list[int]  # first line of each entry of the block, plus the line count
    texts: list[
        str
    ]  # each line's original text (cut to MATCH_CHARS); figures start with VALUE_MARK


@dataclass(frozen=True)
class _Block:
    first: int  # index of the first entry
    fields: tuple[FieldLines, FieldLines]


def _figure_lines(value: float, unit_code: str | None) -> list[str]:
    """A figure as numbers and unit words in both languages, marked as a figure."""
    value = round(float(value), 3)
    number = str(int(value)) if value.is_integer() else repr(value)
    unit = UNITS.get(unit_code or "")
    if unit is None:
        return [f"{VALUE_MARK}en {number}", f"{VALUE_MARK}ru {number}"]
    return [
        f"{VALUE_MARK}en {number} {unit.label(value, 'en')}",
        f"{VALUE_MARK}ru {number} {unit.label(value, 'ru')}",
    ]


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
        self._blocks: list[_Block | None] = [None] * (-(-self.size // BLOCK_ENTRIES))
        self._vocabularies: dict[tuple[int, int], set[str]] = {}
        self._pending: _BlockLines | None = None  # the block build_some is building
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
        block = self.block(self.block_of(number))
        local = number - block.first
        lines = [
            self.shown_text(number, text)
            for field in block.fields
            for text in field.texts[field.entry_lines[local] : field.entry_lines[local + 1]]
        ]
        path, fact_id, kind = self.destination(number)
        return SearchEntry(path, fact_id, tuple(lines), kind, number, self._title_of(number))

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

    def _lines_of(self, number: int) -> tuple[list[str], list[str]]:
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

    def block(self, number: int) -> _Block:
        """Block `number`, built on first use."""
        block = self._blocks[number]
        if block is None:
            block = self._build(number)
            self._blocks[number] = block
        return block

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
            pending = _BlockLines(number, number * self._block_entries)
        stop = min((pending.number + 1) * self._block_entries, self.size)
        if pending.next < stop:
            self._collect(pending, min(pending.next + entries, stop))
        elif pending.head is None:  # the block's two strings in two steps: each takes a while
            pending.head = pending.field(HEAD)
        else:
            first = pending.number * self._block_entries
            self._blocks[pending.number] = _Block(first, (pending.head, pending.field(BODY)))
            pending = None
        self._pending = pending
        return True

    def _build(self, number: int) -> _Block:
        first = number * self._block_entries
        lines = _BlockLines(number, first)
        self._collect(lines, min(first + self._block_entries, self.size))
        return _Block(first, (lines.field(HEAD), lines.field(BODY)))

    def _collect(self, lines: _BlockLines, stop: int) -> None:
        """Add the lines of the entries from `lines.next` up to `stop`."""
        heads, bodies = lines.heads, lines.bodies
        for entry in range(lines.next, stop):
            head, body = self._lines_of(entry)
            lines.head_lines.append(len(heads))
            lines.body_lines.append(len(bodies))
            if head and head[-1].startswith(VALUE_MARK):
                lines.figures += (len(heads) + len(head) - 2, len(heads) + len(head) - 1)
            heads += head
            bodies += body
            lines.head_owners += [entry] * len(head)
            lines.body_owners += [entry] * len(body)
        lines.next = max(lines.next, stop)

    def vocabulary(self, block: int, field: int) -> set[str]:
        """The distinct words of one block's lines of one kind (for forgiving typos)."""
        key = (block, field)
        words = self._vocabularies.get(key)
        if words is None:
            words = self._vocabularies[key] = vocabulary_of(self.block(block).fields[field].folded)
        return words


@dataclass
class _BlockLines:
    """The lines of a block being built, entry by entry (see IndexBase.build_some)."""

    number: int
    next: int  # the next entry to add
    heads: list[str] = dataclasses.field(default_factory=list)
    bodies: list[str] = dataclasses.field(default_factory=list)
    head_owners: list[int] = dataclasses.field(default_factory=list)
    body_owners: list[int] = dataclasses.field(default_factory=list)
    head_lines: list[int] = dataclasses.field(default_factory=list)
    body_lines: list[int] = dataclasses.field(default_factory=list)
    figures: list[int] = dataclasses.field(default_factory=list)

    head: FieldLines | None = None  # the headline field, once made

    def field(self, kind: int) -> FieldLines:
        """The block's headline (HEAD) or body (BODY) lines as one folded string."""
        if kind == HEAD:
            heads = [text[:MATCH_CHARS] for text in self.heads]
            return make_field(heads, self.head_owners, self.head_lines, self.figures)
        bodies = [text[:MATCH_CHARS] for text in self.bodies]
        return make_field(bodies, self.body_owners, self.body_lines, [])


def make_field(
    texts: list[str], owners: list[int], entry_lines: list[int], figures: list[int]
) -> FieldLines:
    """One kind of line of a block as a folded string; `figures` are the lines of figures."""
    entry_lines.append(len(texts))
    joined = "\n".join(texts)
    folded = joined.casefold()
    # One fold for the whole block; texts with newlines or characters that fold to two fall
    # back to one fold per text, which keeps lines and offsets in step.
    if len(folded) == len(joined) and folded.count("\n") == len(texts) - 1:
        folded_lines = folded.split("\n")
    else:
        folded_lines = [fold(text) for text in texts]
    # A figure's line is written in the plain form already ("en 90000 jobs"): drop the mark.
    for line in figures:
        folded_lines[line] = folded_lines[line][len(VALUE_MARK) + 3 :]
    folded = "\n".join(folded_lines)
    starts = list(accumulate((n + 1 for n in map(len, folded_lines)), initial=0))
    return FieldLines(folded, starts, owners, entry_lines, texts)


def prepare_query(query: str) -> str:
    """The query as the index compares it: folded, spaces trimmed, figures as plain numbers."""
    return normalise_numbers(fold(query.strip()))
