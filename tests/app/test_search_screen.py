"""The search overlay, driven as a person would: type, read the rows and the count, go there."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from app_helpers import build_pack
from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot

from tui.pack.model import Fact, Lang, Pack
from tui.ui.app import MoscowApp
from tui.ui.screens.main import MainScreen
from tui.ui.screens.search import SearchResults, SearchScreen
from tui.ui.widgets.fact_list import FactList


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def make_app(tmp_path: Path, pack: Pack | None = None, lang: Lang = "en") -> MoscowApp:
    return MoscowApp(pack or build_pack(), lang=lang, state_path=tmp_path / "state.json")


async def type_query(pilot: Pilot[None], query: str) -> SearchScreen:
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


def rows(screen: SearchScreen) -> list[str]:
    return screen.query_one(SearchResults).row_texts()


@pytest.mark.parametrize("query", ["90 000", "90,000", "90000"])
async def test_a_figure_as_the_screen_shows_it_finds_the_fact(tmp_path: Path, query: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, query)
        assert rows(screen)[0].startswith("> 90,000 jobs by 2030 — New jobs will be created")
        assert screen.status == "1 found"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        highlighted = app.screen.query_one(FactList).highlighted_fact
        assert highlighted is not None and highlighted.id == "overview-jobs"


async def test_one_row_per_fact_and_the_count_in_russian(tmp_path: Path) -> None:
    pack = build_pack()
    quote = next(fact for fact in pack.facts if fact.quote is not None)
    # Five quotes by the same speaker: five rows, each naming its own fact, none repeated.
    copies: list[Fact] = [
        replace(quote, id=f"quote-{n}", text=replace(quote.text, en=f"Quote {n}", ru=f"Цитата {n}"))
        for n in range(5)
    ]
    app = make_app(tmp_path, replace(pack, facts=(*pack.facts, *copies)), lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, "sobyanin")
        shown = rows(screen)
        assert len(shown) == len(set(shown)) == 6
        assert all("Sergei Sobyanin" in row for row in shown)  # the words that matched
        assert screen.status == "Найдено: 6"


async def test_the_main_screen_stays_visible_behind(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, "tech")
        assert 0 < screen.styles.background.a < 1  # an overlay, not a blank page
        assert isinstance(app.screen_stack[-2], MainScreen)


async def test_the_list_keeps_its_height_and_the_highlight_moves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, "t")
        results = screen.query_one(SearchResults)
        height = results.size.height
        assert len(results.rows) > 8 and height == 16
        for _ in range(9):
            await pilot.press("down")
        assert results.cursor == 9
        await pilot.press(*"echnopark")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert results.size.height == height and results.cursor == 0
        assert screen.status.endswith("found")


async def test_a_click_on_a_row_goes_there(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, "specialists")
        assert rows(screen)
        await pilot.click(SearchResults, offset=(5, 0))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        highlighted = app.screen.query_one(FactList).highlighted_fact
        assert highlighted is not None and "specialists" in highlighted.text.en.lower()


async def test_a_typo_still_finds_the_section(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await type_query(pilot, "technoprak")
        assert rows(screen)[0].startswith("Technoparks\nsection")


async def test_results_painted_after_each_keystroke_are_those_of_a_fresh_search(
    tmp_path: Path,
) -> None:
    """A keystroke repaints only the rows that changed: what is on screen is still exactly
    what the screen shows for that query typed anew."""
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        screen = await type_query(pilot, "tech")
        before_edits = painted_results(pilot)
        await pilot.press("backspace", "backspace")  # "te": other rows, or marked otherwise
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(screen)
        after_edits = painted_results(pilot)
        assert after_edits != before_edits
        await pilot.press("escape")
        await type_query(pilot, "te")
        assert painted_results(pilot) == after_edits


def painted_results(pilot: Pilot[None]) -> list[list[Segment]]:
    """The results' lines as painted, styles and all (the matched letters are marked):
    through the widget's cache of drawn lines, where a row left unrepainted would show its
    old look."""
    results = pilot.app.screen.query_one(SearchResults)
    size = results.size
    assert size.height > 0
    return [list(strip) for strip in results.render_lines(Region(0, 0, size.width, size.height))]
