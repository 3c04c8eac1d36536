"""`v`: the chart of a series — honest axes, gaps, marks, the point cursor, its copies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from evidence_helpers import Notices, evidence_pack, fake_browser, fake_native_copy, make_app
from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui import clipboard
from tui.export.series import series_markdown_table, series_text
from tui.pack.model import Pack, Series
from tui.ui.app import MoscowApp
from tui.ui.screens.chart import ChartScreen, least_body_rows, points_table, series_for
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.chart import EIGHTHS, TARGET_FULL, Plot, geometry, nice_ticks, plot_cells

SECTION = "infrastructure/technoparks"


@pytest.fixture
def pack() -> Pack:
    return evidence_pack()


def chart(app: MoscowApp) -> ChartScreen:
    screen = app.screen
    assert isinstance(screen, ChartScreen)
    return screen


def static_text(app: MoscowApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def table_text(screen: ChartScreen) -> str:
    """The points table as the reader sees it, at 100 columns."""
    console = Console(width=100, file=io.StringIO(), record=True, color_system=None)
    console.print(points_table(screen.pack, screen.series, screen.cursor, screen.lang))
    return console.export_text()


def column(cells: list[list[tuple[str, str]]], x: int) -> str:
    return "".join(row[x][0] for row in cells)


# Drawing -------------------------------------------------------------------------------------


def test_ticks_are_round_and_reach_the_top() -> None:
    assert nice_ticks(49, 7) == [25, 50]
    assert nice_ticks(75000, 7) == [25000, 50000, 75000]
    assert nice_ticks(3.5, 15)[-1] >= 3.5
    for high in (1, 7, 49, 230, 2200, 30000, 75000, 2e6):
        ticks = nice_ticks(high, 7)
        assert 2 <= len(ticks) <= 6 and ticks[-1] >= high
        steps = {round(b - a, 9) for a, b in zip([0.0, *ticks], ticks, strict=False)}
        assert len(steps) == 1


def test_axis_starts_at_zero_and_bars_are_proportional(pack: Pack) -> None:
    series = pack.series["technoparks-count"]
    rows, width = 8, 76
    cells = plot_cells(series, width, rows, cursor=0, lang="en")
    assert len(cells) == rows + 2
    geo = geometry(series, width, "en", rows)
    axis = "".join(char for char, _ in cells[rows])
    assert axis.strip().startswith("0└")
    for index, point in enumerate(series.points):
        x = geo.bar_x(point.year - series.first_year)
        drawn = column(cells, x)[:rows]
        eighths = sum(EIGHTHS.index(c) if c in EIGHTHS else 0 for c in drawn)
        # The bar's top, half a row above the axis line plus its blocks, meets its value's height.
        height = point.value / geo.top * geo.scale_rows
        assert abs(0.5 + eighths / 8 - height) <= 1 / 16 or (eighths == 1 and height < 0.5), index
    # 6 against 49: the first bar is short, not drawn as nothing against a full one.
    first = column(cells, geo.bar_x(0))[:rows].replace(" ", "")
    assert 1 <= len(first) <= 2


def test_missing_years_are_empty_columns_over_a_dotted_axis(pack: Pack) -> None:
    series = pack.series["technoparks-count"]
    rows = 8
    cells = plot_cells(series, 76, rows, cursor=0, lang="en")
    geo = geometry(series, 76, "en", rows)
    for year in series.missing_years():
        x = geo.bar_x(year - series.first_year)
        for dx in range(geo.bar):
            drawn = column(cells, x + dx)[:rows]
            assert not set(drawn) & set(EIGHTHS[1:] + TARGET_FULL), year
            assert cells[rows][x + dx][0] == "┄"
    labels = "".join(char for char, _ in cells[rows + 1])
    for year in range(series.first_year, series.last_year + 1):
        assert str(year) in labels


def test_marks_for_over_about_notes_and_targets(pack: Pack) -> None:
    series = pack.series["technoparks-count"]  # 2015 about, 2018 over with a note
    text = "\n".join("".join(c for c, _ in row) for row in plot_cells(series, 76, 8, 0, "en"))
    assert "≈" in text and "▲*" in text
    parts = {part for row in plot_cells(series, 76, 8, 0, "en") for _, part in row}
    assert {"bar", "lower", "cursor", "gap", "axis"} <= parts
    target = pack.series["export-volume"]
    cells = plot_cells(target, 76, 8, 0, "en")
    assert TARGET_FULL in "".join(c for row in cells for c, _ in row)
    assert "bar" not in {part for row in cells for _, part in row}


def test_series_for_fact_then_section() -> None:
    pack = evidence_pack()
    count = next(f for f in pack.facts if f.id == "technoparks-count")
    other = next(f for f in pack.facts if f.id == "technoparks-specialists")
    assert series_for(pack, count, SECTION) is pack.series["technoparks-count"]
    assert series_for(pack, other, SECTION) is pack.series["technoparks-count"]
    assert series_for(pack, None, "support") is pack.series["export-volume"]
    assert series_for(pack, None, "overview") is None


# The screen ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_v_opens_the_chart_and_escape_returns(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("tab", "v")
        await pilot.pause()
        screen = chart(app)
        series: Series = pack.series["technoparks-count"]
        assert screen.series is series
        plot = screen.query_one(Plot)
        assert plot.size.height - 2 >= 8
        assert plot.region.bottom <= size[1]
        heading = static_text(app, "#chart-heading")
        for expected in ("Number of technoparks", "history of dated statements", "technoparks"):
            assert expected in heading
        assert "Note: Statements as of a date." in static_text(app, "#chart-notes")
        assert "no data" in static_text(app, "#chart-legend")
        assert "over (a lower bound)" in static_text(app, "#chart-legend")
        table = table_text(screen)
        for point in series.points:
            assert str(point.year) in table
        row = next(line for line in table.splitlines() if line.startswith("2018"))
        for cell in ("> 33 technoparks", "more than", "Chel.org, 25 Oct 2018", "Counted as jobs."):
            assert cell in row
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.focused is not None and app.focused.id == "facts"


async def test_v_without_a_series_says_so(pack: Pack, tmp_path: Path) -> None:
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path="overview")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert notices[-1] == "No series to chart here"


async def test_point_cursor_shows_value_source_and_note(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = fake_browser(monkeypatch)
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")  # from the tree: the section's first series
        await pilot.pause()
        screen = chart(app)
        assert screen.cursor == 3
        point = static_text(app, "#chart-point")
        assert "2025: 49 technoparks (exactly)" in point
        assert "TASS, 22 Oct 2025 — https://tass.ru/ekonomika/1" in point
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == ["https://tass.ru/ekonomika/1"]
        await pilot.press("h")
        await pilot.pause()
        point = static_text(app, "#chart-point")
        assert "2018: > 33 technoparks (more than)" in point
        assert "Chel.org, 25 Oct 2018 — no URL" in point
        assert "Note: Counted as jobs." in point
        await pilot.press("o")
        assert notices[-1] == "This source has no URL"
        await pilot.press("left", "left", "left")  # stops at the first point
        assert screen.cursor == 0
        await pilot.press("l", "right")
        assert screen.cursor == 2


async def test_click_on_a_year_moves_the_cursor(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        screen = chart(app)
        plot = screen.query_one(Plot)
        geo = geometry(screen.series, plot.size.width, "en", plot.size.height - 2)
        await pilot.click(Plot, offset=(geo.bar_x(1), plot.size.height - 3))
        await pilot.pause()
        assert screen.cursor == 1


async def test_c_and_C_copy_the_series_with_a_source_per_point(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(clipboard, "copy_native", fake_native_copy(copied))
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    series = pack.series["technoparks-count"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "c")
        await app.workers.wait_for_complete()
        assert app.clipboard == series_text(pack, series, "en")
        await pilot.press("C")
        await app.workers.wait_for_complete()
        assert app.clipboard == series_markdown_table(pack, series, "en")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        assert app.clipboard == "https://tass.ru/ekonomika/1"
        assert len(copied) == 3


async def test_chart_follows_the_language(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v", "L")
        await pilot.pause()
        assert "Число технопарков" in static_text(app, "#chart-heading")
        assert "ровно" in static_text(app, "#chart-point")


async def test_no_color_keeps_every_distinction_in_glyphs(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "h", "h")  # the cursor on 2015, an "about" point
        await pilot.pause()
        plot = chart(app).query_one(Plot)
        text = plot.render()
        plain = text.plain
        assert "≈" in plain and "▲" in plain and "·" in plain and "┄" in plain
        # The cursor's year stands out by reverse video, which needs no colour.
        start = plain.index("2015")
        styles = [span.style for span in text.spans if span.start <= start < span.end]
        assert any(getattr(style, "reverse", False) for style in styles)


def test_only_the_labels_are_bold(pack: Pack) -> None:
    """The point and the heading bold their labels, not the source's words after them."""
    from tui.ui.screens.chart import heading, point_info

    series = pack.series["technoparks-count"]
    for text in (heading(series, "en"), point_info(pack, series, series.points[2], "en")):
        assert str(text.style) == ""
        plain = text.plain
        bold = {
            i
            for span in text.spans
            if "bold" in str(span.style)
            for i in range(span.start, span.end)
        }
        assert len(bold) < len(plain.replace("\n", ""))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 70)])
async def test_the_scrollbar_is_there_from_the_start_exactly_when_the_body_overflows(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        screen = chart(app)
        body = screen.query_one("#chart-body", VerticalScroll)
        overflows = body.virtual_size.height > body.scrollable_content_region.height
        assert body.show_vertical_scrollbar == overflows
        # The estimate made before the first layout never says more than the body takes.
        least = least_body_rows(pack, screen.series, screen.cursor, "en", app.size)
        assert least < body.virtual_size.height
        table = screen.query_one("#chart-table", Static)
        assert table.size.width == body.scrollable_content_region.width
