"""Fuzzy search over every section and fact, in both languages. No Textual or Rich import.

The index keeps, per block of entries, one casefolded string of all their texts, a line each, so
each query is a few C-level scans (`re`, `str.find`) rather than a Python loop over 100,000
entries. Blocks are built on first use, in entry order, so opening the search costs nothing and
a common query touches only the first blocks.

Ranking: a match at a word start beats a match inside a word, which beats the letters in order
with gaps (a subsequence); within a tier, section titles and summaries come before facts, then
display order. Scanning tier by tier in entry order means the hits found so far are always the
start of the final list, so a search can stop once it has enough hits, or show the first ones
and finish in a thread worker.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from tui.pack.model import Pack

# Longer texts are cut before matching: a subsequence scan costs up to a line's length per
# start, and content may hold lines of any size.
MATCH_CHARS = 300
MAX_HITS = 40
# Entries per block of the index: small enough that building or scanning one block stays far
# below a frame, large enough that a scan is mostly C.
BLOCK_ENTRIES = 2048
# Work a keystroke may do on the UI thread before the rest moves to a thread worker.
UI_BUDGET = 0.008
TIER_SCORES = {1: 1.0, 2: 0.8, 3: 0.6}


@dataclass(frozen=True)
class SearchEntry:
    """One section or fact and the texts, in both languages, that find it."""

    path: str
    fact_id: str | None
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    """A ranked entry, with the text that matched best and where in it the query matched."""

    entry: SearchEntry
    score: float
    candidate: str
    offsets: tuple[int, ...]
    tier: int = 1  # 1 word start, 2 inside a word, 3 letters in order


def fold(text: str) -> str:
    """Casefolded `text` of the same length, so offsets in it are offsets in `text`.

    Full case folding turns a few characters into two ("ß" → "ss"); those keep only the first.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        folded = "".join(char.casefold()[0] for char in text)
    return folded.replace("\n", " ")


@dataclass(frozen=True)
class _Block:
    """Entries `first`… of the index: their texts as lines of one folded string."""

    first: int  # index of the first entry
    folded: str  # every candidate, folded, one per line
    starts: list[int]  # where each line starts, plus one past the end
    owners: list[int]  # the entry of each line
    entry_lines: list[int]  # first line of each entry, plus the line count
    texts: list[str]  # each line's original text (cut to MATCH_CHARS)


class SearchIndex:
    """Every section (title, summary) and fact (text, quote, speaker) in both languages.

    Cheap to create; each block is built once, when a search first reaches it. Blocks are
    immutable and replace `None` in one assignment, so a worker thread and the UI thread may
    both build one without harm.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._sections = list(pack.sections.values())
        self._n_sections = len(self._sections)
        self.size = self._n_sections + len(pack.facts)
        self._blocks: list[_Block | None] = [None] * (-(-self.size // BLOCK_ENTRIES))
        # The last finished search whose hits were all the matches, for narrowing.
        self._complete: tuple[str, tuple[int, ...]] | None = None

    def __len__(self) -> int:
        return self.size

    def entry(self, number: int) -> SearchEntry:
        block = self.block(number // BLOCK_ENTRIES)
        local = number - block.first
        lines = block.texts[block.entry_lines[local] : block.entry_lines[local + 1]]
        if number < self._n_sections:
            return SearchEntry(self._sections[number].path, None, tuple(lines))
        fact = self.pack.facts[number - self._n_sections]
        return SearchEntry(fact.section, fact.id, tuple(lines))

    def _texts_of(self, number: int) -> tuple[str, ...]:
        if number < self._n_sections:
            section = self._sections[number]
            return (section.title.ru, section.title.en, section.summary.ru, section.summary.en)
        fact = self.pack.facts[number - self._n_sections]
        if fact.quote is None:
            return (fact.text.ru, fact.text.en)
        quote = fact.quote
        return (
            fact.text.ru,
            fact.text.en,
            quote.original,
            quote.translation,
            quote.speaker.ru,
            quote.speaker.en,
        )

    def block(self, number: int) -> _Block:
        """Block `number`, built on first use."""
        block = self._blocks[number]
        if block is None:
            block = self._build(number)
            self._blocks[number] = block
        return block

    def _build(self, number: int) -> _Block:
        first = number * BLOCK_ENTRIES
        texts: list[str] = []
        owners: list[int] = []
        entry_lines: list[int] = []
        for entry in range(first, min(first + BLOCK_ENTRIES, self.size)):
            entry_lines.append(len(texts))
            for text in self._texts_of(entry):
                texts.append(text[:MATCH_CHARS])
                owners.append(entry)
        entry_lines.append(len(texts))
        joined = "\n".join(texts)
        folded = joined.casefold()
        # One fold for the whole block; texts with newlines or characters that fold to two
        # fall back to one fold per text, which keeps lines and offsets in step.
        if len(folded) != len(joined) or folded.count("\n") != len(texts) - 1:
            folded = "\n".join(fold(text) for text in texts)
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        return _Block(first, folded, starts, owners, entry_lines, texts)

    def start(self, query: str, limit: int = MAX_HITS) -> SearchJob:
        """A search for `query`, narrowed to the last complete result when it extends it."""
        folded = fold(query.strip())
        within: tuple[int, ...] | None = None
        if self._complete is not None and folded.startswith(self._complete[0]):
            within = self._complete[1]
        return SearchJob(self, folded, limit, within)

    def remember(self, job: SearchJob) -> None:
        """Keep a finished job's hits for narrowing when they are every match there is."""
        if job.done and job.complete:
            self._complete = (job.query, tuple(job.found))


