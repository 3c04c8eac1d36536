"""The header names the report's publisher in the reader's language."""

from __future__ import annotations

from pathlib import Path

from app_helpers import build_pack

from tui.ui.app import MoscowApp


async def test_russian_header_says_tass_in_cyrillic(tmp_path: Path) -> None:
    app = MoscowApp(build_pack(), lang="ru", state_path=tmp_path / "state.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.sub_title.startswith("ТАСС, ")
        await pilot.press("L")
        await pilot.pause()
        assert app.sub_title.startswith("TASS, ")
