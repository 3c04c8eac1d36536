"""Search over every section, series and fact, in both languages. No Textual or Rich import.

Ranking, pass by pass: a match at a word start, then inside a word, then with one typo, then
the letters in order with gaps; within each, headlines (titles, a fact's text and figure) before
body text (summaries, quotes, notes, publishers); then entries in order (sections, series, facts
in display order). Scanning pass by pass in entry order means the hits found so far are always
the start of the final list, so a search can stop once it has enough, or show the first ones and
finish in a thread worker. The index (tui.search.index) builds its blocks as scans reach them.
"""

from __future__ import annotations

import operator
import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat

from tui.pack.model import Pack
from tui.search.index import (
    BODY,
    HEAD,
    VALUE_MARK,
    FieldLines,
    IndexBase,
    SearchEntry,
    prepare_query,
)
from tui.search.terms import fold, forgiving, typo_pattern

__all__ = [
    "MAX_HITS",
    "UI_BUDGET",
    "SearchEntry",
    "SearchHit",
    "SearchIndex",
    "SearchJob",
    "build_entries",
    "fold",
    "search",
]

MAX_HITS = 40
# Matches counted beyond the hits listed, so the screen can say how many there are.
COUNT_CAP = 1000
# Work a keystroke may do on the UI thread before the rest moves to a thread worker.
UI_BUDGET = 0.008
FINISHED_KEPT = 16  # finished searches kept for a query typed again
WORD_START, INSIDE, IN_ORDER, TYPO = 1, 2, 3, 4
# (tier, field) in rank order: one typo ranks above letters scattered in order.
PASSES = tuple(
    (tier, field) for tier in (WORD_START, INSIDE, TYPO, IN_ORDER) for field in (HEAD, BODY)
)
TIER_SCORES = {WORD_START: 1.0, INSIDE: 0.8, TYPO: 0.7, IN_ORDER: 0.6}


@dataclass(frozen=True)
class SearchHit:
    """A ranked entry, with the text that matched best and where in it the query matched."""

    entry: SearchEntry
    score: float
    candidate: str
    offsets: tuple[int, ...]
    tier: int = WORD_START  # 1 word start, 2 inside a word, 3 letters in order, 4 one typo
    headline: bool = True  # the match is in a title, a fact's text or its figure
    figure: bool = False  # the match is the fact's figure, matched as a number


class SearchIndex(IndexBase):
    """The index of a pack, and the last complete result to narrow the next query to."""

    def __init__(self, pack: Pack) -> None:
        super().__init__(pack)
        # The last finished search that found every match, for narrowing.
        self._complete: tuple[str, tuple[int, ...]] | None = None
        # The last finished searches by (query, limit), oldest first: a query typed again (a
        # backspace) gets its result again without a search. The index never changes.
        self._finished: dict[tuple[str, int], SearchJob] = {}

    def start(self, query: str, limit: int = MAX_HITS) -> SearchJob:
        """A search for `query`, narrowed to the last complete result when it extends it."""
        folded = prepare_query(query)
        finished = self._finished.get((folded, limit))
        if finished is not None:
            return finished.copy()
        within: tuple[int, ...] | None = None
        previous = self._complete
        if previous is not None and folded.startswith(previous[0]):
            # Narrowing needs every match of the longer query to match the shorter one; a word
            # that only now forgives a typo could match where the shorter word did not.
            before, after = forgiving(previous[0]), forgiving(folded)
            if all(i < len(before) and before[i] for i, f in enumerate(after) if f):
                within = previous[1]
        return SearchJob(self, folded, limit, within)

    def remember(self, job: SearchJob) -> None:
        """Keep a finished job's result, and its matches for narrowing when they are every
        match there is."""
        if job.done and job.query:
            key = (job.query, job.limit)
            self._finished.pop(key, None)
            self._finished[key] = job
            if len(self._finished) > FINISHED_KEPT:
                del self._finished[next(iter(self._finished))]
        if job.done and job.complete:
            self._complete = (job.query, tuple(sorted(job.matched)))


