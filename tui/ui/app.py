"""The Textual application: global bindings, language, theme and remembered state."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen

from tui.pack.memory import collect_if_grown, defer_full_collections
from tui.pack.model import LANGS, Lang, Pack
from tui.paths import state_file
from tui.state import UiState, load_state, save_state
from tui.text.citations import publisher_name
from tui.text.dates import source_date
from tui.text.words import detect_locale_lang, t
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.fact_panel import FactPanel

if TYPE_CHECKING:
    from textual.command import Provider

    # Imported when a long load is under way, not at every start: the loader's modules cost
    # about 25 ms to import, and a start from the cache never needs them.
    from tui.pack.background import BackgroundLoad
    from tui.pack.load import LoadResult
    from tui.ui.screens.loading import LoadingScreen

# The exit status of a program ended by ctrl+c (128 + SIGINT), as the command line promises.
EXIT_INTERRUPTED = 130
# How often the terminal's size is compared with the app's (see `_check_terminal_size`).
SIZE_CHECK_INTERVAL = 0.5
# Saving the section on every cursor move would write a file per keypress; wait for a pause.
SECTION_SAVE_DELAY = 1.0
# Full collections wait for the user to pause (see `tui.pack.memory.defer_full_collections`):
# checked this often, and run once no key or mouse event came for `IDLE_BEFORE_COLLECTING`.
IDLE_COLLECTION_CHECK = 1.0
IDLE_BEFORE_COLLECTING = 0.8
# The views' and the copy's modules are imported when first used (2–8 ms each, 38 ms in all):
# not before the first frame, which they would delay, but one at a time soon after it, so that
# the first opening of a view or the first copy does not pay for its import either.
LATER_MODULES = (
    "tui.clipboard",
    "tui.export.copy",
    "tui.ui.copy_toast",
    "tui.ui.screens.detail",
    "tui.ui.screens.sources",
    "tui.ui.screens.chart",
    "tui.ui.screens.search",
    "tui.ui.screens.help",
)
PREFETCH_DELAY = 0.3
PREFETCH_INTERVAL = 0.05


def _moscow_commands() -> type[Provider]:
    """The palette's provider, imported on the palette's first use rather than at start-up."""
    from tui.ui.commands import MoscowCommands

    return MoscowCommands


class MoscowApp(App[None]):
    """Explore a content pack: a section tree, fact panels, copy, search, two languages."""

    CSS_PATH = "styles/app.tcss"
    # Textual's default names its own Footer, which the footer of keys no longer is.
    ALLOW_IN_MAXIMIZED_VIEW = "KeyFooter"
    COMMANDS = App.COMMANDS | {_moscow_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-priority"),
        # Textual's own ctrl+c only says "press ctrl+q to quit"; here it interrupts, as in a shell.
        Binding("ctrl+c", "interrupt", "Interrupt", show=False, priority=True, id="interrupt"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("L", "toggle_lang", "Language", id="lang"),
    ]

    lang: reactive[Lang] = reactive[Lang]("en", init=False)

    def __init__(
        self,
        pack: Pack,
        *,
        start_path: str | None = None,
        lang: Lang | None = None,
        state_path: Path | None = None,
        loading: BackgroundLoad | None = None,
    ) -> None:
        """`loading`: a load under way, of which `pack` is the first pass (the sections only);
        the app opens on its tree and takes the whole pack when it comes."""
        super().__init__()
        self.pack = pack
        self.loading = loading
        # Why the load under way failed (its problems, or the loader's end), for the caller.
        self.load_failure: LoadResult | str | None = None
        self.state_path = state_path if state_path is not None else state_file()
        self._notices: list[str] = []
        self._last_save_error: str | None = None
        self._started = False
        self._thresholds = gc.get_threshold()  # the collector's, restored on unmount
        self._last_input = time.monotonic()
        self._later_modules = list(LATER_MODULES)
        state, notice = load_state(self.state_path)
        self.ui_state = state
        remembered: Lang | None = state.lang if state.lang in LANGS else None
        chosen: Lang = lang or remembered or detect_locale_lang()
        self.set_reactive(MoscowApp.lang, chosen)
        if notice:
            self._notices.append(t("state-notice", chosen, notice=notice))
        if state.theme and state.theme in self.available_themes:
            self.theme = state.theme
        self.start_path = self._start_section(start_path, state.section)
        self._save_timer_pending = False

    def _start_section(self, asked: str | None, remembered: str | None) -> str:
        sections = self.pack.sections
        if asked is not None:
            if asked in sections:
                return asked
            self._notices.append(t("unknown-section", self.lang, path=asked))
        if remembered is not None and remembered in sections:
            return remembered
        return next(iter(sections))

    def on_mount(self) -> None:
        self._thresholds = defer_full_collections()
        self.set_interval(IDLE_COLLECTION_CHECK, self._collect_when_idle)
        if not self.is_headless:
            self.set_interval(SIZE_CHECK_INTERVAL, self._check_terminal_size)
        self._update_title()
        tree_width = self.ui_state.tree_width
        if self.loading is not None:
            from tui.ui.screens.loading import LoadingScreen

            first: Screen[None] = LoadingScreen(
                self.pack, self.loading, self.lang, self.start_path, tree_width=tree_width
            )
        else:
            first = MainScreen(self.pack, self.lang, self.start_path, tree_width=tree_width)
        self.push_screen(first)
        for notice in self._notices:
            self.notify(notice, markup=False, severity="warning", timeout=8)
        self.ui_state.section = self.start_path
        self._started = True

    async def on_ready(self) -> None:
        """The first frame is on screen, however long a loaded machine took to draw it: the
        views' modules are imported one by one from now, and the main screen prepares what it
        left for later.

        Textual sends Ready once the first frame is displayed. A callback after the screen's
        next refresh would wait for a refresh that a still screen may not need, and the first
        key would pay for the preparation.
        """
        self.set_timer(PREFETCH_DELAY, self._import_next_module)
        main = self.main_screen
        if main is not None:
            await main.query_one(FactPanel).prepare()

    def _update_title(self) -> None:
        pack = self.pack
        source = pack.sources.get(pack.primary_source)
        self.title = pack.title.get(self.lang)
        if source is not None:
            self.sub_title = (
                f"{publisher_name(source, self.lang)}, {source_date(source, self.lang)}"
            )

    async def on_loading_screen_loaded(self, message: LoadingScreen.Loaded) -> None:
        """The whole pack: the main screen replaces the loading one, at the same section."""
        result = message.result
        if result.pack is None or result.errors:
            self.load_failure = result
            self.exit(return_code=1)
            return
        self.pack = result.pack
        self.loading = None
        while len(self.screen_stack) > 1 and self.screen is not message.screen:
            await self.pop_screen()  # a palette opened meanwhile
        tree_width = self.ui_state.tree_width
        main = MainScreen(self.pack, self.lang, message.path, tree_width=tree_width)
        await self.switch_screen(main)
        # After the switch: the loading screen's header, on its way out, must not be retitled.
        self._update_title()
        self.ui_state.section = message.path

    def on_loading_screen_failed(self, message: LoadingScreen.Failed) -> None:
        self.load_failure = message.reason
        self.exit(return_code=1)

    @property
    def loading_screen(self) -> LoadingScreen | None:
        if self.loading is None:
            return None
        from tui.ui.screens.loading import LoadingScreen

        for screen in self.screen_stack:
            if isinstance(screen, LoadingScreen):
                return screen
        return None

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # Language and theme -------------------------------------------------------------------

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "ru" else "ru"

    async def watch_lang(self, lang: Lang) -> None:
        self._update_title()
        main = self.main_screen
        if main is not None:
            await main.set_lang(lang)
        loading = self.loading_screen
        if loading is not None:
            loading.set_lang(lang)
        self.save()

    def watch_theme(self, theme: str) -> None:
        if self._started:
            self.save()

    def action_interrupt(self) -> None:
        """Quit with status 130, as ctrl+c ends any other terminal program."""
        self.exit(return_code=EXIT_INTERRUPTED)

    # Palette ------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands in the reader's language; Keys and Maximize left out.

        Our help (`?`) lists the keys, and the Keys panel squeezed the panel's cards. Quit and
        Screenshot are found by typing only: listed first, Enter in the empty palette would run
        them.
        """
        lang = self.lang
        yield SystemCommand(t("cmd.help", lang), t("cmd.help.help", lang), self.action_help)
        yield SystemCommand(t("cmd.theme", lang), t("cmd.theme.help", lang), self.search_themes)
        yield SystemCommand(
            t("cmd.quit", lang), t("cmd.quit.help", lang), self.action_quit, discover=False
        )
        yield SystemCommand(
            t("cmd.screenshot", lang),
            t("cmd.screenshot.help", lang),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
            discover=False,
        )

    def action_command_palette(self) -> None:
        """The palette, with its prompt in the reader's language."""
        from textual.command import CommandPalette

        open_already = any(isinstance(s, CommandPalette) for s in self.screen_stack)
        if self.use_command_palette and not open_already:
            placeholder = t("palette.placeholder", self.lang)
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The theme picker, with its prompt in the reader's language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        placeholder = t("palette.themes", self.lang)
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    # Help ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The help lists the main screen's keys: while the pack loads there are none to list.
        if action == "help":
            return self.main_screen is not None
        return True

    def action_help(self) -> None:
        main = self.main_screen
        if main is not None and self.screen is main:
            main.show_help()

    # State --------------------------------------------------------------------------------

    def on_main_screen_section_changed(self, message: MainScreen.SectionChanged) -> None:
        self.ui_state.section = message.path
        self._save_soon()

    def on_main_screen_tree_width_changed(self, message: MainScreen.TreeWidthChanged) -> None:
        self.ui_state.tree_width = message.width
        self._save_soon()

    def _save_soon(self) -> None:
        if self._started and not self._save_timer_pending:
            self._save_timer_pending = True
            self.set_timer(SECTION_SAVE_DELAY, self._delayed_save)

    def _delayed_save(self) -> None:
        self._save_timer_pending = False
        self.save()

    def save(self) -> None:
        """Write theme, language and section; a failure is a notice (once), never a crash."""
        self.ui_state = UiState(
            theme=self.theme,
            lang=self.lang,
            section=self.ui_state.section,
            tree_width=self.ui_state.tree_width,
        )
        error = save_state(self.state_path, self.ui_state)
        if error and error != self._last_save_error:
            self.notify(
                t("state-save-failed", self.lang, error=error),
                markup=False,
                severity="warning",
                timeout=8,
            )
        self._last_save_error = error

    def on_unmount(self) -> None:
        gc.set_threshold(*self._thresholds)
        if self._started:
            self.save()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def idle_for(self) -> float:  # seconds since the last key or mouse event
        return time.monotonic() - self._last_input

    def _import_next_module(self) -> None:
        if self._later_modules:
            import_module(self._later_modules.pop(0))
            self.set_timer(PREFETCH_INTERVAL, self._import_next_module)

    def _collect_when_idle(self) -> None:
        """The full collection Python would have run during a key, run in a pause instead."""
        if time.monotonic() - self._last_input >= IDLE_BEFORE_COLLECTING:
            collect_if_grown()

    def _check_terminal_size(self) -> None:
        """Catch up with a resize whose SIGWINCH Textual's driver never turned into an event.

        In a burst of resizes under load, the driver sometimes reports only an early size and
        then nothing more (seen here with 50 resizes in a pseudo-terminal), leaving the layout
        at a stale size until the next resize. Comparing twice a second costs one ioctl.
        """
        stream = sys.__stdout__
        if stream is None:
            return
        try:
            columns, lines = os.get_terminal_size(stream.fileno())
        except (OSError, ValueError):
            return
        size = Size(columns, lines)
        if size != self.size:
            self.post_message(events.Resize(size, size))
