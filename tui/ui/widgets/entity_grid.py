"""The rows of the entity table, drawn line by line: only the lines on screen are rendered.

A ScrollView over a virtual height of one line per row plus the header, so 10,000 rows cost
what the 30-odd on screen cost. Each row's line is built once (its cell texts come from
`EntityRows`, formatted when first shown) and kept until the columns, the theme or the focus
change. The header and the name column stay put while the rest scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.pack.model import Entity
from tui.ui.entity_rows import EntityRows

PAD = 1  # blank cells either side of a cell's text
HEADER = 1  # lines of the header above the rows
LINES_KEPT = 1_000  # drawn rows kept for the next frames (a few screens' worth and more)


def fit(text: str, width: int) -> str:
    """`text` on one line, exactly `width` cells: cut with "…" when longer, padded when shorter."""
    text = text.replace("\n", " ")
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…"
    return set_cell_size(text, width)


def thumb(bar: ScrollBar) -> list[Segment]:
    """What `bar` draws at its position (as `ScrollBar.render` asks its renderer), uncoloured."""
    window = bar.window_size if bar.window_size < bar.window_virtual_size else 0
    drawn = bar.renderer.render_bar(
        size=bar.size.height if bar.vertical else bar.size.width,
        virtual_size=ceil(bar.window_virtual_size),
        window_size=ceil(window),
        position=bar.position,
        thickness=bar.thickness,
        vertical=bar.vertical,
    )
    return drawn.segments


class EntityGrid(ScrollView, can_focus=True):
    """A header and a cursor over rows of an `EntityRows`, in the order its table asks for.

    The texts are data: each cell is one plain segment, never parsed as markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False, id="entities.open"),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home,ctrl+home", "first", "First", show=False),
        Binding("G,end,ctrl+end", "last", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("s", "sort_next", "Sort", id="entities.sort"),
        Binding("r", "reverse", "Reverse", show=False, id="entities.reverse"),
        Binding("f", "filter", "Filter", id="entities.filter"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entity-grid--header",
        "entity-grid--fixed",
        "entity-grid--cursor",
    }

    class SortAsked(Message):
        """Sort by `column` (index among the columns), or reverse when it is already sorted."""

        def __init__(self, column: int, toggle: bool) -> None:
            super().__init__()
            self.column = column
            self.toggle = toggle

    class FilterAsked(Message):
        """The reader wants to type a filter."""

    class Chosen(Message):
        """The reader chose the row of `entity` (Enter, or a click on the cursor's row)."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._model: EntityRows | None = None
        self._order: list[int] = []
        self._titles: list[str] = []
        self._widths: list[int] = []
        self._cursor = 0
        self.sort_column = 0
        # A row's whole line (every column, unscrolled) by (row of the model, is the cursor's);
        # bounded, so paging through 10,000 rows does not keep them all.
        self._lines: LRUCache[tuple[int, bool], Strip] = LRUCache(LINES_KEPT)
        self._lines_width = 0  # the content's width the lines are padded to
        self._header: Strip | None = None
        self._looks: dict[str, RichStyle] = {}

    # Filling ----------------------------------------------------------------------------------

    def load(
        self,
        model: EntityRows,
        order: list[int],
        titles: list[str],
        widths: list[int],
        cursor: int = 0,
    ) -> None:
        """Show `order` (row indexes of `model`) under `titles`, the cursor on place `cursor`."""
        if model is not self._model or widths != self._widths:
            self._lines.clear()
        self._model, self._order, self._titles, self._widths = model, order, titles, widths
        self._header = None
        self._cursor = max(0, min(cursor, len(order) - 1))
        self.virtual_size = Size(self.total_width, len(order) + HEADER)
        self.scroll_to(y=0, animate=False, force=True)
        self._scroll_to_cursor()
        if not self.size:
            # Not laid out yet: the cursor is brought into view once the size is known.
            self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    @property
    def total_width(self) -> int:
        return sum(width + 2 * PAD for width in self._widths)

    @property
    def fixed_width(self) -> int:
        """Cells of the name column, which stays put when the rest scrolls sideways."""
        return self._widths[0] + 2 * PAD if self._widths else 0

    @property
    def titles(self) -> list[str]:
        """The column titles as shown, the sorted column's with its arrow."""
        return list(self._titles)

    @property
    def count(self) -> int:
        """Rows in the (sorted, filtered) list."""
        return len(self._order)

    @property
    def position(self) -> int:
        """The cursor's place in the (sorted, filtered) list."""
        return self._cursor

    @property
    def visible_rows(self) -> int:
        """Rows that fit under the header."""
        return max(1, self.scrollable_content_region.height - HEADER)

    @property
    def top_row(self) -> int:
        """The place of the first row on screen."""
        return round(self.scroll_y)

    def cells_at(self, position: int) -> tuple[str, ...]:
        """The texts of the row at `position` in the list."""
        assert self._model is not None
        return self._model.cells(self._order[position])

    def entity_at_cursor(self) -> Entity | None:
        if self._model is None or not self._order:
            return None
        return self._model.entities[self._order[self._cursor]]

    # Moving -----------------------------------------------------------------------------------

    def move_cursor(self, position: int) -> None:
        """Put the cursor on `position` (clamped) and scroll so that it is on screen."""
        if not self._order:
            return
        position = max(0, min(position, len(self._order) - 1))
        old, self._cursor = self._cursor, position
        top = self.top_row
        self._scroll_to_cursor()
        # A scroll repaints every line; otherwise only the two rows the cursor left and reached
        # (before the scroll, the row reached may lie under the border, which it would repaint).
        if old != position and self.top_row == top:
            self.refresh_line(old + HEADER)
            self.refresh_line(position + HEADER)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """As `ScrollView`'s, but the scrollbar is repainted only when its thumb moves, and the
        header not at all.

        At 10,000 rows the thumb moves once in some fifty rows scrolled; repainting the bar
        (a line per row of the view) for each row was a third of the cost of a move.
        """
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            before = thumb(bar)
            bar.set_reactive(ScrollBar.position, bar.validate_position(new_value))
            if thumb(bar) != before:
                bar.refresh()
        if round(old_value) != round(new_value):
            width, height = self.size
            self.refresh(Region(0, HEADER, width, max(0, height - HEADER)))  # the header stays

    def _scroll_to_cursor(self) -> None:
        rows, top = self.visible_rows, self.top_row
        if self._cursor < top:
            top = self._cursor
        elif self._cursor >= top + rows:
            top = self._cursor - rows + 1
        if top != self.top_row:
            self.scroll_to(y=top, animate=False, force=True)

    def action_move(self, step: int) -> None:
        self.move_cursor(self._cursor + step)

    def action_page(self, direction: int) -> None:
        """A page down or up: the view and the cursor move together, so its line stays put."""
        page = self.visible_rows * direction
        self.scroll_to(y=self.top_row + page, animate=False, force=True)
        self.move_cursor(self._cursor + page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._order) - 1)

    def action_open(self) -> None:
        entity = self.entity_at_cursor()
        if entity is not None:
            self.post_message(self.Chosen(entity))

    # Sorting and filtering --------------------------------------------------------------------

    def action_sort_next(self) -> None:
        columns = max(1, len(self._titles))
        self.post_message(self.SortAsked((self.sort_column + 1) % columns, toggle=False))

    def action_reverse(self) -> None:
        self.post_message(self.SortAsked(self.sort_column, toggle=True))

    def action_filter(self) -> None:
        self.post_message(self.FilterAsked())

    def column_start(self, column: int) -> int:
        """The first cell of `column` in the content, scrolled sideways as drawn."""
        start = sum(width + 2 * PAD for width in self._widths[:column])
        return start if column == 0 else start - round(self.scroll_x)

    def column_at(self, x: int) -> int | None:
        """The column drawn at cell `x` of the content (the name column stays put)."""
        if x >= self.fixed_width:
            x += round(self.scroll_x)
        edge = 0
        for column, width in enumerate(self._widths):
            edge += width + 2 * PAD
            if x < edge:
                return column
        return None

    def on_click(self, event: events.Click) -> None:
        """A click on a header sorts by its column; on a row moves the cursor, then opens."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y < HEADER:
            column = self.column_at(offset.x)
            if column is not None:
                self.post_message(self.SortAsked(column, toggle=True))
            return
        position = self.top_row + offset.y - HEADER
        if position >= len(self._order):
            return
        if position == self._cursor:
            self.action_open()
        else:
            self.move_cursor(position)

    # Drawing ----------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_lines()

    def on_focus(self) -> None:
        self._forget_lines()  # the cursor's row looks different with and without focus

    def on_blur(self) -> None:
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._lines.clear()
        self._looks.clear()
        self._header = None
        self.refresh()

    def _style(self, component: str = "") -> RichStyle:
        """The widget's style, or with a component class's on top (kept until they change)."""
        style = self._looks.get(component)
        if style is None:
            names = (component,) if component else ()
            style = self._looks[component] = self.get_visual_style(*names).rich_style
        return style

    def _draw(self, texts: Sequence[str], first: RichStyle, rest: RichStyle) -> Strip:
        """One line: the first cell in `first`, the others in `rest`, padded to the width."""
        segments = [Segment(" " * PAD + fit(texts[0], self._widths[0]) + " " * PAD, first)]
        segments += [
            Segment(" " * PAD + fit(text, width) + " " * PAD, rest)
            for text, width in zip(texts[1:], self._widths[1:], strict=True)
        ]
        return Strip(segments, self.total_width).extend_cell_length(self._lines_width, rest)

    def _header_line(self) -> Strip:
        if self._header is None:
            style = self._style("entity-grid--header")
            self._header = self._draw(self._titles, style, style)
        return self._header

    def _row_line(self, row: int, cursor: bool) -> Strip:
        key = (row, cursor)
        line = self._lines.get(key)
        if line is None:
            assert self._model is not None
            if cursor:
                first = rest = self._style("entity-grid--cursor")
            else:
                first, rest = self._style("entity-grid--fixed"), self._style()
            line = self._lines[key] = self._draw(self._model.cells(row), first, rest)
        return line

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width once per frame rather than once per line; a new width draws every row anew.
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            self._lines_width = width
            self._lines.clear()
            self._header = None
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._lines_width
        if not self._widths:
            return Strip.blank(width, self._style())
        if y < HEADER:
            line = self._header_line()
        else:
            position = round(self.scroll_y) + y - HEADER
            if position >= len(self._order):
                return Strip.blank(width, self._style())
            line = self._row_line(self._order[position], position == self._cursor)
        scroll_x = round(self.scroll_x)
        if scroll_x or line.cell_length > width:  # wider than the view: the name column stays
            fixed = self.fixed_width
            line = Strip.join([line.crop(0, fixed), line.crop(fixed + scroll_x, scroll_x + width)])
        return line
