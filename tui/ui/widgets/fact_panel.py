"""The right-hand panel: a section's title, summary, metric cards and facts."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from tui.pack.model import Entity, Fact, Lang, Pack, Series
from tui.text.units import format_value
from tui.text.words import t
from tui.ui.entity_rows import TABLE_THRESHOLD, entity_heading
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.fact_text import wrapped_height
from tui.ui.widgets.layout_sized import sized_by_layout
from tui.ui.widgets.metric_card import MetricCard
from tui.ui.widgets.text_block import TextBlock

if TYPE_CHECKING:
    from tui.ui.widgets.entity_table import EntityTable

# From this many entities a section's table is built ahead (see `prepare_entity_tables`).
PREPARE_AT = 1_000

HEADLINES_PER_CHILD = 2
MAX_CARDS = 8  # cards per section; the rest of the figures are in the fact list below
DRAWN_OVERVIEWS = 64  # overviews kept drawn (see Overview)


def overview_blocks(pack: Pack, path: str, lang: Lang) -> list[tuple[int, int, str, Text]]:
    """A group's children, each with its summary and headline figures (its first numeric facts).

    Each block is (blank lines above, indent, component class, text).
    """
    blocks: list[tuple[int, int, str, Text]] = []
    for child in pack.children_of(path):
        blocks.append((1, 0, "overview--title", Text("▸ " + child.title.get(lang))))
        blocks.append((0, 2, "overview--summary", Text(child.summary.get(lang))))
        numeric = [f for f in pack.facts_in(child.path) if f.is_numeric and f.entity is None]
        for fact in numeric[:HEADLINES_PER_CHILD]:
            line = Text("• ")
            line.append(format_value(fact, lang), style="bold")
            line.append(" — ")
            line.append(fact.text.get(lang))
            blocks.append((0, 2, "overview--figure", line))
    return blocks


@dataclass
class OverviewLines:
    """An overview laid out for one width: where each block's lines are, and those drawn."""

    blocks: list[tuple[int, int, str, Text]]
    tops: list[int] = field(default_factory=list)
    heights: list[int] = field(default_factory=list)
    height: int = 0
    drawn: dict[int, list[Strip]] = field(default_factory=dict)


class Overview(TextBlock):
    """A group's children with their summaries and headline figures, drawn as one widget."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview--title",
        "overview--summary",
        "overview--figure",
    }

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pack = pack
        self._group: tuple[str, Lang] | None = None
        # Overviews laid out lately: (group path, language, width) -> their lines; a new look
        # (a theme) clears them all (notify_style_update).
        # Going back up the tree to a group (`h`, `left`) shows it again without drawing it.
        self._drawn: dict[tuple[str, Lang, int], OverviewLines] = {}

    def show(self, path: str, lang: Lang) -> None:
        """Show the overview of group `path` in `lang`."""
        self._group = (path, lang)
        self.invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()  # the look changed: every overview is drawn anew

    def _lines(self, width: int) -> OverviewLines:
        """The overview's blocks laid out at `width`: counted, not drawn (see render_line)."""
        if self._group is None:
            return OverviewLines([])
        key = (*self._group, width)
        lines = self._drawn.get(key)
        if lines is None:
            blocks = overview_blocks(self._pack, *self._group)
            lines = OverviewLines(blocks)
            y = 0
            for gap, indent, _, text in blocks:
                lines.tops.append(y + gap)
                lines.heights.append(wrapped_height(text.plain, max(width - indent, 1)))
                y += gap + lines.heights[-1]
            lines.height = y
            if len(self._drawn) >= DRAWN_OVERVIEWS:
                del self._drawn[next(iter(self._drawn))]
            self._drawn[key] = lines
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines(width).height

    def render_line(self, y: int) -> Strip:
        """Line `y`, drawing only the block it is in: a group of many children is laid out
        by counting lines, and only the children on screen are drawn."""
        return self._line(y, self.content_size.width)

    def render_strips(self, width: int) -> list[Strip]:
        return [self._line(y, width) for y in range(self._lines(width).height)]

    def _line(self, y: int, width: int) -> Strip:
        lines = self._lines(width)
        index = bisect_right(lines.tops, y) - 1
        if index < 0 or y >= lines.tops[index] + lines.heights[index]:
            return Strip.blank(width, self.fill())
        drawn = lines.drawn.get(index)
        if drawn is None:
            drawn = lines.drawn[index] = self._draw(lines.blocks[index], width)
            # Counted the way Content wraps; keep the two in step regardless.
            height = lines.heights[index]
            drawn[height:] = []
            drawn += [Strip.blank(width, self.fill())] * (height - len(drawn))
        return drawn[y - lines.tops[index]]

    def _draw(self, block: tuple[int, int, str, Text], width: int) -> list[Strip]:
        _, indent, name, text = block
        fill = self.fill()
        return [
            Strip.join([Strip.blank(indent, fill), line]) if indent else line
            for line in self.wrapped(text, max(width - indent, 1), name)
        ]


