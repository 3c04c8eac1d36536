"""SVG snapshots of the named places: the Technoparks table and one technopark's own screen.

Built on the test pack of tests/entity_pack.py (40 technoparks with attributes), not on the
shipped content, so they hold still while the content grows. Update after a deliberate change
with `pytest tests/app/test_entity_snapshots.py --snapshot-update`, and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from entity_pack import TECHNOPARKS, entity_pack
from textual.pilot import Pilot

from tui.ui.app import MoscowApp
from tui.ui.screens.entity import EntityScreen
from tui.ui.widgets.entity_table import EntityGrid

SnapCompare = Callable[..., bool]
SIZE = (120, 40)


pytestmark = pytest.mark.usefixtures("snapshot_environment")


def make_app(tmp_path: Path) -> MoscowApp:
    return MoscowApp(
        entity_pack(), start_path=TECHNOPARKS, lang="en", state_path=tmp_path / "state.json"
    )


async def into_table(pilot: Pilot[None]) -> EntityGrid:
    await pilot.press("right", "right", "enter")
    await pilot.pause()
    grid = pilot.app.focused
    assert isinstance(grid, EntityGrid)
    return grid


class TestEntityTable:
    def test_technoparks_table_120x40(self, snap_compare: SnapCompare, tmp_path: Path) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            grid = await into_table(pilot)
            await pilot.press("s")  # sorted by year of status
            await pilot.pause()
            assert grid.titles[1] == "Year ▲"
            assert grid.count == 40

        assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=run_before)

    def test_technopark_screen_120x40(self, snap_compare: SnapCompare, tmp_path: Path) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            grid = await into_table(pilot)
            await pilot.press("f", *"kalibr", "enter", "enter")
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, EntityScreen)
            assert screen.entity.name.en == "Kalibr Technopark" and grid.count == 1

        assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=run_before)
