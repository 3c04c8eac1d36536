"""A card with one figure: its value, a kind badge and, where there is a series, a year chart."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.format import (
    BASIS_LABELS,
    KIND_LABELS,
    format_number,
    format_point_value,
    format_value,
    qualifier_sign,
)
from tui.i18n import t
from tui.model import Fact, Lang, Pack, Qualifier, Series

BARS = "▁▂▃▄▅▆▇█"
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


class ItemRow(Widget):
    """Items joined by " · " and wrapped only between items."""

    def __init__(self, items: list[str], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.items = items

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return cell_len(" · ".join(self.items))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(pack_items(self.items, max(width, 1)))

    def render(self) -> Text:
        return Text("\n".join(pack_items(self.items, max(self.content_region.width, 1))))


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
        f"{t('range', lang)} {format_number(low, lang)}"
        f" – {format_point_value(high, series.unit, Qualifier.EXACTLY, lang)}"
        f" · {BASIS_LABELS[series.basis].get(lang)}"
    )
    lines = [chart, Text(range_text, style="dim")]
    missing = series.missing_years()
    if missing:
        lines.append(Text(f"{t('no-data', lang)}: {_ranges(missing)}", style="dim"))
    return lines


class MetricCard(Vertical):
    """A numeric fact (with its series, if any) or a series standing alone."""

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

    def _badge(self) -> tuple[str, str]:
        if self.fact is not None:
            kind = self.fact.kind
            return KIND_LABELS[kind].get(self._lang), f"-{kind.value}"
        assert self.series is not None
        basis = self.series.basis.value
        return t(f"badge.{basis}", self._lang), f"-{basis}"

    def compose(self) -> ComposeResult:
        lang = self._lang
        badge, badge_class = self._badge()
        with Horizontal(classes="card-top"):
            if self.fact is not None:
                value = format_value(self.fact, lang)
                yield Label(Text(value), classes="card-value")
            else:
                assert self.series is not None
                yield Label(Text(self.series.title.get(lang)), classes="card-value")
            yield Label(Text(badge), classes=f"badge {badge_class}")
        if self.fact is not None:
            yield Static(Text(self.fact.text.get(lang)), classes="card-caption")
            if self.fact.derivation is not None:
                # A derived number is not the source's: the card itself says how it was made.
                derivation = Text(t("derived-from", lang), style="bold")
                derivation.append(self.fact.derivation.get(lang))
                yield Static(derivation, classes="card-meta")
        series = self.series
        if series is None and self.fact is not None and self.fact.series:
            series = self._pack.series.get(self.fact.series)
        if series is not None:
            chart, range_line, *missing = series_lines(series, lang)
            yield Static(chart, classes="card-chart")
            yield Static(range_line, classes="card-meta")
            yield ItemRow(series_values(series, lang), classes="card-values")
            for line in missing:
                yield Static(line, classes="card-meta")
