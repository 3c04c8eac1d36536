"""The explorer under a corrupt state file, ctrl+c, 16 colours and NO_COLOR (issue 11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from evidence_helpers import on_notify
from packs import build_pack
from rich.color import ColorSystem
from rich.segment import Segment
from textual.pilot import Pilot

from tui.pack.model import FactKind
from tui.ui.app import MoscowApp
from tui.ui.widgets.fact_list import POINTER, FactList
from tui.ui.widgets.section_tree import SectionTree

GUIDES = set("│├└┃┣┗")


def make_app(tmp_path: Path, **options: Any) -> MoscowApp:
    options.setdefault("state_path", tmp_path / "state.json")
    options.setdefault("lang", "en")
    return MoscowApp(build_pack(), **options)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_a_deeply_nested_state_file_gives_a_notice_naming_it(tmp_path: Path) -> None:
    state_path = tmp_path / "state.json"
    state_path.write_bytes(b"[" * 50_000)
    app = make_app(tmp_path, state_path=state_path)
    notices: list[str] = []
    on_notify(app, lambda message, options: notices.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(str(state_path) in notice for notice in notices), notices
        assert app.screen.query_one(SectionTree).current_path == "overview"


@pytest.mark.parametrize("screen", ["main", "search"])
async def test_ctrl_c_quits_with_status_130(tmp_path: Path, screen: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if screen == "search":
            await pilot.press("slash", "t", "e")
            await settle(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
    assert app.return_code == 130


def guide_colours(tree: SectionTree) -> list[tuple[int | None, int | None]]:
    """(foreground, background) of every guide cell, rounded as a 16-colour terminal rounds."""
    pairs = []
    for y in range(tree.size.height):
        for segment in tree.render_line(y):
            assert isinstance(segment, Segment)
            style = segment.style
            if style is None or not GUIDES & set(segment.text):
                continue
            colours = (style.color, style.bgcolor)
            fg, bg = (c.downgrade(ColorSystem.STANDARD).number if c else None for c in colours)
            pairs.append((fg, bg))
    return pairs


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_tree_guides_stay_visible_in_16_colours(tmp_path: Path, theme: str) -> None:
    app = make_app(tmp_path, start_path="support/export")
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await settle(pilot)
        tree = app.screen.query_one(SectionTree)
        for focused in (True, False):
            if not focused:
                await pilot.press("tab")
                await settle(pilot)
            assert tree.has_focus is focused
            pairs = guide_colours(tree)
            assert pairs, "no guide lines drawn"
            assert all(fg != bg for fg, bg in pairs), (theme, focused, pairs)


def first_cells(facts: FactList) -> dict[int, str]:
    """The first cell of each fact's first line, by fact index."""
    cells: dict[int, str] = {}
    for y in range(facts.virtual_size.height):
        index = facts.fact_at(y)
        if index is not None and index not in cells:
            cells[index] = facts.render_line(y).text[0]
    return cells


async def test_without_colour_the_highlight_has_a_pointer_a_quote_has_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    pack = build_pack()
    quote = next(fact for fact in pack.facts if fact.kind is FactKind.QUOTE)
    others = [fact for fact in pack.facts if fact.section != quote.section][:3]
    app = MoscowApp(pack, state_path=tmp_path / "state.json", lang="en", start_path=quote.section)
    # The quote's section has one fact: give it company so the highlight can leave the quote.
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        facts = app.screen.query_one(FactList)
        facts.set_facts([quote, *others], "en")
        facts.focus()
        await settle(pilot)
        assert app.no_color
        assert first_cells(facts)[0] == POINTER
        await pilot.press("j")
        await settle(pilot)
        cells = first_cells(facts)
        assert cells[1] == POINTER
        assert cells[0] not in (POINTER, " "), "a quote keeps its bar"
        assert [cell for cell in cells.values() if cell == POINTER] == [POINTER]
        await pilot.press("shift+tab")
        await settle(pilot)
        assert POINTER not in first_cells(facts).values(), "no pointer when `c` copies the tree's"
