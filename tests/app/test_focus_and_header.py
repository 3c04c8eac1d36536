"""The header names the report's publisher in the reader's language, and Tab onto the fact list
shows its highlight (so `c` copies a fact the reader can see)."""

from __future__ import annotations

from pathlib import Path

from app_helpers import build_pack

from tui.pack.load import load_pack
from tui.ui.app import MoscowApp
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.fact_panel import FactPanel


async def test_russian_header_says_tass_in_cyrillic(tmp_path: Path) -> None:
    app = MoscowApp(build_pack(), lang="ru", state_path=tmp_path / "state.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.sub_title.startswith("ТАСС, ")
        await pilot.press("L")
        await pilot.pause()
        assert app.sub_title.startswith("TASS, ")


async def test_tab_onto_the_fact_list_shows_its_highlight(tmp_path: Path) -> None:
    """Tab onto the fact list brings its highlighted fact into view, wherever the panel was
    (a burst of Tabs may leave it at the places table), so `c` copies a fact the reader sees."""
    pack = load_pack().pack
    assert pack is not None
    app = MoscowApp(
        pack, start_path="infrastructure/technoparks", lang="en", state_path=tmp_path / "state.json"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(FactPanel)
        fact_list = panel.fact_list
        assert fact_list is not None and len(fact_list.facts) > 8
        fact_list.highlighted = len(fact_list.facts) - 1  # far below the top of the list
        panel.scroll_home(animate=False)
        await pilot.pause()
        assert not on_screen(fact_list)
        for _ in range(4):  # the tree, then the places table's parts, then the list
            await pilot.press("tab")
            if fact_list.has_focus:
                break
        await pilot.pause()
        assert fact_list.has_focus
        assert fact_list.highlighted == len(fact_list.facts) - 1
        assert on_screen(fact_list)


def on_screen(fact_list: FactList) -> bool:
    """Whether a line of the highlighted fact is within the panel's view."""
    return any(fact_list.fact_at(y) == fact_list.highlighted for y in fact_list.visible_lines())
