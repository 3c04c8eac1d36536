"""Metric cards: sparklines from zero, the series named when it counts something else, marked
notes, no lone "·" line, a badge apart from the figure, a click that opens the chart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from app_helpers import TASS, L
from evidence_helpers import Notices, evidence_pack, fact, make_app

from tui.pack.model import Basis, Pack, Qualifier, Series, SeriesPoint
from tui.text.words import KIND_LABELS
from tui.ui.app import MoscowApp
from tui.ui.screens.chart import ChartScreen
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.metric_card import (
    BARS,
    MetricCard,
    bar_level,
    measures_other,
    pack_items,
    year_bars,
)

SECTION = "infrastructure/technoparks"


def jobs_series(pack: Pack) -> Series:
    return Series(
        id="jobs",
        section="overview",
        title=L("Рабочие места в ОЭЗ", "Jobs at the SEZ"),
        unit="jobs",
        basis=Basis.HISTORY,
        points=(
            SeriesPoint(2025, 28000, TASS, Qualifier.OVER),
            SeriesPoint(2026, 30000, TASS, Qualifier.OVER, note=L("Январь.", "January.")),
        ),
    )


def with_jobs(pack: Pack) -> Pack:
    """The 90 000 new jobs target drawn beside a history of all jobs (a different quantity)."""
    facts = tuple(
        dataclasses.replace(one, series="jobs") if one.id == "overview-jobs" else one
        for one in pack.facts
    )
    return dataclasses.replace(pack, facts=facts, series={**pack.series, "jobs": jobs_series(pack)})


def test_sparkline_starts_at_zero() -> None:
    pack = evidence_pack()
    series = jobs_series(pack)
    # +7 %: two tall bars, not a jump from nothing to full.
    assert [bar_level(p.value, 30000) for p in series.points] == [6, 7]
    assert year_bars(series, cell=1).plain == BARS[6] + BARS[7]
    assert bar_level(0, 10) == 0 and bar_level(0.01, 10) == 0 and bar_level(1, 0) == 0
    assert bar_level(6, 49) == 0 and bar_level(49, 49) == len(BARS) - 1


def test_a_point_with_a_note_is_underlined_in_the_sparkline() -> None:
    series = jobs_series(evidence_pack())
    bars = year_bars(series, cell=2)
    underlined = [span for span in bars.spans if "underline" in str(span.style)]
    assert [(span.start, span.end) for span in underlined] == [(2, 4)]


def test_measures_other_compares_the_figure_with_the_series() -> None:
    pack = with_jobs(evidence_pack())
    assert measures_other(fact(pack, "overview-jobs"), pack.series["jobs"])
    assert not measures_other(fact(pack, "technoparks-count"), pack.series["technoparks-count"])
    assert measures_other(fact(pack, "technoparks-specialists"), pack.series["technoparks-count"])


def test_pack_items_never_ends_a_line_with_the_separator() -> None:
    items = [f"20{n:02}: {n * 1000}" for n in range(14, 26)]
    for width in range(12, 80):
        lines = pack_items(items, width)
        assert all(not line.rstrip().endswith("·") for line in lines)
        assert all(line.strip() not in ("", "·") for line in lines)
        assert " · ".join(lines) == " · ".join(items)


def cards(app: MoscowApp) -> list[MetricCard]:
    return app.screen.query_one(FactPanel).cards


def card_lines(card: MetricCard, width: int) -> list[str]:
    return [strip.text for strip in card.render_strips(width)]


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_card_names_a_different_series_and_marks_notes(tmp_path: Path, lang: str) -> None:
    pack = with_jobs(evidence_pack())
    app = make_app(pack, tmp_path, Notices(), start_path="overview", lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = cards(app)[0]
        assert card.fact is not None and card.fact.id == "overview-jobs"
        text = "\n".join(card_lines(card, 50))
        title = "Series: Jobs at the SEZ" if lang == "en" else "Ряд: Рабочие места в ОЭЗ"
        assert title in text
        assert "2026: > 30" in text and "000*" in text
        assert ("* has a note" if lang == "en" else "у точки есть примечание") in text
        assert ("scale 0 –" if lang == "en" else "шкала 0 –") in text
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        same = cards(app)[0]
        assert same.fact is not None and same.fact.id == "technoparks-count"
        assert "Series:" not in "\n".join(card_lines(same, 50))
        assert "Ряд:" not in "\n".join(card_lines(same, 50))


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_no_lone_dot_line_and_badge_apart_at_any_width(tmp_path: Path, lang: str) -> None:
    pack = with_jobs(evidence_pack())
    for start in ("overview", SECTION, "support/export"):
        app = make_app(pack, tmp_path, Notices(), start_path=start, lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for card in cards(app):
                for width in range(14, 70):
                    lines = card_lines(card, width)
                    assert all(line.strip() != "·" for line in lines), (start, width)
                    label = (
                        KIND_LABELS[card.fact.kind].get(lang)  # type: ignore[arg-type]
                        if card.fact is not None
                        else None
                    )
                    if label is None or len(label) + 4 > width:
                        continue
                    top = lines[0]
                    badge_at = width - len(label) - 2  # the badge's left padding cell
                    assert top[badge_at - 1] == " ", (start, width, top)


async def test_click_on_a_sparkline_opens_its_chart(tmp_path: Path) -> None:
    pack = evidence_pack()
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = cards(app)[0]
        lines = card_lines(card, card.content_size.width)
        row = next(index for index, line in enumerate(lines) if line.startswith("2014 "))
        # Outside the sparkline the card does nothing.
        await pilot.click(card, offset=(3, 1))
        await pilot.pause()
        assert not isinstance(app.screen, ChartScreen)
        top = card.content_region.y - card.region.y
        left = card.content_region.x - card.region.x
        await pilot.click(card, offset=(left + 7, top + row))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChartScreen)
        assert screen.series is pack.series["technoparks-count"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChartScreen)


async def test_a_derived_card_says_it_is_ours(tmp_path: Path) -> None:
    pack = evidence_pack()
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = next(
            c for c in cards(app) if c.fact is not None and c.fact.id == "technoparks-growth"
        )
        text = " ".join(card_lines(card, 200))
        assert "Computed by moscow-tui, not a source: 49 in 2025 / 6 in 2014" in text
