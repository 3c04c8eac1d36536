"""The named places of a section as a table: sortable by column, filtered as you type.

The table is Textual's DataTable. DataTable spends about 0.1 ms of bookkeeping per row it
holds (measured: 10,000 rows take over a second to add and lay out), so it is given a window of
at most `WINDOW` rows of the sorted, filtered list and the window moves with the cursor. A
section of a few dozen places fits in one window and is an ordinary DataTable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from tui.pack.model import Entity, Lang, Pack
from tui.text.numbers import format_number
from tui.text.words import t
from tui.ui.entity_rows import Direction, EntityRows, named_label

WINDOW = 200  # rows the DataTable holds at once (about 20 ms to fill)
# Widest a column may be: the name's, then any attribute's (all six fit in the panel at 120×40).
MAX_WIDTHS = (20, 11)
ARROWS = {"asc": "▲", "desc": "▼"}


class Cell:
    """A cell's text, drawn as one plain segment cut to the column's width.

    Content is data: a plain string is never read as markup, and a cell with no
    `__rich_measure__` spares DataTable measuring 60,000 cells (the widths are set here).
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        width = options.max_width
        text = self.text.replace("\n", " ")
        if cell_len(text) > width:
            text = set_cell_size(text, max(0, width - 1)) + "…"
        yield Segment(text)


class EntityGrid(DataTable[Cell]):
    """A DataTable over a window of a long list of rows; keys move through the whole list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", show=False, id="entities.open"),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("g,home", "scroll_top", "First", show=False),
        Binding("G,end", "scroll_bottom", "Last", show=False),
        Binding("s", "sort_next", "Sort", id="entities.sort"),
        Binding("r", "reverse", "Reverse", show=False, id="entities.reverse"),
        Binding("f", "filter", "Filter", id="entities.filter"),
    ]

    class SortAsked(Message):
        """Sort by `column` (index among the columns), or reverse when it is already sorted."""

        def __init__(self, column: int, toggle: bool) -> None:
            super().__init__()
            self.column = column
            self.toggle = toggle

    class FilterAsked(Message):
        """The reader wants to type a filter."""

    def __init__(self, *, id: str | None = None) -> None:
        # The name column stays put when a narrow terminal scrolls the table sideways (← →).
        super().__init__(cursor_type="row", fixed_columns=1, id=id)
        self._model: EntityRows | None = None
        self._order: list[int] = []
        self._titles: list[str] = []
        self._widths: list[int] = []
        self._start = 0
        self.sort_column = 0

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
        self._model, self._order, self._titles, self._widths = model, order, titles, widths
        self._fill(cursor)

    def _fill(self, cursor: int, screen_line: int | None = None) -> None:
        """Hold the window around `cursor`; keep the cursor on `screen_line` when given."""
        count = len(self._order)
        cursor = max(0, min(cursor, count - 1))
        start = 0 if count <= WINDOW else max(0, min(cursor - WINDOW // 2, count - WINDOW))
        self.clear(columns=True)
        for index, (title, width) in enumerate(zip(self._titles, self._widths, strict=True)):
            self.add_column(Text(title), width=width, key=str(index))
        model, window = self._model, self._order[start : start + WINDOW]
        if model is not None:
            self.add_rows([Cell(cell) for cell in model.cells(index)] for index in window)
        self._start = start
        local = cursor - start
        self.move_cursor(row=local, scroll=screen_line is None)
        if screen_line is not None:
            top = max(0, local - screen_line)
            self.call_after_refresh(self.scroll_to, y=top, animate=False, force=True)

    @property
    def position(self) -> int:
        """The cursor's place in the whole (sorted, filtered) list."""
        return self._start + self.cursor_row

    @property
    def count(self) -> int:
        return len(self._order)

    def entity_at_cursor(self) -> Entity | None:
        if self._model is None or not self._order or self.row_count == 0:
            return None
        return self._model.entities[self._order[self.position]]

    # Moving through the whole list ------------------------------------------------------------

    def _window_end(self) -> int:
        return self._start + self.row_count

    def _shift(self, target: int) -> None:
        """Move the window so that `target` is held, keeping the cursor's line on screen."""
        line = self.cursor_row - round(self.scroll_y)
        self._fill(target, screen_line=max(0, line))

    def _page(self) -> int:
        header = self.header_height if self.show_header else 0
        return max(1, self.scrollable_content_region.height - header)

    def action_cursor_down(self) -> None:
        if self.cursor_row >= self.row_count - 1 and self._window_end() < self.count:
            self._shift(self.position + 1)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row == 0 and self._start > 0:
            self._shift(self.position - 1)
        else:
            super().action_cursor_up()

    def action_page_down(self) -> None:
        target = self.position + self._page()
        if target < self._window_end() or self._window_end() >= self.count:
            super().action_page_down()
        else:
            self._shift(target)

    def action_page_up(self) -> None:
        target = self.position - self._page()
        if target >= self._start or self._start == 0:
            super().action_page_up()
        else:
            self._shift(target)

    def action_scroll_top(self) -> None:
        if self._start > 0:
            self._fill(0)
        else:
            super().action_scroll_top()

    def action_scroll_bottom(self) -> None:
        if self._window_end() < self.count:
            self._fill(self.count - 1)
        else:
            super().action_scroll_bottom()

    # Sorting and filtering --------------------------------------------------------------------

    def action_sort_next(self) -> None:
        columns = max(1, len(self._titles))
        self.post_message(self.SortAsked((self.sort_column + 1) % columns, toggle=False))

    def action_reverse(self) -> None:
        self.post_message(self.SortAsked(self.sort_column, toggle=True))

    def action_filter(self) -> None:
        self.post_message(self.FilterAsked())

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.post_message(self.SortAsked(event.column_index, toggle=True))


