"""Keys as terminal users expect them (issue 12): back, room, the footer, the mouse."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from evidence_helpers import on_notify
from packs import START
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Static

from tui.ui.app import MoscowApp
from tui.ui.screens.base import BackScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import (
    TREE_MIN,
    TREE_STEP,
    MainScreen,
    tree_width_bounds,
    tree_width_for,
)
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.section_tree import SectionTree


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


def main(app: MoscowApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def tree(app: MoscowApp) -> SectionTree:
    return main(app).query_one(SectionTree)


def facts(app: MoscowApp) -> FactList:
    found = main(app).query_one(FactPanel).fact_list
    assert found is not None
    return found


def footer_items(app: MoscowApp) -> list[str]:
    """What the footer paints, item by item (the palette key included)."""
    footer = app.screen.query_one(KeyFooter)
    line = footer.render_line(0).text
    return [" ".join(line[spot.start : spot.end].strip("▏ ").split()) for spot in footer.spots]


def shown_keys(app: MoscowApp) -> list[str]:
    """The keys the footer is told to show, in order."""
    return [key for key, active in app.screen.active_bindings.items() if active.binding.show]


# --- Back -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["escape", "h", "left"])
async def test_back_from_the_fact_list_to_the_tree(
    make_app: Callable[..., MoscowApp], key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "j")
        assert app.focused is facts(app)
        await pilot.press(key)
        await settle(pilot)
        assert app.focused is tree(app)
        assert tree(app).current_path == START  # back one level, not elsewhere
        assert facts(app).highlighted == 1  # the place in the list is kept


async def test_escape_in_the_tree_stays_and_h_still_closes_nodes(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and app.focused is tree(app)
        assert tree(app).current_path == START
        await pilot.press("h")  # the tree's own meaning: to the parent
        await settle(pilot)
        assert tree(app).current_path == "infrastructure"


async def test_escape_brings_a_hidden_tree_back(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert not tree(app).display
        await pilot.press("escape")
        await settle(pilot)
        assert tree(app).display and app.focused is tree(app)


class _Probe(BackScreen[None]):
    """A screen like the detail or chart screens other parts of the app add."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "mark", "Mark")]

    def compose(self) -> ComposeResult:
        yield Static("probe")

    def action_mark(self) -> None:
        self.marked = True


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_every_back_screen_closes_on_escape_and_q(key: str) -> None:
    app: App[None] = App()
    async with app.run_test(size=(60, 20)) as pilot:
        probe = _Probe()
        await app.push_screen(probe)
        await pilot.press("x")  # a subclass's own bindings are kept beside the way back
        assert getattr(probe, "marked", False)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not probe


