"""The search index's blocks: built fast, in steps or at once, they hold exactly the lines that
`IndexBase.lines_of` gives each entry, folded as the ranking expects, and find the same hits."""

from __future__ import annotations

from itertools import accumulate
from pathlib import Path

import pytest
from app_helpers import build_pack

from tui.pack.load import load_pack
from tui.pack.model import UNITS, Pack
from tui.search import SearchIndex, search
from tui.search import index as engine
from tui.search.blocks import BODY, HEAD, MATCH_CHARS, FieldLines, figure_words
from tui.search.index import VALUE_MARK
from tui.search.terms import fold

HOSTILE_PACK = Path(__file__).parent.parent / "data" / "hostile" / "pack"
QUERIES = ("m", "mi", "park", "90 000", "2030", "tass", "тасс", "технопарк", "technoprak", "a b")


def hostile_pack() -> Pack:
    pack = load_pack([HOSTILE_PACK]).pack
    assert pack is not None
    return pack


def reference_field(
    index: SearchIndex, number: int, kind: int
) -> tuple[str, list[int], list[int], list[int]]:
    """A block's lines of one kind, made the plain way: entry by entry from `lines_of`, each
    line cut and folded on its own, a figure's line without its mark and language."""
    first = number * engine.BLOCK_ENTRIES
    entries = range(first, min(first + engine.BLOCK_ENTRIES, len(index)))
    texts: list[str] = []
    owners: list[int] = []
    entry_lines: list[int] = []
    for entry in entries:
        lines = index.lines_of(entry)[kind]
        entry_lines.append(len(texts))
        texts += [text[:MATCH_CHARS] for text in lines]
        owners += [entry] * len(lines)
    entry_lines.append(len(texts))
    folded = [fold(text) for text in texts]
    folded = [line[4:] if line.startswith(VALUE_MARK) else line for line in folded]
    starts = list(accumulate((len(line) + 1 for line in folded), initial=0))
    return "\n".join(folded), starts, owners, entry_lines


def as_tuple(field: FieldLines) -> tuple[str, list[int], list[int], list[int]]:
    return field.folded, list(field.starts), list(field.owners), list(field.entry_lines)


@pytest.mark.parametrize("block_entries", [7, 1024])
@pytest.mark.parametrize("which", ["content", "hostile"])
def test_blocks_hold_each_entrys_lines_folded(
    monkeypatch: pytest.MonkeyPatch, which: str, block_entries: int
) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", block_entries)
    pack = build_pack() if which == "content" else hostile_pack()
    index = SearchIndex(pack)
    assert any(fact.value is not None for fact in pack.facts)
    for number in range(index.block_count):
        block = index.block(number)
        for kind in (HEAD, BODY):
            assert as_tuple(block.fields[kind]) == reference_field(index, number, kind)


@pytest.mark.parametrize("which", ["content", "hostile"])
def test_building_in_steps_equals_building_on_demand(
    monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 16)
    pack = build_pack() if which == "content" else hostile_pack()
    stepped, on_demand = SearchIndex(pack), SearchIndex(pack)
    stepped.block(1)  # a search built one meanwhile: the steps skip it
    steps = 0
    while stepped.build_for(0.0, entries=5):
        steps += 1
        assert steps < 10_000
    assert stepped.built and not on_demand.built
    assert steps > stepped.block_count  # many small steps, not a block at a time
    assert not stepped.build_for(1.0)  # nothing left
    for number in range(on_demand.block_count):
        built, wanted = stepped.block(number), on_demand.block(number)
        assert built.first == wanted.first
        assert list(map(as_tuple, built.fields)) == list(map(as_tuple, wanted.fields))
    for query in QUERIES:
        assert search(stepped, query) == search(on_demand, query)


def test_hits_show_the_original_lines() -> None:
    pack = build_pack()
    index = SearchIndex(pack)
    for query in QUERIES:
        for hit in search(index, query):
            shown = [index.shown_text(hit.entry.number, text) for text in hit.entry.candidates]
            assert hit.candidate in shown
            assert hit.entry.candidates == tuple(
                index.shown_text(hit.entry.number, text[:MATCH_CHARS])
                for text in (
                    *index.lines_of(hit.entry.number)[0],
                    *index.lines_of(hit.entry.number)[1],
                )
            )


VALUES = [*range(0, 230), 0.5, 1.25, 2.0004, 3.9999, -1, -21, -112, 1e6, 1_000_001, 12.5e9]


@pytest.mark.parametrize("code", [*UNITS, None, "no-such-unit"])
def test_figure_words_are_the_units_labels(code: str | None) -> None:
    unit = UNITS.get(code or "")
    for value in VALUES:
        rounded = round(float(value), 3)
        number = str(int(rounded)) if rounded.is_integer() else repr(rounded)
        if unit is None:
            expected = (number, number)
        else:
            english, russian = unit.label(rounded, "en"), unit.label(rounded, "ru")
            expected = (f"{number} {english}", f"{number} {russian}")
        assert figure_words(value, code) == expected, value