class _Matchers:
    """The compiled tests for one folded query, and its typo patterns per block and field."""

    def __init__(self, index: SearchIndex, query: str) -> None:
        self.index = index
        self.query = query
        self._escaped = [re.escape(char) for char in query]
        self._typos: dict[tuple[int, int], re.Pattern[str] | None] = {}
        self.forgives = any(forgiving(query))

    # Each pattern is compiled when a pass first needs it: compiling costs about a millisecond
    # a keystroke, and a query that counts enough matches at word starts needs no other.

    @cached_property
    def word_start(self) -> re.Pattern[str]:
        """The query at a word start. The first character, then "not preceded by a word
        character", then the rest: starting with a literal keeps re's fast scan for it."""
        first, *rest = self._escaped
        return re.compile(first + r"(?<!\w.)" + "".join(rest), re.DOTALL)

    @cached_property
    def inside(self) -> re.Pattern[str]:
        """The query anywhere."""
        return re.compile("".join(self._escaped))

    @cached_property
    def in_order(self) -> re.Pattern[str]:
        """Each next character after any run of others on the same line; possessive, so a line
        that fails is read once from each start."""
        first, *rest = self._escaped
        return re.compile(first + "".join(f"[^\\n{char}]*+{char}" for char in rest))

    def typo(self, block: int, field: int) -> re.Pattern[str] | None:
        """The query with one typo per long word, against the words of one block and field."""
        key = (block, field)
        if key not in self._typos:
            vocabulary = self.index.vocabulary(block, field)
            self._typos[key] = typo_pattern(self.query, vocabulary)
        return self._typos[key]

    def pattern(self, tier: int, block: int, field: int) -> re.Pattern[str] | None:
        """The pattern of `tier`'s matches in this block; None when the tier cannot match here
        (no typo is one edit from any of its words)."""
        if tier == WORD_START:
            return self.word_start
        if tier == INSIDE:
            return self.inside
        if tier == IN_ORDER:
            return self.in_order if len(self.query) >= 2 else None
        return self.typo(block, field) if self.forgives else None

    def finder(self, tier: int, block: int, field: int) -> Callable[[str, int, int], int] | None:
        """A function (text, start, end) → position of the first match, or -1; None when the
        tier cannot match in this block."""
        pattern = self.pattern(tier, block, field)
        if pattern is None:
            return None
        return lambda text, lo, hi: _start(pattern.search(text, lo, hi))


def _start(match: re.Match[str] | None) -> int:
    return -1 if match is None else match.start()


_MATCH_START = re.Match.start  # unbound, for a C-level map over a scan's matches


def first_matches(lines: FieldLines, pattern: re.Pattern[str]) -> dict[int, tuple[int, int]]:
    """Entry → (line, column) of its first match in `lines`, in the order of the entries.

    Matches are found by one C-level scan and mapped to lines and entries by C-level maps: a
    keystroke may count up to COUNT_CAP matches, and a Python step per match was most of it.
    A line's first match is the one `finditer` finds first in it (no match spans lines).
    """
    positions = list(map(_MATCH_START, pattern.finditer(lines.folded)))
    line_numbers = list(map((-1).__add__, map(bisect_right, repeat(lines.starts), positions)))
    columns = list(map(operator.sub, positions, map(lines.starts.__getitem__, line_numbers)))
    owners = list(map(lines.owners.__getitem__, line_numbers))
    # Written from the last match back, so that each entry keeps its first; in entry order.
    where = zip(reversed(line_numbers), reversed(columns), strict=True)
    first = dict(zip(reversed(owners), where, strict=True))
    return {entry: first[entry] for entry in dict.fromkeys(owners)}


