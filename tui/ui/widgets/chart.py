"""A bar per calendar year, drawn with eighth blocks, for the chart screen (`v`).

Honest by construction: the value axis starts at zero with labelled ticks; a year without a
point is an empty column over a dotted stretch of axis; a lower bound ("over") carries ▲, an
"about" ≈, an upper bound ▼; a target path is drawn in shade (▒), not solid. Glyphs carry every
distinction, so the chart reads the same under NO_COLOR; colours come from the component classes
below, styled with theme variables in the app's stylesheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.pack.model import Basis, Lang, Qualifier, Series
from tui.text.numbers import format_number

EIGHTHS = " ▁▂▃▄▅▆▇█"
TARGET_FULL = "▒"
MARKS = {Qualifier.OVER: "▲", Qualifier.ABOUT: "≈", Qualifier.UP_TO: "▼", Qualifier.EXACTLY: ""}
NOTE_MARK = "*"
GAP_MARK = "·"
MIN_PLOT_ROWS = 8
MAX_SLOT = 8  # cells per year at most: wider bars say nothing more
PARTS = ("bar", "lower", "target", "cursor", "cursor-label", "axis", "gap", "label")


def nice_ticks(high: float, scale_rows: int = 12) -> list[float]:
    """Round tick values from one step above zero to a top at or above `high`.

    Of the round steps (1, 2, 2.5, 5 × 10ⁿ) giving two to six ticks, the one that lets the
    tallest bar use the most of `scale_rows` once each tick sits exactly on a row boundary.
    """
    if high <= 0 or not math.isfinite(high):
        return [1.0]
    exponent = math.floor(math.log10(high))
    best: tuple[float, float, int] | None = None
    for power in range(exponent - 2, exponent + 2):
        for multiple in (1, 2, 2.5, 5):
            step = multiple * 10.0**power
            count = math.ceil(high / step - 1e-9)
            if not 2 <= count <= 6:
                continue
            used = (scale_rows // count) * count * high / (count * step)
            if best is None or used > best[0] + 1e-9:
                best = (used, step, count)
    if best is None:
        return [high]
    _, step, count = best
    return [step * k for k in range(1, count + 1)]


@dataclass(frozen=True)
class Geometry:
    """Where things go for one width: label column, cells per year, bar width."""

    label_width: int
    slot: int
    bar: int
    top: float
    ticks: tuple[float, ...]
    scale_rows: int  # rows from zero to the top tick; the rows above are headroom

    def bar_x(self, index: int) -> int:
        """The first cell of year `index`'s bar, counted from the plot's left edge."""
        return self.label_width + 1 + index * self.slot + (self.slot - self.bar) // 2

    def year_at(self, x: int) -> int | None:
        """The year index under cell `x`, if any."""
        inside = x - self.label_width - 1
        return inside // self.slot if inside >= 0 and self.slot > 0 else None


def geometry(series: Series, width: int, lang: Lang, rows: int = MIN_PLOT_ROWS) -> Geometry:
    ticks = nice_ticks(max(point.value for point in series.points), rows - 1)
    scale_rows = (rows - 1) // len(ticks) * len(ticks)
    label_width = max(len(format_number(tick, lang)) for tick in [0.0, *ticks])
    years = series.last_year - series.first_year + 1
    slot = max(1, min(MAX_SLOT, (width - label_width - 1) // years))
    bar = slot - 1 if slot >= 2 else 1
    return Geometry(label_width, slot, bar, ticks[-1], tuple(ticks), scale_rows)


def _put(line: list[tuple[str, str]], x: int, text: str, part: str) -> None:
    for offset, char in enumerate(text):
        if 0 <= x + offset < len(line):
            line[x + offset] = (char, part)


def plot_cells(
    series: Series, width: int, rows: int, cursor: int, lang: Lang
) -> list[list[tuple[str, str]]]:
    """The chart as rows of (character, part) cells: `rows` plot rows, the axis, the years.

    Row 0 is headroom for the markers of the tallest bars; `cursor` is a point's index.
    """
    rows = max(rows, MIN_PLOT_ROWS)
    geo = geometry(series, width, lang, rows)
    scale_rows = geo.scale_rows
    grid = [[(" ", "") for _ in range(width)] for _ in range(rows + 2)]
    axis, labels = grid[rows], grid[rows + 1]
    for tick in geo.ticks:
        row = rows - round(tick / geo.top * scale_rows)  # exact: ticks divide the scale
        _put(grid[row], 0, format_number(tick, lang).rjust(geo.label_width), "axis")
        _put(grid[row], geo.label_width, "┤", "axis")
    for row in range(rows):
        if grid[row][geo.label_width][0] == " ":
            _put(grid[row], geo.label_width, "│", "axis")
    _put(axis, 0, "0".rjust(geo.label_width) + "└" + "─" * (width - geo.label_width - 1), "axis")
    by_year = {point.year: (index, point) for index, point in enumerate(series.points)}
    target = series.basis is Basis.TARGET
    label_end = -1
    for index, year in enumerate(range(series.first_year, series.last_year + 1)):
        x = geo.bar_x(index)
        found = by_year.get(year)
        if found is None:
            _put(axis, x, "┄" * geo.bar, "gap")
            _put(grid[rows - 1], x + (geo.bar - 1) // 2, GAP_MARK, "gap")
            part = "gap"
        else:
            point_index, point = found
            part = "cursor" if point_index == cursor else _part(point.qualifier, target)
            # The axis line and the tick marks run through the middle of their rows, and a bar
            # starts at the bottom of the row above the axis, half a row above zero: take that
            # half row off, so a bar's top meets the tick of its value.
            rows_high = max(point.value, 0) / geo.top * scale_rows
            eighths = max(1, round((rows_high - 0.5) * 8))
            for row in range(rows):
                level = min(8, max(0, eighths - (rows - 1 - row) * 8))
                if level:
                    char = TARGET_FULL if target and level == 8 else EIGHTHS[level]
                    _put(grid[row], x, char * geo.bar, part)
            top_row = rows - 1 - (eighths - 1) // 8
            mark = MARKS[point.qualifier] + (NOTE_MARK if point.note is not None else "")
            _put(grid[top_row - 1], x + max(0, (geo.bar - len(mark)) // 2), mark, part)
        label = str(year)
        start = x + (geo.bar - len(label)) // 2 if geo.slot > len(label) else x
        last = year == series.last_year
        if start > label_end and (start + len(label) <= width or last):
            if last and start + len(label) > width:
                start = width - len(label)
            _put(labels, start, label, "cursor-label" if part == "cursor" else "label")
            label_end = start + len(label)
    return grid


def _part(qualifier: Qualifier, target: bool) -> str:
    if target:
        return "target"
    return "lower" if qualifier is Qualifier.OVER else "bar"


def plot_text(cells: list[list[tuple[str, str]]], styles: dict[str, Style]) -> Text:
    """The cells as one Text, a line per row, each part in its style.

    A run of cells of one part is one piece of text: a span per run rather than per cell keeps
    the drawing of the plot cheap (a screen-wide plot has thousands of cells, a few dozen runs).
    """
    text = Text(no_wrap=True, overflow="crop")
    for number, row in enumerate(cells):
        if number:
            text.append("\n")
        for part, run in groupby(row, key=itemgetter(1)):
            text.append("".join(char for char, _ in run), styles.get(part))
    return text


def plot_strips(
    cells: list[list[tuple[str, str]]], styles: dict[str, Style], base: Style, width: int
) -> list[Strip]:
    """The cells as lines ready to draw: a segment per run of one part, over `base`.

    What Textual would draw for `plot_text` (the text in the widget's style, each run in its
    part's style on top, cropped or padded to `width`), without making the text first.
    """
    strips = []
    for row in cells:
        segments = [
            Segment("".join(char for char, _ in run), base + styles[part] if part else base)
            for part, run in groupby(row, key=itemgetter(1))
        ]
        strips.append(Strip(segments).crop_extend(0, width, base))
    return strips


class Plot(Widget):
    """The bars of one series; the screen moves `cursor` and styles the parts.

    Drawn line by line (`render_line`) from its cells: turning the plot into text and the text
    into lines cost as much again as working out the cells.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"chart--{part}" for part in PARTS}

    DEFAULT_CSS = """
    Plot {
        height: 10;
    }
    """

    class Picked(Message):
        """A click on a year's column: the index of its point."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, series: Series, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.series = series
        self.lang: Lang = lang
        self.cursor = len(series.points) - 1
        self._strips: list[Strip] = []
        self._drawn_for: tuple[Size, int, Lang] | None = None

    def show(self, *, cursor: int | None = None, lang: Lang | None = None) -> None:
        if cursor is not None:
            self.cursor = cursor
        if lang is not None:
            self.lang = lang
        self.refresh()

    def _cells(self) -> list[list[tuple[str, str]]]:
        width, height = self.size.width, self.size.height
        if width <= 0 or height <= 0:
            return []
        return plot_cells(self.series, width, max(height - 2, 1), self.cursor, self.lang)

    def _styles(self) -> dict[str, Style]:
        return {part: self.get_component_rich_style(f"chart--{part}") for part in PARTS}

    def render(self) -> Text:
        """The plot as text (what `render_line` draws, line by line)."""
        return plot_text(self._cells(), self._styles())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_for = None  # the theme changed: the parts' colours with it

    def render_lines(self, crop: Region) -> list[Strip]:
        # The lines of the whole plot at once, for the lines asked for one by one below; drawn
        # again when the size, the cursor, the language or the styles change.
        drawn_for = (self.size, self.cursor, self.lang)
        if drawn_for != self._drawn_for:
            self._drawn_for = drawn_for
            base, width = self.rich_style, self.size.width
            self._strips = plot_strips(self._cells(), self._styles(), base, width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        geo = geometry(self.series, self.size.width, self.lang)
        index = geo.year_at(offset.x)
        if index is None:
            return
        year = self.series.first_year + index
        for point_index, point in enumerate(self.series.points):
            if point.year == year:
                self.post_message(self.Picked(point_index))
