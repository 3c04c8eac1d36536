"""`v`: a series full screen — title, basis and note, the bars, a point cursor, every point's row.

The cursor (←/→, h/l) picks a point: its value with its qualifier in words, its source with the
date and URL, and its note show under the plot; `o`/`y` open or copy that URL; `c` copies the
series as text with a citation on every point, `C` as a Markdown table with a source per row.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from tui.export.series import point_value, series_markdown_table, series_text, unit_name
from tui.pack.model import Basis, Fact, Lang, Pack, Qualifier, Series, SeriesPoint
from tui.text.dates import source_date
from tui.text.words import BASIS_LABELS, qualifier_words, t
from tui.ui import links
from tui.ui.screens.opening import skip_first_relayout
from tui.ui.widgets.chart import GAP_MARK, MIN_PLOT_ROWS, NOTE_MARK, TARGET_FULL, Plot

# Rows the screen keeps for everything but the plot at its smallest; the plot takes the rest,
# never fewer than MIN_PLOT_ROWS (8 at 80×24) nor more than MAX_PLOT_ROWS.
OTHER_ROWS = 14
MAX_PLOT_ROWS = 16
SOURCE_COLUMN = 32  # cells of the points table's source column at most; the note gets the rest


def series_for(pack: Pack, fact: Fact | None, path: str) -> Series | None:
    """`fact`'s own series; otherwise the first series of `path` or of a section under it."""
    if fact is not None and fact.series in pack.series:
        return pack.series[fact.series or ""]
    for section_path in pack.sections:
        if section_path == path or section_path.startswith(path + "/"):
            found = pack.series_in(section_path)
            if found:
                return found[0]
    return None


def legend(series: Series, lang: Lang) -> Text:
    """The marks that occur in this chart, each with what it means."""
    qualifiers = {point.qualifier for point in series.points}
    text = Text()
    items: list[tuple[str, str]] = []
    if series.basis is Basis.TARGET:
        items.append((TARGET_FULL, t("chart.legend.target", lang)))
    elif qualifiers & {Qualifier.EXACTLY, Qualifier.ABOUT, Qualifier.UP_TO}:
        items.append(("█", t("chart.legend.exact", lang)))
    for qualifier in (Qualifier.ABOUT, Qualifier.OVER, Qualifier.UP_TO):
        if qualifier in qualifiers:
            items.append(("", t(f"chart.legend.{qualifier.value}", lang)))
    if series.missing_years():
        items.append((GAP_MARK, t("no-data", lang)))
    if any(point.note is not None for point in series.points):
        items.append(("", t("chart.legend.note", lang)))
    for number, (mark, words) in enumerate(items):
        if number:
            text.append("   ")
        if mark:
            text.append(f"{mark} ", style="bold")
        text.append(words)
    return text


def heading(series: Series, lang: Lang) -> Text:
    """Title, basis, unit and "axis from zero", on top of the chart."""
    unit = unit_name(series, lang)
    text = Text()
    text.append(series.title.get(lang), style="bold")
    text.append(f"  ·  {BASIS_LABELS[series.basis].get(lang)}")
    text.append(f"  ·  {t('chart.unit', lang, unit=unit)}  ·  {t('chart.from-zero', lang)}")
    return text


def series_notes(series: Series, lang: Lang) -> Text:
    """The series' rule and note, under the point (the plot keeps the top of a small screen)."""
    text = Text()
    if series.rule is not None:
        text.append(f"{t('detail.rule', lang)}: ", style="bold")
        text.append(series.rule.get(lang))
    if series.note is not None:
        if series.rule is not None:
            text.append("\n")
        text.append(f"{t('detail.note', lang)}: ", style="bold")
        text.append(series.note.get(lang))
    return text


