"""The main screen: tree on the left, panel on the right; it routes the widgets' messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Self

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Region
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Tree

from tui.pack.memory import freeze_heap
from tui.pack.model import Lang, Pack
from tui.text.words import t
from tui.ui.screens.fact_actions import FactActions
from tui.ui.screens.footer_keys import Focus, footer_bindings, help_groups
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.section_tree import SectionTree
from tui.ui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmall

if TYPE_CHECKING:
    # The search and help screens are imported when first opened: nothing of them at start-up.
    from tui.search import SearchHit, SearchIndex
    from tui.ui.screens.help import KeyRows
    from tui.ui.widgets.entity_table import EntityTable

WIDE_WIDTH = 110
# The search index is built from a second after the first screen, while the reader pauses: a
# step of about INDEX_BUDGET every INDEX_INTERVAL once no key came for INDEX_AFTER_INPUT.
INDEX_DELAY, INDEX_INTERVAL, INDEX_BUDGET, INDEX_AFTER_INPUT = 1.0, 0.005, 0.001, 0.05
# The tree's width: a share of the terminal by default, changed by `<` and `>` in steps, and
# never so wide that the panel is squeezed nor so narrow that no title can be read.
TREE_SHARE = 0.35
TREE_DEFAULT_MAX = 36
TREE_MIN = 12
TREE_STEP = 4
PANEL_MIN = 30
TREE_MAX_SHARE = 0.6


def tree_width_bounds(width: int) -> tuple[int, int]:
    """The narrowest and widest tree a terminal `width` cells wide allows."""
    widest = min(int(width * TREE_MAX_SHARE), width - PANEL_MIN)
    return TREE_MIN, max(TREE_MIN, widest)


def tree_width_for(width: int, chosen: int | None) -> int:
    """The tree's width at terminal `width`: the reader's choice within bounds, else a share."""
    low, high = tree_width_bounds(width)
    wanted = chosen if chosen is not None else min(round(width * TREE_SHARE), TREE_DEFAULT_MAX)
    return max(low, min(wanted, high))


class MainScreen(FactActions):
    """Holds the tree and the panel, keeps them in step, and carries out copy and search."""

    _moving_focus = False  # True while set_focus runs (see there)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,left,h", "back", "Back", id="back"),
        Binding("tab", "next_pane", "Facts", id="next-pane"),
        Binding("c", "copy_fact", "Copy", id="copy-fact"),
        Binding("C", "copy_section", "Copy section", id="copy-section"),
        Binding("slash", "search", "Search", id="search"),
        Binding("t", "toggle_tree", "Tree", id="toggle-tree"),
        Binding("less_than_sign", "tree_width(-1)", "Narrower tree", id="tree-narrower"),
        Binding("greater_than_sign", "tree_width(1)", "Wider tree", id="tree-wider"),
        # Evidence (issue 9): detail, source URL, sources list, chart.
        Binding("enter", "detail", "Detail", id="detail"),
        Binding("o", "open_url", "Open URL", show=False, id="open-url"),
        Binding("y", "copy_url", "Copy URL", show=False, id="copy-url"),
        Binding("S", "sources", "Sources", show=False, id="sources"),
        Binding("v", "chart", "Chart", id="chart"),
    ]

    class SectionChanged(Message):
        """The section under the tree cursor changed (the app remembers it)."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    class TreeWidthChanged(Message):
        """The reader set the tree's width with `<` or `>` (the app remembers it)."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    def __init__(
        self, pack: Pack, lang: Lang, start_path: str, *, tree_width: int | None = None
    ) -> None:
        super().__init__(pack, lang, start_path, id="main")
        self._pending_fact: str | None = None
        self._entries: SearchIndex | None = None
        self._index_timer: Timer | None = None
        self.tree_width: int | None = tree_width

    # Layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Size classes go on before the children exist: added later, they would restyle the
        # whole screen a second time before the first frame.
        width, height = self.app.size
        self._set_size_classes(width, height)
        yield Header(icon="≡")
        with Horizontal(id="body"):
            tree = SectionTree(self.pack, self.lang, id="tree")
            tree.styles.width = tree_width_for(width, self.tree_width)
            yield tree
            yield FactPanel(self.pack, id="panel")
        yield TooSmall(id="too-small")
        yield KeyFooter(id="footer")

    async def on_mount(self) -> None:
        self._apply_size(self.app.size.width, self.app.size.height)
        tree = self.query_one(SectionTree)
        tree.focus()
        tree.select_path(self._start_path)
        await self._show(self._start_path)
        # Again after the first screen: its widgets live as long as the app too.
        freeze_heap()
        self.set_timer(INDEX_DELAY, self._start_index_building)
        # After the first frame: from the app's Ready, or here for a screen that replaces one.
        self.call_after_refresh(self.query_one(FactPanel).prepare)

    def _start_index_building(self) -> None:
        self._index_timer = self.set_interval(INDEX_INTERVAL, self._build_index_block)

    def _build_index_block(self) -> None:
        """One more step of the search index, until it is whole; only while the reader pauses,
        whatever screen is up (in the search too: its next keystrokes then only scan)."""
        if getattr(self.app, "idle_for", lambda: INDEX_AFTER_INPUT)() < INDEX_AFTER_INPUT:
            return
        if not self.search_entries().build_for(INDEX_BUDGET) and self._index_timer is not None:
            self._index_timer.stop()
            self._index_timer = None

    def on_resize(self, event: events.Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _set_size_classes(self, width: int, height: int) -> bool:
        """Mark the screen too small or wide for the stylesheet; True when too small."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        self.set_class(width >= WIDE_WIDTH, "-wide")
        return small

    def _apply_size(self, width: int, height: int) -> None:
        if self._set_size_classes(width, height):
            self.query_one(TooSmall).show_size(width, height, self.lang)
        self.query_one(SectionTree).styles.width = tree_width_for(width, self.tree_width)
        self.refresh_bindings()

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Move the focus without repainting the whole screen.

        Textual repaints every widget of a screen whose focus changes; here only the widgets
        whose look depends on focus change (the tree, the fact list, the footer), and they
        repaint themselves when restyled. The full repaint was most of the cost of Tab.
        """
        self._moving_focus = True
        try:
            super().set_focus(widget, scroll_visible, from_app_focus)
        finally:
            self._moving_focus = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._moving_focus and not (regions or layout or recompose):
            return self  # the repaint of the focus change (see set_focus)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    # Keys in force ------------------------------------------------------------------------

    def focus_place(self) -> Focus:
        """Where the focus is, for the footer: the tree, or the panel with or without it."""
        tree = self.query_one(SectionTree)
        if tree.has_focus:
            return Focus.TREE
        return Focus.PANEL if tree.display else Focus.PANEL_ALONE

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings in force, in the current language, with the footer's choice shown.

        The footer reads this: it shows the keys that work where the focus is, those that fit.
        """
        active = super().active_bindings
        app = self.app
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        room = self.size.width
        if palette is not None:
            words = t("command_palette", self.lang)
            room -= cell_len(app.get_key_display(palette.binding)) + cell_len(words) + 4
        return footer_bindings(
            active,
            self.focus_place(),
            self.lang,
            room=room,
            key_display=app.get_key_display,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`Esc` and `h` go back only from right of the tree; `<` `>` only while it is shown."""
        tree = self.query_one_optional(SectionTree)
        if tree is None:
            return True
        if action == "back":
            return not tree.has_focus
        if action == "tree_width":
            return tree.display
        return True

    # Tree and panel -----------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tree")
    async def _node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        path = event.node.data
        tree = self.query_one(SectionTree)
        # Several highlights may queue up while the panel rebuilds; only the latest matters.
        if path is None or path != tree.current_path:
            return
        await self._show(path)

    async def _show(self, path: str) -> None:
        panel = self.query_one(FactPanel)
        if panel.path != path or panel.entity is not None:
            await panel.show(path, self.lang)
            self.post_message(self.SectionChanged(path))
        fact_id, self._pending_fact = self._pending_fact, None
        fact_list = panel.fact_list
        if fact_id is not None and fact_list is not None and fact_list.jump_to(fact_id):
            # Not focus()'s own scroll: it glides to the top of the list, dragging along the
            # highlight (which follows a scroll that leaves it off screen); jump_to shows it.
            fact_list.focus(scroll_visible=False)

    @on(SectionTree.EnterLeaf)
    def _enter_leaf(self) -> None:
        fact_list = self.query_one(FactPanel).fact_list
        if fact_list is not None:
            # Where focus() would scroll, but at once: its glide took frames out of later keys.
            fact_list.focus(scroll_visible=False)
            self.call_later(self.scroll_to_center, fact_list, animate=False, origin_visible=True)

    # Named places -------------------------------------------------------------------------

    @on(SectionTree.EntityHighlighted)
    def _entity_highlighted(self, event: SectionTree.EntityHighlighted) -> None:
        # Only the latest of several queued highlights matters, as for sections.
        if event.entity is self.query_one(SectionTree).current_entity:
            self.query_one(FactPanel).show_entity(event.entity, self.lang)

    @on(SectionTree.EnterTable)
    def _enter_table(self) -> None:
        table = self.query_one(FactPanel).entity_table
        if table is not None and table.display:
            table.grid.focus()

    def on_entity_table_open(self, message: EntityTable.Open) -> None:
        """Enter on a row of the entity table: the entity's own screen (`Esc` comes back)."""
        from tui.ui.screens.entity import EntityScreen

        self.app.push_screen(EntityScreen(self.pack, message.entity, self.lang))

    # ---------------------------------------------------------------------------------------------

    async def set_lang(self, lang: Lang) -> None:
        """Show everything in `lang`: tree labels, panel, footer, too-small message."""
        self.lang = lang
        self.query_one(SectionTree).set_lang(lang)
        panel = self.query_one(FactPanel)
        if panel.path is not None:
            await panel.show(panel.path, lang, keep_position=True)
        self._apply_size(self.size.width, self.size.height)
        self.refresh_bindings()

    async def goto(self, path: str, fact_id: str | None = None) -> None:
        """Move the tree and the panel to `path`, and highlight `fact_id` there."""
        if path not in self.pack.sections:
            return
        self._pending_fact = fact_id
        tree = self.query_one(SectionTree)
        if not tree.display:
            tree.display = True
        tree.select_path(path)
        if self.query_one(FactPanel).path == path:
            await self._show(path)
        elif fact_id is None:
            tree.focus()

    # Actions ------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back one level: from the panel to the tree (shown again if `t` had hidden it)."""
        tree = self.query_one(SectionTree)
        if not tree.display:  # setting it, even unchanged, lays the screen out again
            tree.display = True
        tree.focus(scroll_visible=False)
        self.refresh_bindings()

    def action_next_pane(self) -> None:
        """Tab: the next pane. Onto the fact list, its highlight is brought into view at once.

        Textual would glide to the list's top later, from a queued callback: after a burst of
        Tabs the panel could still show the places table, and `c` would copy a fact out of
        sight. Scrolled here to the highlight itself, nothing deferred is left to undo it.
        """
        fact_list = self.query_one(FactPanel).fact_list
        chain = self.focus_chain
        if fact_list is not None and fact_list.laid_out and fact_list in chain:
            at = chain.index(self.focused) if self.focused in chain else -1
            if chain[(at + 1) % len(chain)] is fact_list:
                self.set_focus(fact_list, scroll_visible=False)
                fact_list.bring_highlight_into_view()
                return
        self.focus_next()

    def action_toggle_tree(self) -> None:
        # Focus moves without scrolling: the panel keeps the section's title in view.
        tree = self.query_one(SectionTree)
        tree.display = not tree.display
        if tree.display:
            tree.focus(scroll_visible=False)
        else:
            fact_list = self.query_one(FactPanel).fact_list
            if fact_list is not None:
                fact_list.focus(scroll_visible=False)
        self.refresh_bindings()

    def action_tree_width(self, step: int) -> None:
        """`<` and `>`: the tree narrower or wider by a step, within bounds; remembered."""
        low, high = tree_width_bounds(self.size.width)
        current = tree_width_for(self.size.width, self.tree_width)
        wanted = max(low, min(current + step * TREE_STEP, high))
        if wanted == current:
            self.app.bell()
            return
        self.tree_width = wanted
        self.query_one(SectionTree).styles.width = wanted
        self.post_message(self.TreeWidthChanged(wanted))

    def search_entries(self) -> SearchIndex:
        """The search index, built on first use."""
        if self._entries is None:
            from tui.search import build_entries

            self._entries = build_entries(self.pack)
        return self._entries

    def action_search(self) -> None:
        from tui.ui.screens.search import SearchScreen

        screen = SearchScreen(self.pack, self.search_entries(), self.lang)
        self.app.push_screen(screen, self._searched)

    async def _searched(self, hit: SearchHit | None) -> None:
        if hit is not None:
            await self.goto(hit.entry.path, hit.entry.fact_id)

    def help_groups(self, lang: Lang) -> list[tuple[str, KeyRows]]:
        """The help's rows of keys in `lang` (see footer_keys.help_groups)."""
        return help_groups(self.app, type(self), lang)

    def show_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_groups, self.pack, self.lang))

    # Evidence (issue 9): fact detail, o/y, sources list, chart ----------------------------

    class ShowFact(Message):
        """Select `path` and highlight `fact_id` there (the sources list jumps with this)."""

        def __init__(self, path: str, fact_id: str | None) -> None:
            super().__init__()
            self.path = path
            self.fact_id = fact_id

    async def on_main_screen_show_fact(self, message: ShowFact) -> None:
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        await self.goto(message.path, message.fact_id)