class PanelText(Static):
    """A line or paragraph of the panel: a title, a summary, a heading."""

    virtual_size: Reactive[Size] = sized_by_layout()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: Text | None = None

    def show(self, text: Text) -> None:
        """Show `text`. The same text again (a heading, section after section) asks for no
        layout and no repaint, as `update` would."""
        if text != self._shown:
            self._shown = text
            self.update(text)


class CardGrid(Vertical):
    """The metric cards' grid (laid out by the stylesheet)."""

    virtual_size: Reactive[Size] = sized_by_layout()

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """The grid's arrangement, the same whatever height is offered.

        Its rows are as tall as their cards (`grid-rows: auto`), so the height offered changes
        nothing. Textual arranges the grid twice per layout, once to measure it (offering no
        height) and once to place it (offering its height); asked the same way both times,
        the second is the first from Textual's own cache.
        """
        return super().arrange(Size(size.width, 0), optimal)


def section_facts(pack: Pack, path: str) -> list[Fact]:
    """The facts a section's panel lists: an entity's are shown with the entity instead."""
    return [fact for fact in pack.facts_in(path) if fact.entity is None]


def card_items(pack: Pack, path: str, facts: list[Fact]) -> list[tuple[Fact | None, Series | None]]:
    """What a section's cards show: its first figures, then series no figure links to; a few
    only, so a section of many stays quick to show."""
    shown = [fact for fact in facts if fact.is_numeric][:MAX_CARDS]
    linked = {fact.series for fact in facts if fact.series}
    lone_series = [s for s in pack.series_in(path) if s.id not in linked]
    items: list[tuple[Fact | None, Series | None]] = [(fact, None) for fact in shown]
    return items + [(None, series) for series in lone_series[: MAX_CARDS - len(shown)]]


