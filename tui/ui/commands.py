"""Command palette (ctrl+p): the search hits, plus copy and language commands.

Themes and quit come from Textual's own system commands, which the app keeps.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.search import UI_BUDGET
from tui.text.words import t
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import hit_text


class MoscowCommands(Provider):
    """Sections and facts to jump to, and the app's own commands."""

    def _main(self) -> MainScreen | None:
        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _commands(self, main: MainScreen) -> list[tuple[str, str, Callable[[], object]]]:
        lang = main.lang
        switch = getattr(self.app, "action_toggle_lang", None)
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (t("cmd.copy-fact", lang), t("cmd.copy-fact.help", lang), main.action_copy_fact),
            (
                t("cmd.copy-section", lang),
                t("cmd.copy-section.help", lang),
                main.action_copy_section,
            ),
        ]
        if callable(switch):
            commands.append((t("cmd.switch-lang", lang), t("cmd.switch-lang.help", lang), switch))
        return commands

    async def discover(self) -> Hits:
        main = self._main()
        if main is None:
            return
        for name, help_text, callback in self._commands(main):
            yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        main = self._main()
        if main is None:
            return
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands(main):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, Text(name), callback, text=name, help=help_text)
        index = main.search_entries()
        job = index.start(query)
        # The palette runs providers on the UI thread: search in short steps and give the
        # event loop a turn between them, so typing stays responsive and a newer query can
        # cancel this one at any `await`.
        while not job.step(UI_BUDGET):
            await asyncio.sleep(0)
        index.remember(job)
        for hit in job.hits():
            goto: Callable[[], Awaitable[None]] = partial(
                main.goto, hit.entry.path, hit.entry.fact_id
            )
            # The prompt is plain Text built by offsets; `help` is parsed as markup by the
            # palette, so it only ever holds our own words.
            yield Hit(
                hit.score * 0.9,
                hit_text(main.pack, hit, main.lang),
                goto,
                text=hit.candidate,
                help=t("cmd.goto.help", main.lang),
            )
