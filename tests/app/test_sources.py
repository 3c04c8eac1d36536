"""`S`: the list of sources, what cites each, and the jump to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_helpers import NOURL, REPRINT, Notices, evidence_pack, fake_browser, make_app

from tui.pack.model import Pack
from tui.text.words import t
from tui.ui.screens.main import MainScreen
from tui.ui.screens.sources import CitesScreen, SourcesScreen, citation_counts, citations_of
from tui.ui.widgets.entry_list import EntryList
from tui.ui.widgets.fact_panel import FactPanel


@pytest.fixture
def pack() -> Pack:
    return evidence_pack()


def test_counts_facts_and_points_per_source(pack: Pack) -> None:
    counts = citation_counts(pack)
    assert set(counts) == set(pack.sources)
    tass_facts = sum(1 for fact in pack.facts if fact.source == "tass-2025-10-22")
    tass_points = sum(
        1 for s in pack.series.values() for p in s.points if p.source == "tass-2025-10-22"
    )
    assert counts["tass-2025-10-22"] == (tass_facts, tass_points)
    assert tass_points == 4
    assert counts["chelorg-2018-10-25"] == (0, 3)
    assert counts[NOURL] == (1, 0)
    assert counts[REPRINT] == (0, 0)


def test_citations_name_the_fact_or_the_point(pack: Pack) -> None:
    cited = citations_of(pack, "chelorg-2018-10-25", "en")
    assert [c.label.plain for c in cited] == [
        "point · Number of technoparks, 2014: 6 technoparks",
        "point · Number of technoparks, 2015: ≈ 10 technoparks",
        "point · Number of technoparks, 2018: > 33 technoparks",
    ]
    # A point jumps to the fact its series is drawn beside.
    assert {(c.path, c.fact_id) for c in cited} == {
        ("infrastructure/technoparks", "technoparks-count")
    }
    assert citations_of(pack, REPRINT, "en") == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_sources_list_then_cites_then_jump(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path="overview")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        options = screen.query_one(EntryList)
        assert options.count == len(pack.sources)
        first = options.entry(0).plain
        assert "TASS" in first and "22 Oct 2025" in first and "https://tass.ru/ekonomika/1" in first
        assert "9 facts, 4 points" in first or "facts," in first
        await pilot.press("j", "enter")  # chelorg: three points
        await pilot.pause()
        cites = app.screen
        assert isinstance(cites, CitesScreen)
        assert cites.query_one(EntryList).count == 3
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("k", "enter")  # TASS
        await pilot.pause()
        assert isinstance(app.screen, CitesScreen)
        target = app.screen.citations[2]
        assert target.fact_id == "infrastructure-sites"
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        panel = app.screen.query_one(FactPanel)
        assert panel.path == "infrastructure"
        fact_list = panel.fact_list
        assert fact_list is not None and fact_list.has_focus
        assert fact_list.highlighted_fact is not None
        assert fact_list.highlighted_fact.id == "infrastructure-sites"


async def test_sources_o_and_y_act_on_the_highlighted_source(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = fake_browser(monkeypatch)
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path="overview")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("S", "o")
        await app.workers.wait_for_complete()
        assert opened == ["https://tass.ru/ekonomika/1"]
        ids = list(pack.sources)
        await pilot.press(*["j"] * ids.index(NOURL), "o")
        await app.workers.wait_for_complete()
        assert notices[-1] == "This source has no URL"
        await pilot.press("G", "y")
        await app.workers.wait_for_complete()
        assert app.clipboard == pack.sources[ids[-1]].url
        await pilot.press("L")
        await pilot.pause()
        assert "Источники" in str(app.screen.query_one("#sources-title").render())


async def test_a_source_nothing_cites_lists_nothing_and_says_so(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path="overview")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S", *["j"] * list(pack.sources).index(REPRINT), "enter")
        await pilot.pause()
        cites = app.screen
        assert isinstance(cites, CitesScreen) and cites.source.id == REPRINT
        listed = cites.query_one(EntryList)
        assert listed.count == 0 and listed.highlighted is None
        assert t("cites.none", "en") in str(cites.query_one("#cites-title").render())
        await pilot.press("enter", "down")  # nothing to go to: the screen stays
        await pilot.pause()
        assert app.screen is cites


async def test_a_click_on_a_source_lists_what_cites_it(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path="overview")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        listed = app.screen.query_one(EntryList)
        first_lines = listed.entry(0).plain.count("\n") + 1  # the second entry starts below
        await pilot.click(EntryList, offset=(4, first_lines))
        await pilot.pause()
        cites = app.screen
        assert isinstance(cites, CitesScreen)
        assert cites.source.id == list(pack.sources)[1]
