"""The header names the report's publisher in the reader's language, and a burst of Tabs into
the fact list still leaves its highlight on screen (so `c` copies a fact the reader can see)."""

from __future__ import annotations

from pathlib import Path

from app_helpers import build_pack

from tui.pack.load import load_pack
from tui.ui.app import MoscowApp
from tui.ui.widgets.fact_panel import FactPanel


async def test_russian_header_says_tass_in_cyrillic(tmp_path: Path) -> None:
    app = MoscowApp(build_pack(), lang="ru", state_path=tmp_path / "state.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.sub_title.startswith("ТАСС, ")
        await pilot.press("L")
        await pilot.pause()
        assert app.sub_title.startswith("TASS, ")


async def test_focus_shows_the_highlight_wherever_the_panel_was(tmp_path: Path) -> None:
    """A burst of Tabs can give the list focus while the panel still shows an earlier stop (the
    places table): focusing the list must bring its highlighted fact into view."""
    pack = load_pack().pack
    assert pack is not None
    app = MoscowApp(
        pack, start_path="infrastructure/technoparks", lang="en", state_path=tmp_path / "state.json"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        fact_list = app.screen.query_one(FactPanel).fact_list
        assert fact_list is not None and len(fact_list.facts) > 8
        fact_list.highlighted = len(fact_list.facts) - 1  # far below the top of the list
        # Its first words as the screen picture (SVG) spells them.
        words = " ".join(fact_list.facts[-1].text.en.split()[:3]).replace(" ", "&#160;")
        app.screen.query_one(FactPanel).scroll_home(animate=False)
        await pilot.pause()
        assert words not in app.export_screenshot()
        fact_list.focus()
        await pilot.pause()
        await pilot.pause()
        assert words in app.export_screenshot()
