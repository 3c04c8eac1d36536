"""A screen's first resize, which Textual answers with layouts that change nothing.

When a screen is pushed, Textual lays it out at the terminal's size, and the size it gets
sends the screen a Resize; Textual's own handler of that event lays the screen out again, and
every screen under it as well, all at the sizes they already have. Nothing moves, but the
screens behind repaint their scrollbars and lists, which on a see-through screen redraws the
whole backdrop: most of a view's opening time at 100,000 facts. A screen that calls
`skip_first_relayout` from its `on_resize` keeps Textual's handler for every later resize.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen


def skip_first_relayout(screen: Screen[Any], event: events.Resize, first: bool) -> None:
    """On `screen`'s `first` resize, stop Textual laying out again what is laid out already.

    Only when every screen of the stack already has the size of the event: a terminal resized
    while the screen opened still lays them all out.
    """
    if first and all(other.size == event.size for other in screen.app.screen_stack):
        event.prevent_default()
