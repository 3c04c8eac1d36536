"""A card with one figure: its value, a kind badge and, where there is a series, a year chart."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip

from tui.pack.model import Fact, Lang, Pack, Series
from tui.text.numbers import format_number, qualifier_sign
from tui.text.units import format_range, format_value
from tui.text.words import BASIS_LABELS, KIND_LABELS, t
from tui.ui.widgets.text_block import TextBlock

BARS = "▁▂▃▄▅▆▇█"
# A badge's colour by fact kind or series basis: one component each, so refilling a card
# with another kind of figure changes no CSS class (a class change restyles the card).
BADGE_VARIANTS = ("reported", "target", "quote", "description", "derived", "history")
GAP = "·"


def year_bars(series: Series, cell: int = 2) -> Text:
    """One cell per year from the first to the last point; a year without a point shows `·`.

    Textual's Sparkline spreads points evenly and so hides gaps; drawing a cell per calendar
    year keeps a missing year visible.
    """
    low, high = series.value_range
    by_year = {point.year: point.value for point in series.points}
    text = Text()
    for year in range(series.first_year, series.last_year + 1):
        value = by_year.get(year)
        if value is None:
            text.append(GAP * cell, style="dim")
        else:
            level = round((value - low) / (high - low) * (len(BARS) - 1)) if high > low else 3
            text.append(BARS[level] * cell)
    return text


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

    Rich wraps at any Unicode space, and a value like "75 000" holds a no-break space.
    """
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}{separator}{item}" if line else item
        if line and cell_len(candidate) > width:
            lines.append(line + separator.rstrip())
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
        items.append(f"{point.year}: {sign} {number}" if sign else f"{point.year}: {number}")
    return items


def series_lines(series: Series, lang: Lang) -> list[Text]:
    """Chart, range and basis, and the missing years, each as a line of plain text."""
    cell = 2 if series.last_year - series.first_year < 16 else 1
    chart = Text(f"{series.first_year} ")
    chart.append_text(year_bars(series, cell))
    chart.append(f" {series.last_year}")
    low, high = series.value_range
    range_text = (
        f"{t('range', lang)} {format_range(low, high, series.unit, lang)}"
        f" · {BASIS_LABELS[series.basis].get(lang)}"
    )
    lines = [chart, Text(range_text, style="dim")]
    missing = series.missing_years()
    if missing:
        lines.append(Text(f"{t('no-data', lang)}: {_ranges(missing)}", style="dim"))
    return lines


class MetricCard(TextBlock):
    """A numeric fact (with its series, if any) or a series standing alone.

    Drawn as one widget (not a dozen) so a section's cards mount and lay out quickly; each
    part takes its look from a component class styled in the app's stylesheet.
    """

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
        badge_style = self.get_component_rich_style(f"metric-card--badge-{variant}")
        # The padding either side of the label is background only, as CSS padding would be.
        pad = Segment(" ", RichStyle(bgcolor=badge_style.bgcolor))
        badge_strip = Strip([pad, Segment(badge, badge_style), pad])
        badge_width = min(badge_strip.cell_length, width)
        badge_strip = badge_strip.crop(0, badge_width)
        value_width = max(width - badge_width, 0)
        if value_width == 0:
            return [badge_strip]
        values = self.wrapped(value, value_width, "metric-card--value")
        blank = Strip.blank(badge_width, self.fill())
        return [
            Strip.join([line, badge_strip if y == 0 else blank]) for y, line in enumerate(values)
        ]

    def render_strips(self, width: int) -> list[Strip]:
        if self.fact is None and self.series is None:
            return []  # a spare card of the panel's, not on show
        lang = self._lang
        lines = self._top(width)
        if self.fact is not None:
            lines += self.wrapped(Text(self.fact.text.get(lang)), width, "metric-card--caption")
            if self.fact.derivation is not None:
                # A derived number is not the source's: the card itself says how it was made.
                derivation = Text(t("derivation", lang), style="bold")
                derivation.append(self.fact.derivation.get(lang))
                lines += self.wrapped(derivation, width, "metric-card--meta")
        series = self.series
        if series is None and self.fact is not None and self.fact.series:
            series = self._pack.series.get(self.fact.series)
        if series is not None:
            chart, range_line, *missing = series_lines(series, lang)
            lines += self.wrapped(chart, width, "metric-card--chart")
            lines += self.wrapped(range_line, width, "metric-card--meta")
            fill = self.fill()
            for row in pack_items(series_values(series, lang), max(width, 1)):
                lines += self.wrapped(Text(row), width) if row else [Strip.blank(width, fill)]
            for line in missing:
                lines += self.wrapped(line, width, "metric-card--meta")
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
