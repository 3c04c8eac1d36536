"""The named places of a section as a table: sortable by column, filtered as you type.

The rows are drawn by `EntityGrid` (entity_grid.py), which renders only the lines on screen,
so a section of 10,000 places opens, sorts and moves as quickly as one of forty. The rows of a
section in a language (`EntityRows`: cell texts, sort keys, search texts) are built once and
kept while the pack is shown.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from tui.pack.memory import collector_paused, freeze_heap
from tui.pack.model import Entity, Lang, Pack
from tui.text.numbers import format_number
from tui.text.words import t
from tui.ui.entity_rows import Direction, EntityRows, named_label
from tui.ui.widgets.entity_grid import EntityGrid

__all__ = ["EntityGrid", "EntityTable"]

# Widest a column may be: the name's, then any attribute's (all six fit in the panel at 120×40).
MAX_WIDTHS = (20, 11)
# Rows measured for the column widths, spread evenly over the list: enough to see the usual
# widths, few enough that a section of 10,000 opens within its budget.
WIDTH_SAMPLE = 200
ARROWS = {"asc": "▲", "desc": "▼"}
FIRST_SCREEN_ROWS = 60  # rows formatted ahead for the first screen (a tall terminal's worth)


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
        # The border and the count in it belong to a frame around the grid, not to the grid:
        # a scroll repaints every line of the grid, and a border of its own with each.
        self.frame = Vertical(self.grid, id="entity-frame")
        self._model: EntityRows | None = None
        # The rows of each section and language shown so far: built once, however often shown.
        self._models: dict[tuple[str, Lang], EntityRows] = {}
        self._direction: Direction = "asc"

    def on_descendant_focus(self) -> None:
        # The count, the filter and the table together, not the table alone, come into view.
        # The event may be handled after a burst of Tabs has already moved the focus on to the
        # facts below: then scrolling back here would hide the fact the footer acts on.
        if self.has_focus_within:
            self.scroll_visible(top=True, animate=False, immediate=True)

    def compose(self) -> ComposeResult:
        yield self._named
        yield self.filter_input
        yield self.frame

    def show(self, path: str, lang: Lang, *, keep_position: bool = False) -> None:
        """Fill the table for `path` in `lang`; `keep_position` keeps filter, sort and cursor."""
        current = self.grid.entity_at_cursor() if keep_position else None
        if not keep_position or path != self.path:
            self.grid.sort_column = 0
            self._direction = "asc"
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = ""
        self.path, self.lang = path, lang
        model = self._model = self.prepare(path, lang)
        label = named_label(self._pack, path, lang, own_facts=model.own_facts)
        self._named.update(Text(label))
        self.filter_input.placeholder = t("entities.filter-prompt", lang)
        self._refill(current)

    def prepare(self, path: str, lang: Lang) -> EntityRows:
        """The rows of `path` in `lang`, built now unless already built (and kept either way).

        Showing a section builds them if need be; built beforehand, while the reader has not
        yet asked for the table, they make it open that much sooner.
        """
        model = self._models.get((path, lang))
        if model is None:
            # Tens of thousands of lists and tuples and no cycles: the collector would scan
            # them again and again while they are made (about a third of the time to open).
            with collector_paused():
                model = self._models[path, lang] = EntityRows(self._pack, path, lang)
                # The cells the column widths are measured on, and those of the first screen:
                # formatted now, kept in the rows, they are not formatted while it opens.
                self._widths(model, list(range(len(model))), model.titles())
                for index in range(min(len(model), FIRST_SCREEN_ROWS)):
                    model.cells(index)
            # Kept as long as the pack, so out of the collector's sight as the pack is
            # (MainScreen freezes the heap once mounted): young, they made each collection of
            # the next frames scan them again (about 40 ms at 10,000 rows).
            freeze_heap()
        return model

    def _refill(self, keep: Entity | None = None) -> None:
        model = self._model
        if model is None:
            return
        column = self.grid.sort_column
        built = model.built
        with collector_paused():  # as for the rows: the sort keys, orders and search texts
            matching = model.filtered(self.filter_input.value)
            order = model.ordered(matching, column, self._direction)
        if model.built != built:
            freeze_heap()  # as for the rows: kept as long as they are
        titles = model.titles()
        titles[column] += " " + ARROWS[self._direction]
        cursor = 0
        if keep is not None:
            entities = model.entities
            cursor = next((place for place, i in enumerate(order) if entities[i] is keep), 0)
        self.grid.load(model, order, titles, self._widths(model, matching, titles), cursor)
        # The count, not the cursor's place: a new border repaints every line of the table,
        # which would triple the cost of each move.
        count = format_number(len(order), self.lang)
        total = format_number(len(model), self.lang)
        self.frame.border_subtitle = count if len(order) == len(model) else f"{count} / {total}"

    def _widths(self, model: EntityRows, matching: list[int], titles: list[str]) -> list[int]:
        """Each column as wide as its widest cell or title, within its cap.

        Measured on at most WIDTH_SAMPLE of the `matching` rows, spread evenly (formatting
        10,000 rows would cost more than opening the table is allowed to); `matching` is in
        A–Z order, so a sort changes a width only by the arrow in its title.
        """
        step = max(1, -(-len(matching) // WIDTH_SAMPLE))
        rows = [model.cells(index) for index in matching[::step]]
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

    @on(EntityGrid.Chosen)
    def _row_chosen(self, event: EntityGrid.Chosen) -> None:
        event.stop()
        self.post_message(self.Open(event.entity))