class SearchJob:
    """One query's search, run in steps so that it can stop at a deadline and resume.

    Lists the first `limit` hits (one per place it leads to) and counts matches up to
    `COUNT_CAP`. Only one thread works on a job at a time: the UI thread for its first step,
    then at most one worker.
    """

    def __init__(
        self, index: SearchIndex, query: str, limit: int, within: tuple[int, ...] | None = None
    ) -> None:
        self.index = index
        self.query = query  # folded and normalised
        self.limit = limit
        self.within = within  # entries to test instead of a scan
        self.found: list[int] = []  # entry numbers of the hits, best first
        # Per found entry: pass, line of its field in the block, start of the match in it.
        self.where: dict[int, tuple[int, int, int]] = {}
        self.matched: set[int] = set()  # every matching entry seen (for narrowing)
        self._places: set[int] = set()  # where the counted matches lead (`place_of`)
        self.complete = False  # every match found (not stopped at COUNT_CAP)
        self.done = not query
        self._matchers = _Matchers(index, query) if query else None
        self._steps: Iterator[None] | None = None
        if query:
            self._steps = self._narrow() if within is not None else self._scan()

    def copy(self) -> SearchJob:
        """A finished job of the same query with the same result, for another screen to show."""
        assert self.done
        job = SearchJob(self.index, "", self.limit)
        job.query, job.within, job.complete = self.query, self.within, self.complete
        job.found, job.where = list(self.found), dict(self.where)
        job.matched, job._places = set(self.matched), set(self._places)
        job._matchers = self._matchers  # for the offsets of typo hits; not changed once done
        return job

    @property
    def count(self) -> int:
        """Places matched so far (at most COUNT_CAP); the number of hits when complete."""
        return len(self._places)

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

    def _add(self, entry: int, rank: int, line: int, column: int) -> bool:
        """Record a match; True once enough are counted."""
        if entry in self.matched:
            return False
        self.matched.add(entry)
        place = self.index.place_of(entry)
        if place in self._places:
            return False  # one row per place: a series leads to its section, as the section does
        self._places.add(place)
        if len(self.found) < self.limit:
            self.where[entry] = (rank, line, column)
            self.found.append(entry)
        return len(self._places) >= COUNT_CAP

    def _scan(self) -> Iterator[None]:
        """Pass by pass, block by block, stopping once COUNT_CAP places are counted."""
        index = self.index
        assert self._matchers is not None
        for rank, (tier, field) in enumerate(PASSES):
            for number in range(index.block_count):
                pattern = self._matchers.pattern(tier, number, field)
                if pattern is None:
                    continue
                if self._scan_field(index.block(number).fields[field], rank, pattern):
                    return
                yield
        self.complete = True

    def _scan_field(self, lines: FieldLines, rank: int, pattern: re.Pattern[str]) -> bool:
        """Record the matches in one block's lines of one kind; True once enough are counted."""
        matched = self.matched
        fresh = [(e, at) for e, at in first_matches(lines, pattern).items() if e not in matched]
        named = self.index.named_count
        done = 0
        # Entries that may be listed or share a place one by one (sections and series come
        # first in a block); then facts that are only counted, each a place of its own, at once.
        for entry, (line, column) in fresh:
            if len(self.found) >= self.limit and entry >= named:
                break
            done += 1
            if self._add(entry, rank, line, column):
                return True
        rest = [entry for entry, _ in fresh[done : done + COUNT_CAP - len(self._places)]]
        matched.update(rest)
        self._places.update(rest)
        return len(self._places) >= COUNT_CAP

    def _narrow(self) -> Iterator[None]:
        """Test only the entries of the last complete result, which hold every match."""
        assert self.within is not None
        best: list[tuple[int, int, int, int]] = []  # pass, entry, line, column
        for count, entry in enumerate(self.within):
            match = self._classify(entry)
            if match is not None:
                best.append((match[0], entry, match[1], match[2]))
            if count % 256 == 255:
                yield
        best.sort()
        for rank, entry, line, column in best:
            if self._add(entry, rank, line, column):
                return
        self.complete = True

    def _classify(self, entry: int) -> tuple[int, int, int] | None:
        """The first pass that matches `entry`, the line it matched and where in it."""
        assert self._matchers is not None
        number = self.index.block_of(entry)
        block = self.index.block(number)
        local = entry - block.first
        for rank, (tier, field) in enumerate(PASSES):
            lines = block.fields[field]
            first, last = lines.entry_lines[local], lines.entry_lines[local + 1]
            if first == last:
                continue
            find = self._matchers.finder(tier, number, field)
            if find is None:
                continue
            for line in range(first, last):
                position = find(lines.folded, lines.starts[line], lines.starts[line + 1] - 1)
                if position >= 0:
                    return rank, line, position - lines.starts[line]
        return None

    def hits(self) -> list[SearchHit]:
        """The hits found so far, best first; always the start of the final list."""
        return [self._hit(rank, entry) for rank, entry in enumerate(self.found)]

    def _hit(self, rank: int, entry: int) -> SearchHit:
        pass_rank, line, column = self.where[entry]
        tier, field = PASSES[pass_rank]
        block = self.index.block(self.index.block_of(entry))
        lines = block.fields[field]
        original = self.index.line_text(entry, field, line)
        candidate = self.index.shown_text(entry, original)
        folded = lines.folded[lines.starts[line] : lines.starts[line + 1] - 1]
        if original.startswith(VALUE_MARK):
            # A figure matched as a number: mark its digits as the screen writes them.
            offsets = tuple(i for i, char in enumerate(candidate) if char.isdigit())
        elif tier == IN_ORDER:
            offsets = _in_order_offsets(folded, self.query, column)
        elif tier == TYPO:
            assert self._matchers is not None
            pattern = self._matchers.typo(self.index.block_of(entry), field)
            match = pattern.match(folded, column) if pattern is not None else None
            offsets = tuple(range(column, match.end() if match else column + len(self.query)))
        else:
            offsets = tuple(range(column, column + len(self.query)))
        score = 1.0 - 0.1 * pass_rank - 0.05 * rank / max(self.limit, 1)
        return SearchHit(
            self.index.entry(entry),
            score,
            candidate,
            offsets,
            tier,
            headline=field == HEAD,
            figure=original.startswith(VALUE_MARK),
        )


def _in_order_offsets(folded: str, query: str, start: int) -> tuple[int, ...]:
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
    return SearchJob(index, prepare_query(query), limit).run()
