"""What FactList keeps about its facts: how each is drawn and where each is."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.color import Color
from textual.geometry import Size
from textual.reactive import Reactive


def sized_by_layout() -> Reactive[Size]:
    """A `virtual_size` for the panel's widgets that does not ask for a second layout.

    Textual lays the screen out again whenever a widget's virtual size changes. For a widget
    whose virtual size only the layout itself sets (a container, a widget of auto height), the
    layout that set it has already placed everything: the second pass moved nothing and cost
    a fifth of a tree move. Nor is a repaint asked for: the layout repaints what it moved or
    resized. A widget whose content changes asks for its layout itself, and a scrollbar that
    comes or goes still asks for one (`show_vertical_scrollbar`).
    """
    return Reactive(Size(0, 0), layout=False, repaint=False)


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
