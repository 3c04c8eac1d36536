"""A list of entries of a few lines each (the sources, what cites one), drawn line by line.

Textual's OptionList wraps every option to measure the list and again to draw it, at each
width the layout tries, and draws all of them on opening. Here an entry is wrapped only
when it is longer than the width (most lines fit: their height is their count of lines),
and drawn when it comes on screen; its lines are kept until the width, the theme, the focus
or the highlight change. It looks and answers like the OptionList it replaces: the arrows,
j/k, g/G, Home/End and the pages move the highlight, `Enter` or a click chooses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize

HIGHLIGHTED = "entry-list--highlighted"
HOVER = "entry-list--hover"


class EntryList(ScrollView, can_focus=True):
    """Entries of Rich Text (data, never markup), one highlighted; `Enter` chooses it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {HIGHLIGHTED, HOVER}

    # Measured while drawn (the width is known only then): the lines just drawn are already
    # right, so a new size asks only for the layout that moves the scrollbar, not a repaint.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=True, repaint=False)

    class Chosen(Message):
        """The reader chose the entry at `index` (`Enter`, or a click on it)."""

        def __init__(self, entry_list: EntryList, index: int) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.index = index

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Text] = []
        self._visuals: dict[int, Visual] = {}
        self._highlighted: int | None = None
        self._hover: int | None = None
        self._width = 0  # the width the entries are measured at; 0 before the first layout
        self._starts: list[int] = [0]  # the first line of each entry, then the end of the last
        self._drawn: dict[tuple[int, str], list[Strip]] = {}  # (entry, look) → its lines

    # Filling and reading -------------------------------------------------------------------

    def set_entries(self, entries: Sequence[Text], highlighted: int | None = 0) -> None:
        """Show `entries`, the highlight on `highlighted` (clamped; none when empty)."""
        self._entries = list(entries)
        self._visuals.clear()
        self._hover = None
        self._highlighted = None if not self._entries else self._clamp(highlighted or 0)
        self._measure(self._width)
        self.scroll_to(y=0, animate=False, force=True)
        self._scroll_to_highlight()
        self._forget_lines()

    @property
    def count(self) -> int:
        return len(self._entries)

    def entry(self, index: int) -> Text:
        """The text of the entry at `index`, as given."""
        return self._entries[index]

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if not self._entries or index is None:
            return
        old, self._highlighted = self._highlighted, self._clamp(index)
        if old != self._highlighted:
            self._refresh_entry(old)
            self._refresh_entry(self._highlighted)
        self._scroll_to_highlight()

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._entries) - 1))

    # Measuring -----------------------------------------------------------------------------

    def _visual(self, index: int) -> Visual:
        visual = self._visuals.get(index)
        if visual is None:
            visual = self._visuals[index] = visualize(self, self._entries[index])
        return visual

    def _height(self, index: int, width: int) -> int:
        """Lines of the entry at this width: wrapped only when one of its lines is longer."""
        text = self._entries[index]
        lines = text.plain.split("\n")
        if all(cell_len(line) <= width for line in lines):
            return len(lines)
        return self._visual(index).get_height(cast(RulesMap, self.styles), width)

    def _measure(self, width: int) -> None:
        """Where each entry starts at `width`; the virtual size the scrollbar follows."""
        self._width = width
        starts = [0]
        if width > 0:
            for index in range(len(self._entries)):
                starts.append(starts[-1] + self._height(index, width))
            self.virtual_size = Size(width, starts[-1])
        else:
            # Not laid out yet: the lines the entries have before any wrapping, the least
            # they take. When that is more than the list shows, the first layout already
            # gives the scrollbar its column, and the entries are wrapped and drawn once,
            # at the width they keep, rather than again when the scrollbar comes.
            least = sum(text.plain.count("\n") + 1 for text in self._entries)
            self.virtual_size = Size(0, least)
            # Textual decides on the scrollbar only after a layout has sized the list; a list
            # no terminal line count can hold needs it whatever that size turns out to be.
            if self.is_attached and least > self.app.size.height:
                self.show_vertical_scrollbar = True
        self._starts = starts

    def _entry_at_line(self, line: int) -> int | None:
        """The entry drawn on virtual line `line`, if any."""
        if not 0 <= line < self._starts[-1]:
            return None
        return bisect_right(self._starts, line) - 1

    # Moving --------------------------------------------------------------------------------

    def _scroll_to_highlight(self) -> None:
        index = self._highlighted
        if index is None or len(self._starts) <= index + 1:
            return
        top, bottom = self._starts[index], self._starts[index + 1]
        view = max(1, self.scrollable_content_region.height)
        scroll_y = round(self.scroll_y)
        if top < scroll_y:
            self.scroll_to(y=top, animate=False, force=True)
        elif bottom > scroll_y + view:
            self.scroll_to(y=min(top, bottom - view), animate=False, force=True)

    def action_move(self, step: int) -> None:
        if self._highlighted is not None:
            self.highlighted = self._highlighted + step

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self._entries) - 1

    def action_page(self, direction: int) -> None:
        """The entry a page further down (or up), as OptionList pages."""
        index = self._highlighted
        if index is None or len(self._starts) <= index + 1:
            return
        view = max(1, self.scrollable_content_region.height)
        target = self._entry_at_line(self._starts[index] + direction * view)
        if target is None:
            target = 0 if direction < 0 else len(self._entries) - 1
        self.highlighted = target

    def action_choose(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Chosen(self, self._highlighted))

    # Mouse ---------------------------------------------------------------------------------

    def _entry_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self._entry_at_line(round(self.scroll_y) + offset.y)

    def on_click(self, event: events.Click) -> None:
        """A click highlights the entry under the mouse and chooses it."""
        index = self._entry_under(event)
        if index is not None:
            event.stop()
            self.highlighted = index
            self.action_choose()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._entry_under(event))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            old, self._hover = self._hover, index
            self._refresh_entry(old)
            self._refresh_entry(index)

    # Drawing -------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_lines()

    def on_focus(self) -> None:
        self._forget_lines()  # the highlight looks different with and without focus

    def on_blur(self) -> None:
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._drawn.clear()
        self.refresh()

    def _refresh_entry(self, index: int | None) -> None:
        """Draw the entry at `index` again (its look changed)."""
        if index is None or len(self._starts) <= index + 1:
            return
        for look in ("", HIGHLIGHTED, HOVER):
            self._drawn.pop((index, look), None)
        top = self._starts[index] - round(self.scroll_y)
        height = self._starts[index + 1] - self._starts[index]
        self.refresh(Region(0, top, self.size.width, height))

    def _look(self, index: int) -> str:
        if index == self._highlighted:
            return HIGHLIGHTED
        return HOVER if index == self._hover else ""

    def _lines_of(self, index: int, look: str) -> list[Strip]:
        lines = self._drawn.get((index, look))
        if lines is None:
            width = self._width
            style = self.get_visual_style(look) if look else self.get_visual_style()
            strips = Visual.to_strips(self, self._visual(index), width, None, style)
            lines = [strip.extend_cell_length(width, style.rich_style) for strip in strips]
            self._drawn[(index, look)] = lines
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        # Measured again only when the width changes (the scrollbar came or went, a resize).
        width = self.scrollable_content_region.width
        if width != self._width:
            self._measure(width)
            self._drawn.clear()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        index = self._entry_at_line(line)
        if index is None:
            return Strip.blank(self._width, self.get_visual_style().rich_style)
        lines = self._lines_of(index, self._look(index))
        offset = line - self._starts[index]
        if offset >= len(lines):
            return Strip.blank(self._width, self.get_visual_style().rich_style)
        return lines[offset]
