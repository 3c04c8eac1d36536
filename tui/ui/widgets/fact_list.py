"""The facts of a section as a list the reader moves through with ↑/↓ or j/k."""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from tui.pack.model import Fact, FactKind, Lang, Pack
from tui.text.words import t
from tui.ui.widgets.fact_layout import Layout, Look
from tui.ui.widgets.fact_text import fact_heights, fact_text, mark_char, wrapped_height
from tui.ui.widgets.layout_sized import sized_by_layout

__all__ = ["POINTER", "FactList", "fact_text", "wrapped_height"]

GAP = 1  # blank lines above each fact
MARK = 1  # cells of the left mark (a border drawn by hand) of each fact
PAD = 1  # blank cells either side of a fact's text


# The first line of the fact `c` would copy starts with this instead of its bar, so the
# highlight shows without colour (NO_COLOR, 16-colour terminals) and never looks like a quote's.
POINTER = "▶"


class FactList(Widget, can_focus=True):
    """A focusable list of facts drawn as one widget; the highlighted one is what `c` copies.

    Only the lines on screen are rendered (the line API), so a section of many facts costs
    about as much to show and to move through as one of a few. The look of each fact comes
    from the component classes below, styled in the app's stylesheet.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Previous fact", show=False, id="facts.up"),
        Binding("down,j", "move(1)", "Next fact", show=False, id="facts.down"),
        Binding("g,home", "first", "First fact", show=False, id="facts.first"),
        Binding("G,end", "last", "Last fact", show=False, id="facts.last"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="facts.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="facts.page-up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-list--fact",
        "fact-list--quote",
        "fact-list--derived",
        "fact-list--highlight",
        "fact-list--empty",
    }

    DEFAULT_CSS = """
    FactList {
        height: auto;
    }
    """

    # Not repainted whole on change: watch_highlighted repaints the two facts that change.
    highlighted: reactive[int] = reactive(0, init=False, repaint=False)
    virtual_size: Reactive[Size] = sized_by_layout()

    def __init__(self, pack: Pack, facts: list[Fact], lang: Lang, *, id: str | None = None):
        super().__init__(id=id)
        self._pack = pack
        self.facts = facts
        self._lang = lang
        self._texts: list[Text | None] = [None] * len(facts)
        self._contents: list[Content | None] = [None] * len(facts)
        self._layout: Layout | None = None
        # Rendered lines per (fact, look); cleared when the width or the styles change.
        self._strips: dict[tuple[int, Look], list[Strip]] = {}
        self._strips_style: Style | None = None  # the list's style the strips were drawn in
        self._index: dict[str, int] | None = None
        self._heights: dict[tuple[str, Lang, int], int] = {}  # see fact_heights
        # True while the highlight follows a scroll: the view must not jump back to it.
        self._following_scroll = False

    def on_mount(self) -> None:
        # Whatever scrolls the panel (wheel, scrollbar, keys), the highlight stays on screen.
        if isinstance(self.parent, Widget):
            self.watch(self.parent, "scroll_y", self._keep_highlight_on_screen, init=False)

    def set_facts(self, facts: list[Fact], lang: Lang) -> None:
        """Show `facts` in `lang` from the first one (the panel reuses one list for all)."""
        self.facts = facts
        self._lang = lang
        self._texts = [None] * len(facts)
        self._contents = [None] * len(facts)
        self._layout = None
        self._strips.clear()
        self._index = None
        self.set_reactive(FactList.highlighted, 0)
        self.refresh(layout=True)

    # Content and layout ---------------------------------------------------------------------

    def _text(self, index: int) -> Text:
        text = self._texts[index]
        if text is None:
            text = self._texts[index] = fact_text(self._pack, self.facts[index], self._lang)
        return text

    def _content(self, index: int) -> Content:
        content = self._contents[index]
        if content is None:
            content = self._contents[index] = Content.from_rich_text(self._text(index))
        return content

    def _text_width(self, width: int) -> int:
        return max(1, width - MARK - 2 * PAD)

    def _layout_for(self, width: int) -> Layout:
        """Each fact's place for `width`; only the visible facts are ever rendered."""
        layout = self._layout
        if layout is not None and layout.width == width:
            return layout
        self._strips.clear()
        layout = Layout(width)
        text_width = self._text_width(width)
        heights = fact_heights(self._pack, self.facts, self._lang, text_width, self._heights)
        layout.place(heights, GAP)
        if not self.facts:
            layout.height = len(self._empty_lines(width))
        self._layout = layout
        return layout

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._layout_for(width).height

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Strips are kept per look (which holds the component styles it was drawn with), so
        # only a change of the list's own style makes them stale. Focus moving in or out
        # restyles the list without changing it: its facts need not be drawn again.
        style = self.visual_style
        if style != self._strips_style:
            self._strips.clear()
            self._strips_style = style

    # Looks ------------------------------------------------------------------------------------

    def _look(self, index: int) -> Look:
        """The fact's look: its kind's, then the highlight's on top (focus changes that)."""
        names = ["fact-list--fact"]
        kind = self.facts[index].kind
        if kind is FactKind.QUOTE:
            names.append("fact-list--quote")
        elif kind is FactKind.DERIVED:
            names.append("fact-list--derived")
        if index == self.highlighted:
            names.append("fact-list--highlight")
        background = Color(0, 0, 0, 0)
        edge, mark_color = "", Color(0, 0, 0, 0)
        for name in names:
            styles = self.get_component_styles(name)
            if styles.has_rule("background"):
                background = styles.background
            if styles.has_rule("border_left"):
                edge, mark_color = styles.border_left
        pointer = index == self.highlighted and self.has_focus
        return Look(background, mark_char(edge), mark_color, pointer)

    def _render_fact(self, index: int, look: Look, width: int) -> list[Strip]:
        """The lines of one fact in `look`, `width` cells wide (mark, padding and text)."""
        key = (index, look)
        strips = self._strips.get(key)
        if strips is not None:
            return strips
        base = self.visual_style
        list_background = base.background or Color(0, 0, 0, 0)
        background = list_background + look.background
        style = base + Style(background=look.background)
        fill = RichStyle(bgcolor=background.rich_color)
        mark_style = RichStyle(color=(list_background + look.mark_color).rich_color) + fill
        mark = Segment(look.mark, mark_style)
        first_mark = Segment(POINTER, mark_style + RichStyle(bold=True)) if look.pointer else mark
        pad = Segment(" " * PAD, fill)
        text_width = self._text_width(width)
        lines = Visual.to_strips(self, self._content(index), text_width, None, style)
        # The layout counted lines the way Content wraps them; keep the two in step regardless.
        height = self._layout.heights[index] if self._layout is not None else len(lines)
        lines = lines[:height] + [Strip.blank(text_width, fill)] * (height - len(lines))
        strips = [
            Strip.join(
                [
                    Strip([first_mark if number == 0 else mark, pad]),
                    line.adjust_cell_length(text_width, fill),
                    Strip([pad]),
                ]
            )
            for number, line in enumerate(lines)
        ]
        self._strips[key] = strips
        return strips

    def _empty_lines(self, width: int) -> list[Strip]:
        style = Style.from_rich_style(self.get_component_rich_style("fact-list--empty"))
        fill = RichStyle(bgcolor=(self.visual_style.background or Color(0, 0, 0, 0)).rich_color)
        lines = Visual.to_strips(self, Content(t("no-facts", self._lang)), width, None, style)
        return [line.adjust_cell_length(width, fill) for line in lines]

    # Rendering ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        layout = self._layout_for(width)
        if not self.facts:
            lines = self._empty_lines(width)
            return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.rich_style)
        index = bisect_right(layout.tops, y) - 1
        if index < 0 or y >= layout.tops[index] + layout.heights[index]:
            return Strip.blank(width, self.rich_style)
        lines = self._render_fact(index, self._look(index), width)
        return lines[y - layout.tops[index]]

    def fact_at(self, y: int) -> int | None:
        """The index of the fact drawn on line `y` of this widget, if any."""
        layout = self._layout
        if layout is None or not self.facts:
            return None
        index = bisect_right(layout.tops, y) - 1
        if index < 0 or y >= layout.tops[index] + layout.heights[index]:
            return None
        return index

    def rendered_text(self, index: int) -> str:
        """What fact `index` shows, as plain text (for tests and tools)."""
        return self._content(index).plain

    def on_click(self, event: events.Click) -> None:
        index = self.fact_at(event.y)
        if index is not None:
            self.highlighted = index
            self.focus()

    # Highlight ----------------------------------------------------------------------------------

    @property
    def highlighted_fact(self) -> Fact | None:
        if 0 <= self.highlighted < len(self.facts):
            return self.facts[self.highlighted]
        return None

    def highlight_fact(self, fact_id: str) -> bool:
        """Highlight the fact with `fact_id`; False when it is not in this list."""
        if self._index is None:
            self._index = {fact.id: index for index, fact in enumerate(self.facts)}
        index = self._index.get(fact_id)
        if index is None:
            return False
        self.highlighted = index
        return True

    def jump_to(self, fact_id: str) -> bool:
        """Highlight `fact_id`, shown once laid out (a search jump); False if not in this list."""
        if not self.highlight_fact(fact_id):
            return False
        self.call_after_refresh(self._reveal_if_showing, self.facts)
        return True

    def _reveal_if_showing(self, facts: list[Fact]) -> None:
        if self.facts is facts:  # not once another section is shown
            self.bring_highlight_into_view(if_hidden=True)

    def validate_highlighted(self, value: int) -> int:
        return max(0, min(value, len(self.facts) - 1)) if self.facts else 0

    def watch_highlighted(self, old: int, value: int) -> None:
        layout = self._layout  # only these two facts change look: repaint just their lines
        for index in (old, value):
            if layout is None or not 0 <= index < len(layout.tops):
                self.refresh()
                break
            self.refresh(Region(0, layout.tops[index], self.size.width, layout.heights[index]))
        if self.has_focus and not self._following_scroll:
            self._bring_into_view(value)

    def visible_lines(self, scroll_y: float | None = None) -> range:
        """The lines of this list the panel shows (at its `scroll_y`, default: now)."""
        parent = self.parent
        if not isinstance(parent, Widget):
            return range(0)
        top = round(parent.scroll_offset.y if scroll_y is None else scroll_y)
        top -= self.virtual_region.y
        shown = range(top, top + parent.scrollable_content_region.height)
        return range(max(shown.start, 0), min(shown.stop, self.virtual_size.height))

    def _keep_highlight_on_screen(self, old_scroll_y: float, new_scroll_y: float) -> None:
        """When a scroll takes the highlight off screen, move it to the nearest fact on screen.

        Only a highlight that was on screen follows: one just set off screen (a search jump)
        is about to be brought into view, and must not be moved.
        """
        layout, window = self._layout, self.visible_lines(new_scroll_y)
        if layout is None or not self.facts or not window:
            return
        if self._in_view(window) or not self._in_view(self.visible_lines(old_scroll_y)):
            return
        bottom = layout.tops[self.highlighted] + layout.heights[self.highlighted]
        line = window.start if bottom <= window.start else window.stop - 1
        target = max(0, bisect_right(layout.tops, line) - 1)
        # Scrolled past it downwards: prefer the fact after one cut at the top edge.
        cut_at_top = bottom <= window.start and layout.tops[target] < window.start
        if cut_at_top and target + 1 < len(self.facts) and layout.tops[target + 1] < window.stop:
            target += 1
        self._following_scroll = True
        try:
            self.highlighted = target
        finally:
            self._following_scroll = False

    def _bring_into_view(self, index: int) -> None:
        """Bring fact `index`, with the gap above it, into the panel's view."""
        layout = self._layout
        parent = self.parent
        # Called after a refresh too, when the facts may have changed since: check the index.
        if layout is None or not 0 <= index < len(layout.tops) or not isinstance(parent, Widget):
            return
        top = layout.tops[index] - GAP
        region = Region(0, top, self.size.width, layout.heights[index] + GAP)
        parent.scroll_to_region(region.translate(self.virtual_region.offset), animate=False)

    @property
    def laid_out(self) -> bool:
        """Whether the list has been laid out for the facts it holds."""
        return self._layout is not None

    def _in_view(self, window: range) -> bool:
        """Whether a line of the highlighted fact is in `window` (lines of this list)."""
        assert self._layout is not None
        top, height = self._layout.tops[self.highlighted], self._layout.heights[self.highlighted]
        return top < window.stop and top + height > window.start

    def bring_highlight_into_view(self, *, if_hidden: bool = False) -> None:
        """Bring the highlighted fact into the panel's view now; with `if_hidden`, only when no
        line of it is shown."""
        if self._layout is None or not self.facts:
            return
        if not (if_hidden and self._in_view(self.visible_lines())):
            self._bring_into_view(self.highlighted)

    def on_focus(self) -> None:
        self.refresh()  # the highlight's look; Tab brings it into view (MainScreen)

    on_blur = on_focus

    def action_move(self, step: int) -> None:
        if step < 0 and self.highlighted == 0 and isinstance(self.parent, ScrollableContainer):
            # Above the first fact: show the top of the panel (title and cards) again.
            self.parent.scroll_home(animate=False)
            return
        target = self.validate_highlighted(self.highlighted + step)
        if target == self.highlighted and self.has_focus:
            self._bring_into_view(target)  # at either end: show the fact again if scrolled away
        self.highlighted = target

    def action_first(self) -> None:
        self.highlighted = 0
        self._bring_into_view(0)

    def action_last(self) -> None:
        self.highlighted = len(self.facts) - 1
        self._bring_into_view(self.highlighted)

    def action_page(self, direction: int) -> None:
        """Move the highlight a screenful down (1) or up (-1), and the view with it."""
        layout, window, parent = self._layout, self.visible_lines(), self.parent
        if layout is None or not self.facts or not isinstance(parent, Widget):
            return
        page = max(1, parent.scrollable_content_region.height - GAP)
        current = self.highlighted
        line = layout.tops[current] + direction * page
        target = max(0, bisect_right(layout.tops, line) - 1)
        if direction > 0:
            target = max(target, min(current + 1, len(self.facts) - 1))
        else:
            target = min(target, max(current - 1, 0))
        if window:  # keep the highlight where it was on screen, as a page of text moves
            parent.scroll_relative(y=layout.tops[target] - layout.tops[current], animate=False)
        self.highlighted = target
        self._bring_into_view(target)