class FactPanel(VerticalScroll, can_focus=False):
    """All about the section under the tree cursor.

    The widgets are made once and refilled for each section (nothing is mounted or removed),
    so following the tree cursor costs little even for large sections.
    """

    virtual_size: Reactive[Size] = sized_by_layout()

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pack = pack
        self.path: str | None = None
        self.lang: Lang = "en"
        self._title = PanelText(id="panel-title")
        self._summary = PanelText(id="panel-summary")
        self._overview_heading = PanelText(classes="panel-heading", id="overview-heading")
        self._overview = Overview(pack, id="overview")
        # The whole pool at once: cards mounted later, while keys move the tree, once left the
        # tree and the panel out of step (a tmux test stuck 3 runs in 10).
        self._card_pool = [MetricCard(pack, "en") for _ in range(MAX_CARDS)]
        for card in self._card_pool:
            card.display = False
        self._cards = CardGrid(*self._card_pool, id="cards")
        self._more = PanelText(id="cards-more", classes="cards-more")
        self._facts_heading = PanelText(classes="panel-heading", id="facts-heading")
        self._fact_list = FactList(pack, [], "en", id="facts")
        self._parts: list[Widget] = [
            self._title,
            self._summary,
            self._overview_heading,
            self._overview,
            self._cards,
            self._more,
            self._facts_heading,
            self._fact_list,
        ]
        self._set_display(False)  # until the first section is shown
        self.entity: Entity | None = None  # the entity on show instead of a section
        self.entity_table: EntityTable | None = None  # mounted for the first section with many
        self._prepared = False  # `prepare` has run

    def compose(self) -> ComposeResult:
        yield from self._parts

    def _set_display(self, shown: bool) -> None:
        for widget in self._parts:
            widget.display = shown

    @property
    def cards(self) -> list[MetricCard]:
        """The cards on show, in order."""
        return [card for card in self._card_pool if card.display]

    @property
    def fact_list(self) -> FactList | None:
        return self._fact_list if self.path is not None and self._fact_list.display else None

    async def show(self, path: str, lang: Lang, *, keep_position: bool = False) -> None:
        """Fill the panel for `path` in `lang`; `keep_position` keeps the highlight and scroll."""
        if keep_position and self.entity is not None and self.entity.section == path:
            self.show_entity(self.entity, lang, keep_position=True)
            return
        highlighted = self._fact_list.highlighted
        scroll_y = self.scroll_y
        self.entity = None
        self.path = path
        self.lang = lang
        pack = self._pack
        section = pack.sections.get(path)
        if section is None:
            self._set_display(False)
            return
        self._set_display(True)
        self._title.show(Text(section.title.get(lang)))
        self._summary.show(Text(section.summary.get(lang)))
        has_children = bool(section.children)
        self._overview_heading.display = self._overview.display = has_children
        if has_children:
            self._overview_heading.show(Text(t("overview", lang)))
            self._overview.show(path, lang)
        facts = section_facts(pack, path)
        numeric = [fact for fact in facts if fact.is_numeric]
        items = card_items(pack, path, facts)
        for index, card in enumerate(self._card_pool):
            if index < len(items):
                fact, series = items[index]
                card.show(lang, fact=fact, series=series)
            card.display = index < len(items)
        self._cards.display = bool(items)
        hidden = len(numeric) - sum(fact is not None for fact, _ in items)
        self._more.display = hidden > 0
        if hidden:
            self._more.show(Text(t("more-figures", lang, count=hidden)))
        self._facts_heading.show(Text(t("facts", lang)))
        self._fact_list.set_facts(facts, lang)
        await self._show_entity_table(path, lang, keep_position)
        if keep_position:
            self._fact_list.highlighted = highlighted
            self.scroll_to(y=scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)

    # Entities (the `entities` helper's block) ---------------------------------------------------

    async def _show_entity_table(self, path: str, lang: Lang, keep_position: bool) -> None:
        """The table of the section's named places, when it has many (mounted on first need)."""
        many = len(self._pack.entities_in(path)) >= TABLE_THRESHOLD
        if many and self.entity_table is None:
            from tui.ui.widgets.entity_table import EntityTable

            self.entity_table = EntityTable(self._pack, id="entity-table")
            await self.mount(self.entity_table, before=self._facts_heading)
        if self.entity_table is not None:
            self.entity_table.display = many
            if many:
                self.entity_table.show(path, lang, keep_position=keep_position)

    async def prepare(self) -> None:
        """What the first frame did without, done once just after it, so that the first key
        that needs it does not pay: the entity tables of sections with thousands of places."""
        if self._prepared:
            return
        self._prepared = True
        await self.prepare_entity_tables()

    async def prepare_entity_tables(self) -> None:
        """Mount the table, hidden, and build the rows of each section with thousands of
        entities, so that opening it later costs only its drawing: building 10,000 rows takes
        about 50 ms, which the key that opens the table would otherwise pay. A smaller table is
        built when shown.
        """
        pack = self._pack
        paths = [path for path in pack.sections if len(pack.entities_in(path)) >= PREPARE_AT]
        if not paths:
            return
        if self.entity_table is None:
            from tui.ui.widgets.entity_table import EntityTable

            self.entity_table = EntityTable(self._pack, id="entity-table")
            self.entity_table.display = False
            await self.mount(self.entity_table, before=self._facts_heading)
        for path in paths:
            self.entity_table.prepare(path, self.lang)

    def show_entity(self, entity: Entity, lang: Lang, *, keep_position: bool = False) -> None:
        """Show one entity like a section: its name, kind, summary, and its facts with sources."""
        highlighted = self._fact_list.highlighted
        self.entity, self.path, self.lang = entity, entity.section, lang
        self._set_display(True)
        for part in (self._overview_heading, self._overview, self._cards, self._more):
            part.display = False
        if self.entity_table is not None:
            self.entity_table.display = False
        title, lines = entity_heading(self._pack, entity, lang)
        self._title.show(title)
        self._summary.show(lines)
        self._facts_heading.show(Text(t("facts", lang)))
        self._fact_list.set_facts(self._pack.facts_of(entity.id), lang)
        if keep_position:
            self._fact_list.highlighted = highlighted
        else:
            self.scroll_home(animate=False)

    # ---------------------------------------------------------------------------------------------
