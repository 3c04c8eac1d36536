"""The main screen: tree on the left, panel on the right; it routes the widgets' messages."""

from __future__ import annotations

import dataclasses
import gc
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Header, Tree
from textual.worker import Worker, WorkerState

from tui import clipboard
from tui.pack.model import Fact, Lang, Pack
from tui.text.format import fact_clipboard_text, section_markdown
from tui.text.words import STRINGS, t
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.section_tree import SectionTree
from tui.ui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmall

if TYPE_CHECKING:
    # The search and help screens are imported when first opened: nothing of them at start-up.
    from tui.ui.screens.help import KeyRows
    from tui.ui.screens.search import SearchHit, SearchIndex
    from tui.ui.widgets.entity_table import EntityTable

WIDE_WIDTH = 110


@dataclasses.dataclass(frozen=True)
class CopyJob:
    """What a copy sent by OSC 52, for the toast once the native tool has answered."""

    size: int
    osc52: bool


class MainScreen(Screen[None]):
    """Holds the tree and the panel, keeps them in step, and carries out copy and search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy_fact", "Copy", id="copy-fact"),
        Binding("C", "copy_section", "Copy section", show=False, id="copy-section"),
        Binding("slash", "search", "Search", id="search"),
        Binding("t", "toggle_tree", "Tree", show=False, id="toggle-tree"),
    ]

    class SectionChanged(Message):
        """The section under the tree cursor changed (the app remembers it)."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, pack: Pack, lang: Lang, start_path: str) -> None:
        super().__init__(id="main")
        self.pack = pack
        self.lang: Lang = lang
        self._start_path = start_path
        self._pending_fact: str | None = None
        self._entries: SearchIndex | None = None
        self._copy_jobs: dict[Worker[clipboard.NativeCopyResult], CopyJob] = {}

    # Layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Size classes go on before the children exist: added later, they would restyle the
        # whole screen a second time before the first frame.
        self._set_size_classes(self.app.size.width, self.app.size.height)
        yield Header(icon="≡")
        with Horizontal(id="body"):
            yield SectionTree(self.pack, self.lang, id="tree")
            yield FactPanel(self.pack, id="panel")
        yield TooSmall(id="too-small")
        yield KeyFooter(id="footer")

    async def on_mount(self) -> None:
        self._apply_size(self.app.size.width, self.app.size.height)
        tree = self.query_one(SectionTree)
        tree.focus()
        tree.select_path(self._start_path)
        await self._show(self._start_path)
        # The pack (up to millions of objects) lives as long as the app and holds no cycles to
        # free: moving it out of the collector's view keeps full collections, which would
        # re-scan all of it, from stalling keys for hundreds of milliseconds. (No collect
        # first: at 100,000 facts that alone is a visible pause at start.)
        gc.freeze()

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

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings in force, described in the current language (Footer and help read this)."""
        translated: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            key_id = binding.id if binding.id in STRINGS else binding.action
            if key_id in STRINGS:
                binding = dataclasses.replace(binding, description=t(key_id, self.lang))
            translated[key] = active._replace(binding=binding)
        return translated

    # Tree and panel -----------------------------------------------------------------------

    @property
    def current_path(self) -> str:
        panel = self.query_one(FactPanel)
        return panel.path or self._start_path

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
        if fact_id is not None and fact_list is not None and fact_list.highlight_fact(fact_id):
            fact_list.focus()

    @on(SectionTree.EnterLeaf)
    def _enter_leaf(self) -> None:
        fact_list = self.query_one(FactPanel).fact_list
        if fact_list is not None:
            fact_list.focus()

    # Entities (the `entities` helper's block) -------------------------------------------------

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

    def action_toggle_tree(self) -> None:
        tree = self.query_one(SectionTree)
        tree.display = not tree.display
        if tree.display:
            tree.focus()
        else:
            fact_list = self.query_one(FactPanel).fact_list
            if fact_list is not None:
                fact_list.focus()

    def search_entries(self) -> SearchIndex:
        """The search index, built on first use."""
        if self._entries is None:
            from tui.ui.screens.search import build_entries

            self._entries = build_entries(self.pack)
        return self._entries

    def action_search(self) -> None:
        from tui.ui.screens.search import SearchScreen

        screen = SearchScreen(self.pack, self.search_entries(), self.lang)
        self.app.push_screen(screen, self._searched)

    async def _searched(self, hit: SearchHit | None) -> None:
        if hit is not None:
            await self.goto(hit.entry.path, hit.entry.fact_id)

    def help_groups(self) -> list[tuple[str, KeyRows]]:
        """Rows for the help screen, from the bindings in force and those of tree and list."""
        from tui.ui.screens.help import binding_rows

        app = self.app
        # The bindings of the app and this screen; the focused widget's are listed below.
        global_bindings = [
            active.binding
            for active in self.active_bindings.values()
            if active.node in (app, self) and active.binding.id and not active.binding.system
        ]
        tree_bindings = [b for _, b in self.query_one(SectionTree)._bindings]
        fact_list = self.query_one(FactPanel).fact_list
        list_bindings = [b for _, b in fact_list._bindings] if fact_list is not None else []
        return [
            (t("help.global", self.lang), binding_rows(app, global_bindings, self.lang)),
            (t("help.tree", self.lang), binding_rows(app, tree_bindings, self.lang)),
            (t("help.facts", self.lang), binding_rows(app, list_bindings, self.lang)),
        ]

    def show_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_groups(), self.lang))

    # Copy ---------------------------------------------------------------------------------

    def fact_to_copy(self) -> Fact | None:
        """The highlighted fact when the list has focus, else the section's first fact."""
        panel = self.query_one(FactPanel)
        fact_list = panel.fact_list
        if fact_list is not None and fact_list.has_focus and fact_list.highlighted_fact:
            return fact_list.highlighted_fact
        path = self.current_path
        for section_path in self.pack.sections:
            if section_path == path or section_path.startswith(path + "/"):
                facts = self.pack.facts_in(section_path)
                if facts:
                    return facts[0]
        return None

    def action_copy_fact(self) -> None:
        fact = self.fact_to_copy()
        if fact is None:
            self.app.notify(t("copy.nothing", self.lang), markup=False, severity="warning")
            return
        self.copy_text(fact_clipboard_text(self.pack, fact, self.lang))

    def action_copy_section(self) -> None:
        self.copy_text(section_markdown(self.pack, self.current_path, self.lang))

    def copy_text(self, text: str) -> None:
        """Send `text` by OSC 52 (when small enough) and by a native tool in a thread."""
        size = len(text.encode("utf-8"))
        osc52 = clipboard.fits_osc52(text)
        if osc52:
            self.app.copy_to_clipboard(text)
        worker = self.run_worker(
            lambda: clipboard.copy_native(text),
            thread=True,
            name="copy-native",
            group="copy",
            description="native clipboard copy",
            exit_on_error=False,
        )
        self._copy_jobs[worker] = CopyJob(size=size, osc52=osc52)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        job = self._copy_jobs.get(worker)
        if job is None or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        del self._copy_jobs[worker]
        result = worker.result if event.state is WorkerState.SUCCESS else None
        if not isinstance(result, clipboard.NativeCopyResult):
            result = clipboard.NativeCopyResult(None, False, str(worker.error or "cancelled"))
        message, severity = copy_toast(job, result, self.lang)
        self.app.notify(message, markup=False, severity=severity)


def copy_toast(
    job: CopyJob, result: clipboard.NativeCopyResult, lang: Lang
) -> tuple[str, SeverityLevel]:
    """An honest account of what a copy did, and how worried the reader should be."""
    values = {
        "tool": result.tool or "",
        "detail": result.detail,
        "size": job.size // 1000,
        "limit": clipboard.OSC52_LIMIT_BYTES // 1000,
    }
    if job.osc52:
        if result.ok:
            return t("copy.both", lang, **values), "information"
        if result.tool is None:
            return t("copy.osc-only", lang, **values), "information"
        return t("copy.osc-native-failed", lang, **values), "warning"
    if result.ok:
        return t("copy.native-only", lang, **values), "warning"
    return t("copy.none", lang, **values), "error"
