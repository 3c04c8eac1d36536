"""SVG snapshots of the evidence screens — fact detail, sources list, chart — against the shipped
content, at 80×24 and 120×40, in English and Russian.

Update after a deliberate change with `--snapshot-update`, look at the SVGs (rsvg-convert makes
PNGs of them), then run without the flag.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from make_screenshots import Scene, build_app, load_shipped_pack, prepare
from textual.pilot import Pilot

from tui.pack.model import Lang, Pack
from tui.ui.screens.chart import ChartScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.sources import SourcesScreen
from tui.ui.widgets.fact_list import FactList

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]
LANGS: list[Lang] = ["en", "ru"]
# "49 technoparks": its series has gaps and point notes, its source (TASS) no URL.
FACT = "technoparks-count"
PRESSES = {
    "detail": ("enter",),
    "sources": ("S",),
    "chart": ("v", "left"),
}
SCREENS = {"detail": DetailScreen, "sources": SourcesScreen, "chart": ChartScreen}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_shipped_pack()


pytestmark = pytest.mark.usefixtures("snapshot_environment")


async def highlight(pilot: Pilot[None], fact_id: str) -> None:
    """Tab to the fact list (past any entity table) and highlight `fact_id` there."""
    app = pilot.app
    for _ in range(6):
        if isinstance(app.focused, FactList):
            break
        await pilot.press("tab")
    fact_list = app.focused
    assert isinstance(fact_list, FactList)
    assert fact_list.highlight_fact(fact_id)
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(PRESSES))
def test_evidence_screen(
    snap_compare: SnapCompare,
    pack: Pack,
    tmp_path: Path,
    screen: str,
    size: tuple[int, int],
    lang: Lang,
) -> None:
    scene = Scene(f"{screen}-{size[0]}x{size[1]}-{lang}", size, lang=lang)

    async def run_before(pilot: Pilot[None]) -> None:
        await prepare(scene, pilot)
        if screen != "sources":
            await highlight(pilot, FACT)
        await pilot.press(*PRESSES[screen])
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        shown = pilot.app.screen
        assert isinstance(shown, SCREENS[screen])
        if isinstance(shown, DetailScreen):
            assert shown.fact.id == FACT
        if isinstance(shown, ChartScreen):
            assert shown.series.id == FACT
            assert shown.cursor == len(shown.series.points) - 2

    app = build_app(pack, scene, tmp_path / "state.json")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
