"""Moving in a long fact list: page keys, Home/End, a click and the wheel (issue 12, "Moving").

Wherever the highlight goes, it is on screen, and it is what `c` copies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from packs import make_pack
from textual import events
from textual.pilot import Pilot

from tui.pack.model import Fact
from tui.ui.app import MoscowApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.fact_panel import FactPanel

SIZE = (100, 30)
FACTS = 40


def long_section_app(tmp_path: Path) -> MoscowApp:
    facts = [("long", f"Факт номер {n}.", f"Fact number {n}.") for n in range(FACTS)]
    pack = make_pack(facts)
    return MoscowApp(pack, state_path=tmp_path / "state.json", lang="en", start_path="long")


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def into_the_list(pilot: Pilot[None]) -> FactList:
    await settle(pilot)
    await pilot.press("tab")
    await settle(pilot)
    facts = pilot.app.screen.query_one(FactList)
    assert facts.has_focus
    return facts


def on_screen(facts: FactList, index: int) -> bool:
    """Whether some line of fact `index` is among the lines the panel shows."""
    return any(facts.fact_at(y) == index for y in facts.visible_lines())


def copied(app: MoscowApp) -> Fact | None:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen.fact_to_copy()


def check_highlight(app: MoscowApp, facts: FactList) -> None:
    assert on_screen(facts, facts.highlighted), facts.highlighted
    assert copied(app) == facts.facts[facts.highlighted]


async def test_page_down_and_up_move_the_highlight_with_the_view(tmp_path: Path) -> None:
    app = long_section_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        facts = await into_the_list(pilot)
        seen = [facts.highlighted]
        for _ in range(3):
            await pilot.press("pagedown")
            await settle(pilot)
            check_highlight(app, facts)
            seen.append(facts.highlighted)
        assert seen == sorted(seen) and len(set(seen)) == 4, seen
        assert seen[1] - seen[0] >= 3, "a page moves by more than a fact or two"
        for _ in range(3):
            await pilot.press("pageup")
            await settle(pilot)
            check_highlight(app, facts)
        assert facts.highlighted < seen[1]


async def test_page_down_at_the_end_stays_on_the_last_fact(tmp_path: Path) -> None:
    app = long_section_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        facts = await into_the_list(pilot)
        for _ in range(FACTS):
            await pilot.press("pagedown")
        await settle(pilot)
        assert facts.highlighted == FACTS - 1
        check_highlight(app, facts)


@pytest.mark.parametrize(("key", "expected"), [("end", FACTS - 1), ("home", 0)])
async def test_home_and_end_from_the_middle(tmp_path: Path, key: str, expected: int) -> None:
    app = long_section_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        facts = await into_the_list(pilot)
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert facts.highlighted == expected
        check_highlight(app, facts)


async def test_a_click_on_a_fact_highlights_it(tmp_path: Path) -> None:
    app = long_section_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        facts = await into_the_list(pilot)
        lines = facts.visible_lines()
        line = next(y for y in reversed(lines) if facts.fact_at(y) not in (None, 0))
        target = facts.fact_at(line)
        clicked = await pilot.click(FactList, offset=(4, line))
        await settle(pilot)
        assert clicked
        assert facts.highlighted == target
        check_highlight(app, facts)


async def scroll_wheel(pilot: Pilot[None], facts: FactList, down: bool, times: int) -> None:
    """Turn the wheel over the middle of the fact list, as the terminal reports it."""
    region = facts.screen.find_widget(facts).visible_region
    x, y = region.x + 4, region.y + region.height // 2
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    for _ in range(times):
        pilot.app.post_message(kind(None, x, y, 0, 1 if down else -1, 0, False, False, False, x, y))
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await settle(pilot)


async def test_the_wheel_scrolls_and_the_highlight_stays_on_screen(tmp_path: Path) -> None:
    app = long_section_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        facts = await into_the_list(pilot)
        panel = app.screen.query_one(FactPanel)
        before = panel.scroll_y
        await scroll_wheel(pilot, facts, down=True, times=12)
        assert panel.scroll_y > before
        assert facts.highlighted > 0
        check_highlight(app, facts)
        await scroll_wheel(pilot, facts, down=False, times=6)
        check_highlight(app, facts)
