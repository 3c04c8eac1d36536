"""The tree keeps the lines it drew with focus while focus is away, and only while they are
still right: focus back shows them again, a new theme draws every line anew."""

from __future__ import annotations

from pathlib import Path

from evidence_helpers import Notices, evidence_pack, make_app
from rich.segment import Segment

from tui.ui.app import MoscowApp
from tui.ui.widgets.section_tree import SectionTree


def tree_lines(app: MoscowApp) -> list[list[Segment]]:
    tree = app.screen.query_one(SectionTree)
    return [list(tree.render_line(y)) for y in range(tree.size.height)]


async def test_tree_lines_follow_focus_and_theme(tmp_path: Path) -> None:
    app = make_app(evidence_pack(), tmp_path, Notices(), start_path="overview")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert tree.has_focus
        focused = tree_lines(app)
        await pilot.press("tab")
        await pilot.pause()
        assert not tree.has_focus
        blurred = tree_lines(app)
        assert blurred != focused  # the cursor and the background look different
        await pilot.press("shift+tab")
        await pilot.pause()
        assert tree.has_focus
        assert tree_lines(app) == focused
        light = "textual-light" if app.theme != "textual-light" else "textual-dark"
        app.theme = light
        await pilot.pause()
        focused_light = tree_lines(app)
        assert focused_light != focused
        await pilot.press("tab")
        await pilot.pause()
        blurred_light = tree_lines(app)
        assert blurred_light not in (blurred, focused_light)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert tree_lines(app) == focused_light
