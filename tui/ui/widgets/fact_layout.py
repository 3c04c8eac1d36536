"""What FactList keeps about its facts: how each is drawn and where each is."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.color import Color


@dataclass(frozen=True)
class Look:
    """How one fact is drawn: the background over the list's, the left mark, and whether the
    first line points at it (the highlighted fact while the list has focus)."""

    background: Color
    mark: str
    mark_color: Color
    pointer: bool = False


@dataclass
class Layout:
    """Where each fact's lines are for one width: `tops[i]` is the first line of fact `i`."""

    width: int
    tops: list[int] = field(default_factory=list)
    heights: list[int] = field(default_factory=list)
    height: int = 0

    def place(self, heights: list[int], gap: int) -> None:
        """Stack facts of `heights` lines, `gap` blank lines above each."""
        y = 0
        for height in heights:
            y += gap
            self.tops.append(y)
            self.heights.append(height)
            y += height
        self.height = y