class _Patterns:
    """The compiled tests for one folded query."""

    def __init__(self, query: str) -> None:
        escaped = [re.escape(char) for char in query]
        # The first character, then "not preceded by a word character", then the rest: starting
        # with a literal keeps re's fast scan for it.
        self.word_start = re.compile(escaped[0] + r"(?<!\w.)" + "".join(escaped[1:]), re.DOTALL)
        # Each next character after any run of others on the same line; possessive, so a line
        # that fails is read once from each start.
        self.subsequence = re.compile(
            escaped[0] + "".join(f"[^\\n{char}]*+{char}" for char in escaped[1:])
        )


class SearchJob:
    """One query's search, run in steps so that it can stop at a deadline and resume.

    Only one thread works on a job at a time: the UI thread for its first step, then at most
    one worker.
    """

    def __init__(
        self, index: SearchIndex, query: str, limit: int, within: tuple[int, ...] | None = None
    ) -> None:
        self.index = index
        self.query = query  # folded
        self.limit = limit
        self.within = within  # entries to test instead of a scan
        self.found: list[int] = []  # entry numbers, best first
        # Per found entry: tier, block line, start of the match in that line.
        self.where: dict[int, tuple[int, int, int]] = {}
        self.complete = False  # every match found (not stopped at `limit`)
        self.done = not query
        self._patterns = _Patterns(query) if query else None
        self._steps: Iterator[None] | None = None
        if query:
            self._steps = self._narrow() if within is not None else self._scan()

    def step(
        self, budget: float | None = None, cancelled: Callable[[], bool] | None = None
    ) -> bool:
        """Work until done, `budget` seconds have passed or `cancelled()`; True when done."""
        if self.done or self._steps is None:
            return True
        deadline = None if budget is None else time.perf_counter() + budget
        for _ in self._steps:
            if (deadline is not None and time.perf_counter() >= deadline) or (
                cancelled is not None and cancelled()
            ):
                return False
        self.done = True
        return True

    def run(self) -> list[SearchHit]:
        """Finish the search and return the hits."""
        self.step()
        return self.hits()

    def _add(self, entry: int, tier: int, line: int, column: int) -> bool:
        """Record a hit; True once there are enough."""
        if entry not in self.where:
            self.where[entry] = (tier, line, column)
            self.found.append(entry)
        return len(self.found) >= self.limit

    def _scan(self) -> Iterator[None]:
        """Tier by tier, block by block, stopping at `limit` hits."""
        index, query = self.index, self.query
        assert self._patterns is not None
        word_start = self._patterns.word_start
        subsequence = self._patterns.subsequence
        tiers: list[tuple[int, Callable[[str, int], int]]] = [
            (1, lambda text, pos: _match_start(word_start.search(text, pos))),
            (2, lambda text, pos: text.find(query, pos)),
        ]
        if len(query) > 1:
            tiers.append((3, lambda text, pos: _match_start(subsequence.search(text, pos))))
        for tier, find in tiers:
            for number in range(len(index._blocks)):
                block = index.block(number)
                text, starts, owners = block.folded, block.starts, block.owners
                position = find(text, 0)
                while position >= 0:
                    line = bisect_right(starts, position) - 1
                    if self._add(owners[line], tier, line, position - starts[line]):
                        return
                    position = find(text, starts[line + 1])
                yield
        self.complete = True

    def _narrow(self) -> Iterator[None]:
        """Test only the entries of the last complete result, which hold every match."""
        assert self.within is not None
        best: list[tuple[int, int, int, int]] = []  # tier, entry, line, column
        for count, entry in enumerate(self.within):
            block = self.index.block(entry // BLOCK_ENTRIES)
            local = entry - block.first
            first, last = block.entry_lines[local], block.entry_lines[local + 1]
            match = self._classify(block, first, last)
            if match is not None:
                best.append((match[0], entry, match[1], match[2]))
            if count % 256 == 255:
                yield
        best.sort()
        for tier, entry, line, column in best:
            if self._add(entry, tier, line, column):
                return
        self.complete = True

    def _classify(self, block: _Block, first: int, last: int) -> tuple[int, int, int] | None:
        """The best tier of lines `first`…`last`, its first line and where it matched there."""
        folded, starts, query = block.folded, block.starts, self.query
        assert self._patterns is not None
        word_start, subsequence = self._patterns.word_start, self._patterns.subsequence
        tests: list[Callable[[int, int], int]] = [
            lambda lo, hi: _match_start(word_start.search(folded, lo, hi)),
            lambda lo, hi: folded.find(query, lo, hi),
        ]
        if len(query) > 1:
            tests.append(lambda lo, hi: _match_start(subsequence.search(folded, lo, hi)))
        for tier, test in enumerate(tests, start=1):
            for line in range(first, last):
                position = test(starts[line], starts[line + 1] - 1)
                if position >= 0:
                    return tier, line, position - starts[line]
        return None

    def hits(self) -> list[SearchHit]:
        """The hits found so far, best first; always the start of the final list."""
        hits: list[SearchHit] = []
        for rank, entry in enumerate(self.found):
            tier, line, column = self.where[entry]
            block = self.index.block(entry // BLOCK_ENTRIES)
            candidate = block.texts[line]
            if tier == 3:
                folded = block.folded[block.starts[line] : block.starts[line + 1] - 1]
                offsets = _subsequence_offsets(folded, self.query, column)
            else:
                offsets = tuple(range(column, column + len(self.query)))
            score = TIER_SCORES[tier] - 0.1 * rank / max(self.limit, 1)
            hits.append(SearchHit(self.index.entry(entry), score, candidate, offsets, tier))
        return hits


def _match_start(match: re.Match[str] | None) -> int:
    return -1 if match is None else match.start()


def _subsequence_offsets(folded: str, query: str, start: int) -> tuple[int, ...]:
    """Where each character of `query` falls, taking the first one after the previous."""
    offsets = [start]
    for char in query[1:]:
        offsets.append(folded.index(char, offsets[-1] + 1))
    return tuple(offsets)


def build_entries(pack: Pack) -> SearchIndex:
    """The search index of `pack`; its blocks are built as searches reach them."""
    return SearchIndex(pack)


def search(index: SearchIndex, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Entries matching `query`, best first, searched to the end (no narrowing)."""
    folded = fold(query.strip())
    return SearchJob(index, folded, limit).run()