class EntityTable(Vertical):
    """How many places are named, a filter box, and the table of them."""

    class Open(Message):
        """The reader chose an entity (Enter or a click on its row)."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pack = pack
        self.path: str | None = None
        self.lang: Lang = "en"
        self._named = Static(id="entity-named")
        self.filter_input = Input(id="entity-filter")
        self.grid = EntityGrid(id="entity-grid")
        self._model: EntityRows | None = None
        self._direction: Direction = "asc"

    def on_descendant_focus(self) -> None:
        # The count, the filter and the table together, not the table alone, come into view.
        self.scroll_visible(top=True, animate=False)

    def compose(self) -> ComposeResult:
        yield self._named
        yield self.filter_input
        yield self.grid

    def show(self, path: str, lang: Lang, *, keep_position: bool = False) -> None:
        """Fill the table for `path` in `lang`; `keep_position` keeps filter, sort and cursor."""
        current = self.grid.entity_at_cursor() if keep_position else None
        if not keep_position or path != self.path:
            self.grid.sort_column = 0
            self._direction = "asc"
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = ""
        self.path, self.lang = path, lang
        self._named.update(Text(named_label(self._pack, path, lang)))
        self.filter_input.placeholder = t("entities.filter-prompt", lang)
        self._model = EntityRows(self._pack, path, lang)
        self._refill(current)

    def _refill(self, keep: Entity | None = None) -> None:
        model = self._model
        if model is None:
            return
        column = self.grid.sort_column
        order = model.filtered(self.filter_input.value)
        if column or self._direction == "desc":
            order = model.sorted(order, column, self._direction)
        titles = model.titles()
        titles[column] += " " + ARROWS[self._direction]
        cursor = 0
        if keep is not None:
            entities = model.entities
            cursor = next((place for place, i in enumerate(order) if entities[i] is keep), 0)
        self.grid.load(model, order, titles, self._widths(model, order, titles), cursor)
        # The count, not the cursor's place: a new border repaints every line of the table,
        # which would triple the cost of each move.
        count = format_number(len(order), self.lang)
        total = format_number(len(model), self.lang)
        self.grid.border_subtitle = count if len(order) == len(model) else f"{count} / {total}"

    def _widths(self, model: EntityRows, order: list[int], titles: list[str]) -> list[int]:
        """Each column as wide as its widest cell or title, within its cap.

        Measured on the first window's rows only: formatting 10,000 rows would cost more than
        opening the table is allowed to.
        """
        rows = [model.cells(index) for index in order[:WINDOW]]
        widths = []
        for column, title in enumerate(titles):
            cap = MAX_WIDTHS[min(column, 1)]
            widest = max((cell_len(cells[column]) for cells in rows), default=0)
            widths.append(min(cap, max(widest, cell_len(title))))
        return widths

    @on(EntityGrid.SortAsked)
    def _sort(self, event: EntityGrid.SortAsked) -> None:
        if event.toggle and event.column == self.grid.sort_column:
            self._direction = "desc" if self._direction == "asc" else "asc"
        else:
            self._direction = "asc"
        self.grid.sort_column = event.column
        self._refill()

    @on(EntityGrid.FilterAsked)
    def _focus_filter(self) -> None:
        self.filter_input.focus()

    @on(Input.Changed, "#entity-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#entity-filter")
    def _filter_done(self) -> None:
        self.grid.focus()

    @on(DataTable.RowSelected, "#entity-grid")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entity = self.grid.entity_at_cursor()
        if entity is not None:
            self.post_message(self.Open(entity))