async def test_help_is_a_back_screen(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and isinstance(app.screen, BackScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main(app)


# --- Room -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(60, 15), (80, 24), (120, 40), (200, 50)])
async def test_default_tree_width_is_a_share_of_the_terminal(
    make_app: Callable[..., MoscowApp], width: int, height: int
) -> None:
    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        share = tree(app).outer_size.width / width
        assert 0.15 <= share <= 0.36, share
        if width == 80:
            assert tree(app).outer_size.width == 28  # the layout 80×24 has always had


async def test_tree_width_changes_in_steps_within_bounds_and_is_remembered(
    make_app: Callable[..., MoscowApp], tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    app = make_app(state_path=state)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = tree(app).outer_size.width
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert tree(app).outer_size.width == start + TREE_STEP
        for _ in range(20):
            await pilot.press("greater_than_sign")
        await settle(pilot)
        low, high = tree_width_bounds(80)
        assert tree(app).outer_size.width == high
        assert main(app).query_one(FactPanel).outer_size.width >= 80 - high
        for _ in range(20):
            await pilot.press("less_than_sign")
        await settle(pilot)
        assert tree(app).outer_size.width == low == TREE_MIN
        await pilot.press("greater_than_sign")
        await settle(pilot)
        chosen = tree(app).outer_size.width
    assert json.loads(state.read_text("utf-8"))["tree_width"] == chosen
    again = make_app(state_path=state)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert tree(again).outer_size.width == chosen
    narrow = make_app(state_path=state)
    async with narrow.run_test(size=(60, 15)) as pilot:
        await settle(pilot)
        # Remembered, but never wider than a small terminal allows.
        assert tree(narrow).outer_size.width == tree_width_for(60, chosen) <= 60 * 0.6


async def test_hidden_tree_footer_says_how_to_bring_it_back(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not any("Show tree" in item for item in footer_items(app))
        await pilot.press("t")
        await settle(pilot)
        assert footer_items(app)[0] == "t Show tree"
        await pilot.press("L")
        await settle(pilot)
        assert footer_items(app)[0] == "t Показать дерево"


async def test_hiding_the_tree_keeps_the_title_on_screen(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = main(app).query_one(FactPanel)
        title = main(app).query_one("#panel-title", Static)
        for _ in range(2):
            await pilot.press("t")
            await settle(pilot)
            assert panel.scroll_y == 0
            assert title.region.height > 0 and panel.region.contains_region(title.region)
        # ...and from the list: going up past the first fact shows the top again.
        await pilot.press("t", "G")
        await settle(pilot)
        assert panel.scroll_y > 0
        await pilot.press("g", "k")
        await settle(pilot)
        assert panel.scroll_y == 0


# --- Footer ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (120, 40)])
@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_footer_shows_the_keys_that_work_where_the_focus_is(
    make_app: Callable[..., MoscowApp], size: tuple[int, int], lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        in_tree = shown_keys(app)
        assert in_tree[:2] == ["tab", "enter"]
        assert "escape" not in in_tree
        await pilot.press("tab")
        await settle(pilot)
        in_list = shown_keys(app)
        assert in_list[:2] == ["escape", "enter"]  # back, and the highlighted fact's detail
        assert "tab" not in in_list
        assert "c" in in_list and "v" in in_list
        if size[0] >= 80:  # help is never crowded out where there is room for it
            assert "question_mark" in in_tree and "question_mark" in in_list
        if size[0] >= 120:
            assert {"C", "t"} <= set(in_tree) & set(in_list)
        # Every item fits: none is cut, the palette key keeps its place on the right.
        *keys, palette = app.screen.query_one(KeyFooter).spots
        assert palette.end == size[0]
        assert keys and all(spot.end <= palette.start for spot in keys)


async def test_footer_items_are_whole_words(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        items = footer_items(app)
        assert items[:3] == ["tab Facts", "⏎ Open", "c Copy"]
        assert items[-1] == "^p Commands"


# --- Mouse ----------------------------------------------------------------------------------


async def test_click_on_a_tree_node_selects_it(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(start_path="overview")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        section_tree = tree(app)
        line = next(
            y
            for y in range(10)
            if (node := section_tree.get_node_at_line(y)) and node.data == "support/export"
        )
        await pilot.click(SectionTree, offset=(6, line))
        await settle(pilot)
        assert section_tree.current_path == "support/export"
        assert str(main(app).query_one("#panel-title", Static).render()) == "Export"


async def test_wheel_scrolls_the_panel(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = main(app).query_one(FactPanel)
        assert panel.scroll_y == 0
        x, y = panel.region.x + 10, panel.region.y + 5
        for _ in range(3):
            app.post_message(
                events.MouseScrollDown(
                    None, x, y, 0, 1, 0, False, False, False, screen_x=x, screen_y=y
                )
            )
            await settle(pilot)
        assert panel.scroll_y > 0
        app.post_message(
            events.MouseScrollUp(None, x, y, 0, -1, 0, False, False, False, screen_x=x, screen_y=y)
        )
        await settle(pilot)
        assert app.focused is tree(app)  # scrolling moves no focus


async def test_a_bad_remembered_width_is_ignored_with_a_notice(
    make_app: Callable[..., MoscowApp], tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"version": 1, "tree_width": "wide"}), encoding="utf-8")
    app = make_app(state_path=state)
    notices: list[str] = []
    on_notify(app, lambda message, options: notices.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert tree(app).outer_size.width == tree_width_for(80, None)
        assert any('"tree_width" should be a number of columns' in n for n in notices)
