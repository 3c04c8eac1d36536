"""A search jump into a section with a named-place table lands on the fact found, in view."""

from __future__ import annotations

from pathlib import Path

from tui.pack.load import load_pack
from tui.paths import default_content_dir
from tui.ui.app import MoscowApp
from tui.ui.widgets.fact_list import FactList

JOBS_FACT = "technopolis-jobs-target"


async def test_search_jump_lands_on_the_fact_found(tmp_path: Path) -> None:
    # The jobs fact sits below the SEZ's table of sites: focusing the list used to glide the
    # panel to the list's top, and the highlight followed that scroll down, off the fact.
    pack = load_pack([default_content_dir()]).pack
    assert pack is not None
    app = MoscowApp(
        pack, start_path="infrastructure/technoparks", state_path=tmp_path / "s.json", lang="en"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"90 000")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause(0.05)
        await pilot.wait_for_scheduled_animations()
        fact_list = app.screen.query_one(FactList)
        assert fact_list.facts[fact_list.highlighted].id == JOBS_FACT
        assert fact_list.has_focus
        assert fact_list._in_view(fact_list.visible_lines()), "the fact found is off screen"
