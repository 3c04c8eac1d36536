"""A group's overview: drawn again the same when the reader comes back, and redrawn in the
other language (overviews are kept drawn by group, language and width, until the look changes)."""

from __future__ import annotations

from pathlib import Path

from evidence_helpers import Notices, evidence_pack, make_app

from tui.ui.app import MoscowApp
from tui.ui.widgets.fact_panel import FactPanel, Overview
from tui.ui.widgets.section_tree import SectionTree


def overview_lines(app: MoscowApp) -> list[str]:
    overview = app.screen.query_one(FactPanel).query_one(Overview)
    assert overview.display
    return [overview.render_line(y).text for y in range(overview.size.height)]


async def test_overview_is_the_same_after_a_visit_to_a_child_and_follows_the_language(
    tmp_path: Path,
) -> None:
    pack = evidence_pack()
    app = make_app(pack, tmp_path, Notices(), start_path="support", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = overview_lines(app)
        children = [pack.sections[path] for path in pack.sections["support"].children]
        for child in children:
            assert any(child.title.get("en") in line for line in first)
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(SectionTree).current_path == children[0].path
        await pilot.press("up")
        await pilot.pause()
        assert app.screen.query_one(SectionTree).current_path == "support"
        assert overview_lines(app) == first
        await pilot.press("L")
        await pilot.pause()
        russian = overview_lines(app)
        assert russian != first
        assert any(children[0].title.get("ru") in line for line in russian)


async def test_overview_is_drawn_again_in_a_new_theme(tmp_path: Path) -> None:
    app = make_app(evidence_pack(), tmp_path, Notices(), start_path="support", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overview = app.screen.query_one(FactPanel).query_one(Overview)

        def styles() -> list[object]:
            return [segment.style for segment in overview.render_line(1)]

        dark = styles()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert overview_lines(app)  # the same words
        assert styles() != dark
