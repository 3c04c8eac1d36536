"""The first screen of a long load: the section tree from the first pass, and how far the load
has got. The app replaces it with the main screen, at the same section, once the pack is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static, Tree

from tui.pack.background import BackgroundLoad, LoaderFailed
from tui.pack.load import LoadProgress, LoadResult
from tui.pack.model import Lang, Pack
from tui.text.numbers import format_number
from tui.text.words import t
from tui.ui.screens.main import tree_width_for
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.section_tree import SectionTree

BAR_CELLS = 30


class LoadingScreen(Screen[None]):
    """The tree of a pack still being loaded, with the section's summary and the progress.

    It follows the load from a thread and posts `Loaded` (with the section under the cursor)
    or `Failed` to the app, which owns what happens next.
    """

    class Loaded(Message):
        def __init__(self, screen: LoadingScreen, result: LoadResult, path: str) -> None:
            super().__init__()
            self.screen = screen
            self.result = result
            self.path = path

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        preview: Pack,
        load: BackgroundLoad,
        lang: Lang,
        start_path: str,
        *,
        tree_width: int | None = None,
    ) -> None:
        super().__init__(id="loading")
        self.preview = preview
        self.load = load
        self.lang = lang
        self.start_path = start_path
        self.tree_width = tree_width
        self.progress: LoadProgress | None = None
        self._closed = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="body"):
            tree = SectionTree(self.preview, self.lang, id="tree")
            tree.styles.width = tree_width_for(self.app.size.width, self.tree_width)
            yield tree
            yield Static(id="loading-panel")
        yield KeyFooter(id="footer")

    def on_mount(self) -> None:
        tree = self.query_one(SectionTree)
        tree.focus()
        tree.select_path(self.start_path)
        self._show()
        self.run_worker(self._follow_load, thread=True, exit_on_error=False, name="load")

    def on_unmount(self) -> None:
        # The reader quit before the pack came: the loader stops, so the thread that follows
        # it sees the pipe end and stops too (the app's exit waits for that thread).
        self._closed = True
        self.load.cancel()

    def _follow_load(self) -> None:
        """The loader's messages, handed to the app's thread one by one."""
        try:
            for message in self.load.messages():
                if isinstance(message, LoadProgress):
                    self._call(self.show_progress, message)
                else:
                    self._call(self._loaded, message)
        except LoaderFailed as error:
            self._call(self.post_message, self.Failed(str(error)))

    def _call(self, callback: Callable[[Any], object], message: object) -> None:
        # Once this screen is gone nobody listens, and the app's loop may never run the call:
        # waiting for it would keep the thread, and so the program's exit, waiting forever.
        if self._closed:
            return
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(callback, message)

    def _loaded(self, result: LoadResult) -> None:
        self.post_message(self.Loaded(self, result, self.current_path))

    @property
    def current_path(self) -> str:
        """The section under the cursor: the main screen opens there."""
        return self.query_one(SectionTree).current_path or self.start_path

    def show_progress(self, progress: LoadProgress) -> None:
        self.progress = progress
        self._show()

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one(SectionTree).set_lang(lang)
        self._show()

    def on_tree_node_highlighted(self, _: Tree.NodeHighlighted[str]) -> None:
        self._show()

    def _show(self) -> None:
        lang = self.lang
        text = Text()
        section = self.preview.sections.get(self.current_path)
        if section is not None:
            text.append(section.title.get(lang), style="bold")
            text.append("\n")
            text.append(section.summary.get(lang))
            text.append("\n\n")
        text.append(t("loading-title", lang), style="bold")
        text.append("\n")
        text.append_text(progress_text(self.progress, lang))
        self.query_one("#loading-panel", Static).update(text)


def progress_text(progress: LoadProgress | None, lang: Lang) -> Text:
    """A bar of the files read, and a line that says what is under way."""
    if progress is None:
        return Text(t("loading-starting", lang))
    listed = max(progress.files_listed, 1)
    done = round(BAR_CELLS * min(progress.files_read, listed) / listed)
    text = Text()
    text.append("█" * done, style="bold")
    text.append("░" * (BAR_CELLS - done), style="dim")
    line = t(
        f"loading-{progress.stage}",  # loading-reading, loading-checking, loading-building
        lang,
        files=progress.files_read,
        listed=progress.files_listed,
        facts=format_number(progress.facts_read, lang),
    )
    text.append(f"\n{line}")
    return text
