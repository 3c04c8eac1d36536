"""A card with one figure: its value, a kind badge and, where there is a series, a year chart."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from tui.pack.model import Fact, FactKind, Lang, Pack, Qualifier, Series
from tui.text.numbers import format_number, qualifier_sign
from tui.text.units import format_point_value, format_value
from tui.text.words import BASIS_LABELS, KIND_LABELS, t
from tui.ui.widgets.text_block import TextBlock

BARS = "▁▂▃▄▅▆▇█"
NOTE_MARK = "*"  # after a point's value on the card: the point has a note (shown in the chart)
# A badge's colour by fact kind or series basis: one component each, so refilling a card
# with another kind of figure changes no CSS class (a class change restyles the card).
BADGE_VARIANTS = ("reported", "target", "quote", "description", "derived", "history")
GAP = "·"
# Cards drawn lately, kept so that moving back to a section shows its cards without drawing them.
DRAWN_CARDS = 256


def bar_level(value: float, high: float) -> int:
    """The index in BARS of a bar for `value` on a scale from zero to `high`.

    From zero, not from the lowest point: 28 000 against 30 000 is two tall bars, not a jump
    from nothing. Any positive value shows at least the lowest bar.
    """
    if high <= 0 or value <= 0:
        return 0
    return max(0, min(len(BARS) - 1, round(value / high * len(BARS)) - 1))


def year_bars(series: Series, cell: int = 2) -> Text:
    """One cell per year from the first to the last point; a year without a point shows `·`.

    Textual's Sparkline spreads points evenly and so hides gaps; drawing a cell per calendar
    year keeps a missing year visible. A point with a note is underlined.
    """
    high = series.value_range[1]
    by_year = {point.year: point for point in series.points}
    text = Text()
    for year in range(series.first_year, series.last_year + 1):
        point = by_year.get(year)
        if point is None:
            text.append(GAP * cell, style="dim")
        else:
            noted = "underline" if point.note is not None else ""
            text.append(BARS[bar_level(point.value, high)] * cell, style=noted)
    return text


def measures_other(fact: Fact, series: Series) -> bool:
    """Whether `series` counts something other than `fact`'s figure.

    The same quantity has the fact's value, in the fact's unit, as its point for the fact's
    year; a target of new jobs beside a history of all jobs has no such point.
    """
    if fact.value is None or fact.unit != series.unit:
        return True
    return not any(point.year == fact.year and point.value == fact.value for point in series.points)


def _ranges(years: list[int]) -> str:
    """[2015, 2016, 2017, 2020] → "2015–2017, 2020"."""
    parts: list[str] = []
    start = prev = None
    for year in [*years, None]:
        if start is None:
            start = prev = year
        elif year is not None and prev is not None and year == prev + 1:
            prev = year
        else:
            parts.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = year
    return ", ".join(parts)


def pack_items(items: list[str], width: int, separator: str = " · ") -> list[str]:
    """Lay `items` out in lines of at most `width` cells, never breaking inside an item.

    Rich wraps at any Unicode space, and a value like "75 000" holds a no-break space. No line
    ends with the separator: a trailing "·" could wrap onto a line of its own.
    """
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}{separator}{item}" if line else item
        if line and cell_len(candidate) > width:
            lines.append(line)
            line = item
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def series_values(series: Series, lang: Lang) -> list[str]:
    """ "2014: 6", "2016: > 23 000", one item per point (the unit is on the range line)."""
    items: list[str] = []
    for point in series.points:
        sign = qualifier_sign(point.qualifier)
        number = format_number(point.value, lang)
        mark = NOTE_MARK if point.note is not None else ""
        items.append(
            f"{point.year}: {sign} {number}{mark}" if sign else f"{point.year}: {number}{mark}"
        )
    return items


def chart_line(series: Series, width: int) -> Text:
    """ "2014 ▁▁··▃▃ 2025", as wide as fits in `width` (never wrapped: cropped at worst)."""
    years = series.last_year - series.first_year + 1
    cell = 2 if years < 16 and years * 2 + 10 <= width else 1
    chart = Text(f"{series.first_year} ", no_wrap=True, overflow="crop")
    chart.append_text(year_bars(series, cell))
    chart.append(f" {series.last_year}")
    return chart


def series_lines(series: Series, lang: Lang, width: int = 80) -> list[Text]:
    """Chart, scale and basis, and the missing years, each as a line of plain text."""
    high = series.value_range[1]
    scale = format_point_value(high, series.unit, Qualifier.EXACTLY, lang)
    range_text = f"{t('card.scale', lang)} 0 – {scale} · {BASIS_LABELS[series.basis].get(lang)}"
    lines = [chart_line(series, width), Text(range_text, style="dim")]
    missing = series.missing_years()
    if missing:
        lines.append(Text(f"{t('no-data', lang)}: {_ranges(missing)}", style="dim"))
    return lines


class MetricCard(TextBlock):
    """A numeric fact (with its series, if any) or a series standing alone.

    Drawn as one widget (not a dozen) so a section's cards mount and lay out quickly; each
    part takes its look from a component class styled in the app's stylesheet.
    """

    class ChartClicked(Message):
        """A click on the card's sparkline: open `series` in the chart screen."""

        def __init__(self, series: Series) -> None:
            super().__init__()
            self.series = series

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "metric-card--value",
        *(f"metric-card--badge-{name}" for name in BADGE_VARIANTS),
        "metric-card--caption",
        "metric-card--chart",
        "metric-card--meta",
    }

    def __init__(
        self,
        pack: Pack,
        lang: Lang,
        *,
        fact: Fact | None = None,
        series: Series | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="metric-card")
        self._pack = pack
        self._lang = lang
        self.fact = fact
        self.series = series
        # The lines the sparkline is drawn on, for a click to open the chart.
        self._chart_rows: range = range(0)

    def show(self, lang: Lang, *, fact: Fact | None = None, series: Series | None = None) -> None:
        """Show another figure (the panel keeps a few cards and refills them)."""
        self._lang = lang
        self.fact = fact
        self.series = series
        self.invalidate()

    def _badge(self) -> tuple[str, str]:
        """The badge's label and its look's variant."""
        if self.fact is not None:
            kind = self.fact.kind
            return KIND_LABELS[kind].get(self._lang), kind.value
        assert self.series is not None
        basis = self.series.basis.value
        return t(f"basis.{basis}.name", self._lang), basis

    def _top(self, width: int) -> list[Strip]:
        """The value (wrapped in what the badge leaves) and the badge to its right."""
        lang = self._lang
        badge, variant = self._badge()
        if self.fact is not None:
            value = Text(format_value(self.fact, lang))
        else:
            assert self.series is not None
            value = Text(self.series.title.get(lang))
        badge_style = self.component_style(f"metric-card--badge-{variant}")
        # The padding either side of the label is background only, as CSS padding would be.
        pad = Segment(" ", RichStyle(bgcolor=badge_style.bgcolor))
        badge_strip = Strip([pad, Segment(badge, badge_style), pad])
        badge_width = min(badge_strip.cell_length, width)
        badge_strip = badge_strip.crop(0, badge_width)
        # One blank cell between the figure and the badge, so the two never touch.
        value_width = max(width - badge_width - 1, 0)
        if value_width == 0:
            return [badge_strip]
        values = self.wrapped(value, value_width, "metric-card--value")
        gap = Strip.blank(1, self.fill())
        values = [Strip.join([line, gap]) for line in values]
        blank = Strip.blank(badge_width, self.fill())
        return [
            Strip.join([line, badge_strip if y == 0 else blank]) for y, line in enumerate(values)
        ]

    @property
    def shown_series(self) -> Series | None:
        """The series drawn on the card: its own, or the one its fact names."""
        if self.series is None and self.fact is not None and self.fact.series:
            return self._pack.series.get(self.fact.series)
        return self.series

    # Shared by every card: (fact id, series id, language, width, theme) -> (lines, chart rows).
    _drawn: ClassVar[dict[tuple[object, ...], tuple[list[Strip], range]]] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        MetricCard._drawn.clear()  # the look changed: every card is drawn anew

    def render_strips(self, width: int) -> list[Strip]:
        if self.fact is None and self.series is None:
            return []  # a spare card of the panel's, not on show
        key = (
            None if self.fact is None else self.fact.id,
            None if self.series is None else self.series.id,
            self._lang,
            width,
            self.app.theme,
        )
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = (self._draw(width), self._chart_rows)
            if len(self._drawn) >= DRAWN_CARDS:
                del self._drawn[next(iter(self._drawn))]
            self._drawn[key] = drawn
        self._chart_rows = drawn[1]
        return drawn[0]

    def _draw(self, width: int) -> list[Strip]:
        """The card's lines at `width`; sets the rows of the sparkline."""
        lang = self._lang
        lines = self._top(width)
        if self.fact is not None:
            lines += self.wrapped(Text(self.fact.text.get(lang)), width, "metric-card--caption")
            if self.fact.kind is FactKind.DERIVED or self.fact.derivation is not None:
                # A derived number is not the source's: the card itself says it is ours and
                # how it was made.
                derivation = Text()
                derivation.append(t("card.derived", lang), style="bold")
                if self.fact.derivation is not None:
                    derivation.append(self.fact.derivation.get(lang))
                lines += self.wrapped(derivation, width, "metric-card--meta")
        series = self.shown_series
        self._chart_rows = range(0)
        if series is not None:
            lines += self._series_strips(series, width, len(lines))
        return lines

    def _series_strips(self, series: Series, width: int, top: int) -> list[Strip]:
        """The sparkline with its name where it counts something else, scale, values, notes."""
        lang = self._lang
        lines: list[Strip] = []
        if self.fact is not None and measures_other(self.fact, series):
            name = Text(t("card.series", lang, title=series.title.get(lang)), style="italic")
            lines += self.wrapped(name, width, "metric-card--meta")
        chart, range_line, *missing = series_lines(series, lang, width)
        chart_lines = self.wrapped(chart, width, "metric-card--chart")
        self._chart_rows = range(top + len(lines), top + len(lines) + len(chart_lines))
        lines += chart_lines
        lines += self.wrapped(range_line, width, "metric-card--meta")
        fill = self.fill()
        for row in pack_items(series_values(series, lang), max(width, 1)):
            lines += self.wrapped(Text(row), width) if row else [Strip.blank(width, fill)]
        for line in missing:
            lines += self.wrapped(line, width, "metric-card--meta")
        if any(point.note is not None for point in series.points):
            lines += self.wrapped(Text(t("card.noted", lang)), width, "metric-card--meta")
        return lines

    def on_click(self, event: events.Click) -> None:
        series = self.shown_series
        offset = event.get_content_offset(self)
        if series is not None and offset is not None and offset.y in self._chart_rows:
            event.stop()
            self.post_message(self.ChartClicked(series))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
