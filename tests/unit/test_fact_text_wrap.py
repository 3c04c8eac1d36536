"""The fact list counts wrapped lines itself; it must count exactly as Content.wrap draws."""

from __future__ import annotations

import random

import pytest
from textual.content import Content

from tui.ui.widgets.fact_text import wrapped_height

WORDS = [
    "a",
    "Moscow",
    "технопарк",
    "75\u00a0000",
    "—",
    "«quoted»",
    "2014–2025",
    "東京都",
    "supercalifragilisticexpialidocious",
    "x" * 30,
    "",
]
SPACES = [" ", "  ", "\t", " \u00a0 "]


def drawn_height(plain: str, width: int) -> int:
    """The lines Content.wrap makes of `plain`, line by line as the list draws it."""
    return sum(len(Content(line.expandtabs(8)).wrap(width)) for line in plain.split("\n"))


@pytest.mark.parametrize("seed", range(40))
def test_counted_lines_match_content_wrap(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        pieces: list[str] = []
        for _ in range(rng.randint(0, 25)):
            pieces.append(rng.choice(WORDS))
            pieces.append(rng.choice(SPACES) if rng.random() > 0.1 else "\n")
        plain = "".join(pieces).lstrip("\n") if rng.random() > 0.5 else " " + "".join(pieces)
        width = rng.randint(1, 40)
        assert wrapped_height(plain, width) == drawn_height(plain, width), (plain, width)


def test_a_long_line_is_counted_by_its_words() -> None:
    plain = "one two three four five six seven"
    assert wrapped_height(plain, 9) == drawn_height(plain, 9) == 4
