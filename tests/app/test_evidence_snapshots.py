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

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]
LANGS: list[Lang] = ["en", "ru"]
# The second fact of Technoparks is "49 technoparks", whose series has gaps and point notes.
PRESSES = {
    "detail": ("tab", "j", "enter"),
    "sources": ("S",),
    "chart": ("tab", "j", "v", "left"),
}
SCREENS = {"detail": DetailScreen, "sources": SourcesScreen, "chart": ChartScreen}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_shipped_pack()


@pytest.fixture(autouse=True)
def fixed_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG dirs in tmp, and no colour or theme choices from the developer's shell."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)


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
    scene = Scene(f"{screen}-{size[0]}x{size[1]}-{lang}", size, lang=lang, press=PRESSES[screen])

    async def run_before(pilot: Pilot[None]) -> None:
        await prepare(scene, pilot)
        shown = pilot.app.screen
        assert isinstance(shown, SCREENS[screen])
        if isinstance(shown, DetailScreen):
            assert shown.fact.id == "technoparks-count"
        if isinstance(shown, ChartScreen):
            assert shown.series.id == "technoparks-count"
            assert shown.cursor == len(shown.series.points) - 2

    app = build_app(pack, scene, tmp_path / "state.json")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
