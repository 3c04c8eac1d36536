"""A widget size that the layout alone sets, so that setting it asks for no second layout."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def sized_by_layout() -> Reactive[Size]:
    """A `virtual_size` that asks for no second layout (the panel's widgets, the footer's keys).

    Textual lays the screen out again whenever a widget's virtual size changes. For a widget
    whose virtual size only the layout itself sets (a container, a widget of auto height), the
    layout that set it has already placed everything: the second pass moved nothing and cost
    a fifth of a tree move. Nor is a repaint asked for: the layout repaints what it moved or
    resized. A widget whose content changes asks for its layout itself, and a scrollbar that
    comes or goes still asks for one (`show_vertical_scrollbar`).
    """
    return Reactive(Size(0, 0), layout=False, repaint=False)
