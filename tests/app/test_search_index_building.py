"""The search index is built in the background while the reader pauses, and not while keys come."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tui.search import index as engine
from tui.search import search
from tui.search.index import IndexBase
from tui.ui.app import MoscowApp
from tui.ui.screens import main as main_screen
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SearchScreen


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 2)  # many blocks: many steps
    monkeypatch.setattr(main_screen, "INDEX_DELAY", 0.05)


async def wait_until_built(pilot: Pilot[None], index: IndexBase) -> None:
    """Pause until the whole index is built, at most five seconds."""
    for _ in range(100):
        if index.built:
            return
        await pilot.pause(0.05)


async def test_the_index_is_built_while_the_reader_pauses(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        index = screen.search_entries()
        assert index.block_count > 4 and not index.built
        await wait_until_built(pilot, index)
        assert index.built
        fresh = IndexBase(app.pack)
        for number in range(index.block_count):
            assert index.block(number).fields == fresh.block(number).fields
        assert search(index, "park") == search(type(index)(app.pack), "park")


async def test_nothing_is_built_while_keys_come(
    make_app: Callable[..., MoscowApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    monkeypatch.setattr(app, "idle_for", lambda: main_screen.INDEX_AFTER_INPUT / 2)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.pause(0.5)
        assert screen.search_entries()._pending is None
        assert not any(screen.search_entries()._blocks)


async def test_the_index_is_built_under_the_search_too(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        index = main.search_entries()
        await wait_until_built(pilot, index)
        assert index.built and isinstance(app.screen, SearchScreen)
