"""Pilot tests of the entity table's own grid: 10,000 rows all reachable, the cursor kept on
screen, sorting at that size, mouse clicks, and how the cursor's row is drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_pack import entity_pack
from test_entities import (
    SIZE,
    column,
    count_shown,
    cursor_on_screen,
    drawn,
    make_app,
    many_technoparks,
    open_table,
)
from textual.pilot import Pilot

from tui.ui.screens.entity import EntityScreen
from tui.ui.widgets.entity_grid import thumb
from tui.ui.widgets.entity_table import EntityGrid, EntityTable
from tui.ui.widgets.section_tree import SectionTree


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


async def into_long_table(pilot: Pilot[None]) -> EntityGrid:
    """The table of a section of thousands, focused without opening its tree node."""
    await pilot.pause()
    grid = pilot.app.screen.query_one(EntityTable).grid
    grid.focus()
    await pilot.pause()
    return grid


async def test_ten_thousand_rows_all_reachable_with_the_cursor_on_screen(tmp_path: Path) -> None:
    count = 10_000
    app = make_app(many_technoparks(count), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        grid = await into_long_table(pilot)
        assert grid.count == count and count_shown(grid) == "10,000"
        assert grid.virtual_size.height == count + 1  # every row, one line each, and the header
        names = column(grid, 0)
        assert names == sorted(names, key=lambda name: name.casefold())
        await pilot.press("G")
        await pilot.pause()
        assert grid.position == count - 1 and cursor_on_screen(grid)
        assert names[-1] in drawn(grid, 1 + grid.position - grid.top_row)
        await pilot.press("home")
        await pilot.pause()
        assert grid.position == 0 and grid.top_row == 0
        for _ in range(grid.visible_rows + 5):
            await pilot.press("down")
        await pilot.pause()
        assert grid.position == grid.visible_rows + 5 and cursor_on_screen(grid)
        assert grid.top_row == 6  # scrolled a line at a time, the cursor on the last line
        for key in ("j", "j", "k"):
            await pilot.press(key)
        await pilot.pause()
        assert grid.position == grid.visible_rows + 6 and cursor_on_screen(grid)
        line = grid.position - grid.top_row
        for _ in range(3):
            before = grid.position
            await pilot.press("pagedown")
            await pilot.pause()
            # A page moves the cursor and the view together: the cursor keeps its line.
            assert grid.position == before + grid.visible_rows
            assert cursor_on_screen(grid) and grid.position - grid.top_row == line
        before = grid.position
        await pilot.press("pageup")
        await pilot.pause()
        assert grid.position == before - grid.visible_rows and cursor_on_screen(grid)
        await pilot.press("end", "up", "up")
        await pilot.pause()
        assert grid.position == count - 3 and cursor_on_screen(grid)
        chosen = grid.entity_at_cursor()
        assert chosen is not None and chosen.name.en == names[count - 3]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity is chosen


async def test_sorting_ten_thousand_rows_keeps_empty_cells_last(tmp_path: Path) -> None:
    count = 10_000
    app = make_app(many_technoparks(count), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        grid = await into_long_table(pilot)
        await pilot.press("s", "s", "s", "s")  # Area
        await pilot.pause()
        assert grid.titles[4] == "Area ▲"
        cells = column(grid, 4)
        present = [cell for cell in cells if cell]
        assert len(present) == 6_667 and cells[: len(present)] == present  # empty cells last
        firsts = [
            float(cell.split(" / ")[0].removesuffix(" m²").replace(",", "")) for cell in present
        ]
        assert firsts == sorted(firsts)
        await pilot.press("r", "G")
        await pilot.pause()
        assert grid.titles[4] == "Area ▼" and column(grid, 4)[-1] == ""
        assert grid.position == count - 1 and cursor_on_screen(grid)


async def test_clicks_select_a_row_then_open_it(tmp_path: Path) -> None:
    pack = entity_pack()
    app = make_app(pack, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        # The frame's border, the header, then the fourth row.
        await pilot.click("#entity-frame", offset=(4, 1 + 1 + 3))
        await pilot.pause()
        assert grid.position == 3 and app.screen is app.main_screen
        chosen = grid.entity_at_cursor()
        assert chosen is not None and chosen.name.en == column(grid, 0)[3]
        await pilot.click("#entity-frame", offset=(4, 1 + 1 + 3))
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity is chosen


async def test_the_cursor_row_is_drawn_apart_with_and_without_focus(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)

        def background(y: int, x: int) -> object:
            """The background of the cell at `x` of line `y` (past the fixed name column)."""
            segment = next(iter(grid.render_line(y).crop(x, x + 1)))
            return None if segment.style is None else segment.style.bgcolor

        x = grid.column_start(2) + 1
        focused_cursor, plain = background(1, x), background(2, x)
        assert focused_cursor != plain
        await pilot.press("down")
        await pilot.pause()
        assert background(2, x) == focused_cursor and background(1, x) == plain
        app.screen.query_one(SectionTree).focus()
        await pilot.pause()
        blurred_cursor = background(2, x)
        assert blurred_cursor not in (focused_cursor, plain)


async def test_filtering_ten_thousand_rows_keeps_the_sort(tmp_path: Path) -> None:
    count = 10_000
    app = make_app(many_technoparks(count), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        grid = await into_long_table(pilot)
        await pilot.press("s", "G")  # by year, the cursor at the end
        await pilot.pause()
        await pilot.press("f", *"no. 99")
        await pilot.pause()
        names = column(grid, 0)
        # "No. 99", "No. 990"…"No. 999", "No. 9900"…"No. 9999": 111 rows, still by year.
        assert len(names) == 111 and all("no. 99" in name.casefold() for name in names)
        years = column(grid, 1)
        assert years == sorted(years) and grid.titles[1] == "Year ▲"
        assert count_shown(grid) == "111 / 10,000"
        assert grid.position == 0 and grid.top_row == 0
        await pilot.press("enter", "end", "enter")  # back to the table, the last match, open it
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen) and screen.entity.name.en == names[-1]


async def test_a_narrow_table_scrolls_sideways_with_the_name_column_kept(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        assert grid.virtual_size.width > grid.scrollable_content_region.width
        header = drawn(grid, 0)
        assert header.split()[:3] == ["Name", "▲", "Year"]
        for _ in range(30):  # to the right edge
            await pilot.press("right")
        await pilot.pause()
        assert grid.scroll_x == grid.max_scroll_x > 0
        scrolled = drawn(grid, 0)
        assert scrolled.startswith(" Name ▲ ") and "Staff" in scrolled and "Year" not in scrolled
        assert len(scrolled) == len(header)
        # A click on a title still sorts by the column drawn there.
        x = grid.column_start(5) + 1
        await pilot.click("#entity-frame", offset=(1 + x, 1))
        await pilot.pause()
        assert grid.titles[5] == "Staff ▲"


async def test_scrolling_a_row_at_a_time_paints_what_a_full_repaint_paints(tmp_path: Path) -> None:
    """A scroll repaints the rows but not the header, and the scrollbar only when its thumb
    moves: what is on screen after each scroll must still be what a full repaint draws."""
    app = make_app(many_technoparks(2_000), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        grid = await into_long_table(pilot)
        bar = grid.vertical_scrollbar
        thumb_at_top = thumb(bar)
        for _ in range(grid.visible_rows + 60):
            await pilot.press("down")
        await pilot.pause()
        assert grid.top_row == 61 and cursor_on_screen(grid)
        assert thumb(bar) != thumb_at_top  # the thumb moved on the way, and stood still too
        painted = app.export_screenshot()
        grid.refresh()
        bar.refresh()
        await pilot.pause()
        assert app.export_screenshot() == painted
        await pilot.press("up")  # within the view: only two rows repainted
        await pilot.pause()
        painted = app.export_screenshot()
        grid.refresh()
        await pilot.pause()
        assert app.export_screenshot() == painted
