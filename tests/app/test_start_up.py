"""What the first frame is made of: the main screen at the bottom of the stack, and no widget the
start section does not show (the cards are mounted just after the first frame)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import pytest
from packs import START, build_pack

from tui.pack.model import Pack
from tui.ui.app import MoscowApp
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.fact_panel import MAX_CARDS, FactPanel
from tui.ui.widgets.metric_card import MetricCard
from tui.ui.widgets.section_tree import SectionTree


def without_figures(pack: Pack) -> str:
    """A section that shows no card: no numeric fact and no series."""
    for path in pack.sections:
        facts = pack.facts_in(path)
        if not any(fact.is_numeric for fact in facts) and not pack.series_in(path):
            return path
    raise AssertionError("the test pack has no section without figures")


async def test_the_main_screen_is_the_bottom_of_the_stack(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SectionTree).has_focus


@pytest.mark.parametrize("start", ["none", "figures"])
async def test_cards_are_mounted_after_the_first_frame_unless_the_start_shows_some(
    make_app: Callable[..., MoscowApp], monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    pack = build_pack()
    path = without_figures(pack) if start == "none" else START
    mounted_at_first_frame: list[int] = []
    original = FactPanel.prepare_cards

    async def record(panel: FactPanel) -> None:
        # Called after the first frame: what the first frame had is what is mounted now.
        assert panel.screen.query_one(SectionTree).region.area > 0
        mounted_at_first_frame.append(len(panel.query(MetricCard)))
        await original(panel)

    monkeypatch.setattr(FactPanel, "prepare_cards", record)
    app = make_app(pack, start_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one(FactPanel)
        shown = len(panel.cards)
        assert mounted_at_first_frame == [shown]
        assert (shown == 0) == (start == "none")
        # The whole pool is there for the next section, hidden until one needs it.
        assert len(panel.query(MetricCard)) == MAX_CARDS
        assert len(panel.cards) == shown


def test_the_app_module_leaves_the_later_modules_to_the_prefetch() -> None:
    probe = (
        "import json, sys\n"
        "import tui.cli, tui.ui.app\n"
        "print(json.dumps(sorted(m for m in tui.ui.app.LATER_MODULES if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