def point_info(pack: Pack, series: Series, point: SeriesPoint, lang: Lang) -> Text:
    """The cursor's point: value with its qualifier in words, source with date and URL, note."""
    text = Text()
    text.append(f"{point.year}: ", style="bold")
    text.append(point_value(series, point, lang), style="bold")
    text.append(f" ({qualifier_words(point.qualifier, lang)})")
    source = pack.sources.get(point.source)
    text.append(f"\n{t('detail.source', lang)}: ", style="bold")
    if source is None:
        text.append(point.source)
    else:
        text.append(f"{source.publisher}, {source_date(source, lang)} — ")
        text.append(source.url or t("detail.no-url", lang), style="underline")
    if point.note is not None:
        text.append(f"\n{NOTE_MARK} {t('detail.note', lang)}: ", style="bold")
        text.append(point.note.get(lang))
    return text


class LinesByWidth:
    """A renderable drawn once per width, then given again as drawn.

    Textual renders a Static's Rich renderable to measure its height and again to draw it, at
    each width the layout tries (with and without a scrollbar); a table of points costs a
    Rich table layout each time. The table does not change between these, so its lines are
    kept per width.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = self._lines.get(width)
        if lines is None:
            lines = console.render_lines(self.renderable, options.update(height=None), pad=False)
            self._lines[width] = lines
        newline = Segment.line()
        for line in lines:
            yield from line
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


def points_table(pack: Pack, series: Series, cursor: int, lang: Lang) -> Table:
    """Year | value | qualifier | source | note, a row per point; the cursor's row stands out."""
    cited: list[str] = []
    for point in series.points:
        source = pack.sources.get(point.source)
        cited.append(
            point.source if source is None else f"{source.publisher}, {source_date(source, lang)}"
        )
    table = Table(expand=True, show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column(t("detail.year", lang), no_wrap=True)
    table.add_column(t("detail.value", lang), no_wrap=True)
    table.add_column(t("chart.qualifier", lang), no_wrap=True)
    # The source keeps its width (up to SOURCE_COLUMN cells); the note takes the rest and wraps.
    source_width = min(SOURCE_COLUMN, max(map(len, cited)))
    table.add_column(t("detail.source", lang), min_width=source_width, max_width=source_width)
    table.add_column(t("detail.note", lang), ratio=1)
    for index, point in enumerate(series.points):
        table.add_row(
            Text(str(point.year)),
            Text(point_value(series, point, lang)),
            Text(qualifier_words(point.qualifier, lang)),
            Text(cited[index]),
            Text(point.note.get(lang) if point.note is not None else ""),
            style="reverse" if index == cursor else None,
        )
    return table


def plot_height(screen_height: int) -> int:
    """The plot's rows for a screen this high, with the axis and the years below."""
    return max(MIN_PLOT_ROWS, min(MAX_PLOT_ROWS, screen_height - OTHER_ROWS)) + 2


def least_rows(text: Text, width: int) -> int:
    """Rows `text` takes at least when wrapped to `width` cells or fewer."""
    return sum(max(1, -(-cell_len(line) // width)) for line in text.plain.split("\n"))


def least_body_rows(pack: Pack, series: Series, cursor: int, lang: Lang, size: Size) -> int:
    """Rows the chart's body but its table takes at least on a screen of `size`, however
    the texts wrap: each text's rows at the body's whole width, the plot and the margins.
    """
    width = body_width(size)
    texts = [heading(series, lang), legend(series, lang)]
    texts.append(point_info(pack, series, series.points[cursor], lang))
    margins = 3  # under the heading, the point and the table
    if series.rule is not None or series.note is not None:
        texts.append(series_notes(series, lang))
        margins += 1
    rows = sum(least_rows(text, width) for text in texts)
    return rows + margins + plot_height(size.height)


def body_width(size: Size) -> int:
    """The cells of the body's content on a screen of `size`, without a scrollbar."""
    return max(1, size.width - 2)  # the body's padding


class ChartScreen(Screen[None]):
    """One series full screen; `Esc` goes back to where it was opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="close"),
        Binding("left,h", "move(-1)", "Previous year", id="chart.prev", priority=True),
        Binding("right,l", "move(1)", "Next year", id="chart.next", priority=True),
        Binding("o", "open_url", "Open URL", id="open-url"),
        Binding("y", "copy_url", "Copy URL", id="copy-url"),
        Binding("c", "copy_series", "Copy series", id="copy-series"),
        Binding("C", "copy_table", "Copy table", id="copy-series-md"),
    ]

    def __init__(self, pack: Pack, series: Series, lang: Lang) -> None:
        super().__init__(id="chart-screen")
        self.pack = pack
        self.series = series
        self.lang: Lang = lang
        self.cursor = len(series.points) - 1
        self._opened = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="chart-body"):
            yield Static(id="chart-heading")
            plot = Plot(self.series, self.lang, id="chart-plot")
            # Sized before its first layout: sized on mount, the screen would be laid out twice.
            plot.styles.height = plot_height(self.app.size.height)
            yield plot
            yield Static(id="chart-legend")
            yield Static(id="chart-point")
            yield Static(id="chart-notes")
            yield Static(id="chart-table")
        yield Static(id="chart-keys", classes="evidence-keys")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._set_lang, init=False)
        self._fill()
        self._scrollbar_from_the_start()

    def _scrollbar_from_the_start(self) -> None:
        """A body taller than the screen gets its scrollbar from the first layout on.

        Shown only once the content has been measured, the scrollbar would take a column from
        every text, which Textual would then measure, lay out and draw again.
        """
        size, series = self.app.size, self.series
        rows = least_body_rows(self.pack, series, self.cursor, self.lang, size)
        table_rows = 1 + len(series.points)  # the header and a row per point, at least
        if rows + table_rows <= size.height - 1:  # too close to call: the table's own rows
            table_rows = self._table_rows(size)
        if rows + table_rows > size.height - 1:  # the keys' line below the body
            self.query_one("#chart-body").show_vertical_scrollbar = True

    def _table_rows(self, size: Size) -> int:
        """The table's rows at the body's whole width, counted as Textual counts them (and
        kept: without a scrollbar, that is the width the layout draws it at)."""
        console = self.app.console
        options = self.app.console_options.update_width(body_width(size)).update(highlight=False)
        return sum(text.count("\n") for text, _, _ in console.render(self._table, options))

    def on_resize(self, event: events.Resize) -> None:
        skip_first_relayout(self, event, first=not self._opened)
        self._opened = True
        self.query_one(Plot).styles.height = plot_height(self.app.size.height)

    def _set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self._fill()

    @property
    def point(self) -> SeriesPoint:
        return self.series.points[self.cursor]

    def _fill(self) -> None:
        lang, series = self.lang, self.series
        self.query_one("#chart-heading", Static).update(heading(series, lang))
        notes = self.query_one("#chart-notes", Static)
        notes.update(series_notes(series, lang))
        notes.display = series.rule is not None or series.note is not None
        self.query_one(Plot).show(cursor=self.cursor, lang=lang)
        self.query_one("#chart-legend", Static).update(legend(series, lang))
        self.query_one("#chart-point", Static).update(
            point_info(self.pack, series, self.point, lang)
        )
        self._table = LinesByWidth(points_table(self.pack, series, self.cursor, lang))
        self.query_one("#chart-table", Static).update(self._table)
        self.query_one("#chart-keys", Static).update(Text(t("chart.keys", lang)))

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.series.points) - 1, self.cursor + step))
        self._fill()

    @on(Plot.Picked)
    def _picked(self, message: Plot.Picked) -> None:
        self.cursor = message.index
        self._fill()

    @property
    def url(self) -> str | None:
        source = self.pack.sources.get(self.point.source)
        return source.url if source is not None else None

    def action_open_url(self) -> None:
        links.open_url(self, self.url, self.lang)

    def action_copy_url(self) -> None:
        links.copy_url(self, self.url, self.lang)

    def _copy(self, text: str) -> None:
        main = getattr(self.app, "main_screen", None)
        if main is not None:
            main.copy_text(text)

    def action_copy_series(self) -> None:
        self._copy(series_text(self.pack, self.series, self.lang))

    def action_copy_table(self) -> None:
        self._copy(series_markdown_table(self.pack, self.series, self.lang))
