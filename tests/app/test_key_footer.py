"""The footer drawn as one line: the mouse, the look of its states, and no layout on focus moves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Static

from tui.ui.app import MoscowApp
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.key_footer import KeyFooter, Spot
from tui.ui.widgets.section_tree import SectionTree


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


def footer(app: App[Any]) -> KeyFooter:
    return app.screen.query_one(KeyFooter)


def spot_of(app: App[Any], key: str) -> Spot:
    return next(spot for spot in footer(app).spots if spot.item.key == key)


def background_at(app: App[Any], x: int) -> object:
    """The background drawn at cell `x` of the footer's line."""
    cells = 0
    for segment in footer(app).render_line(0):
        cells += segment.cell_length
        if x < cells:
            return None if segment.style is None else segment.style.bgcolor
    raise AssertionError(f"no cell {x} in the footer")


async def test_a_click_on_a_key_presses_it(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, SectionTree)
        await pilot.click(KeyFooter, offset=(spot_of(app, "tab").start + 1, 0))
        await settle(pilot)
        assert isinstance(app.focused, FactList)
        await pilot.click(KeyFooter, offset=(spot_of(app, "question_mark").end - 2, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_a_focus_move_repaints_the_footer_without_a_layout(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        key_footer = footer(app)
        before = key_footer.render_line(0).text
        refreshes: list[dict[str, Any]] = []
        refresh = key_footer.refresh

        def spy(*regions: Any, **options: Any) -> Any:
            refreshes.append(options)
            return refresh(*regions, **options)

        key_footer.refresh = spy  # type: ignore[method-assign]
        await pilot.press("tab")
        await settle(pilot)
        after = key_footer.render_line(0).text
        assert "Back" in after and "Back" not in before  # the list's keys are drawn
        assert refreshes and not any(options.get("layout") for options in refreshes)
        assert not key_footer.children  # one widget: nothing mounted, nothing to lay out
        assert len(after) == 80


async def test_the_pointer_over_a_key_highlights_it_and_shows_its_tooltip(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        palette = spot_of(app, app.COMMAND_PALETTE_BINDING)
        x = palette.start + 2
        plain, first_key = background_at(app, x), background_at(app, 1)
        await pilot.hover(KeyFooter, offset=(x, 0))
        await settle(pilot)
        assert background_at(app, x) != plain
        assert background_at(app, 1) == first_key  # the other keys as they were
        assert palette.item.tooltip and footer(app).tooltip == palette.item.tooltip
        await pilot.hover(SectionTree, offset=(2, 2))
        await settle(pilot)
        assert background_at(app, x) == plain
        assert footer(app).tooltip is None


async def test_a_theme_change_redraws_the_footer(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dark = background_at(app, 0)
        app.theme = "textual-light"
        await settle(pilot)
        assert background_at(app, 0) != dark


async def test_the_footer_is_hidden_when_the_terminal_is_too_small(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not footer(app).display


class Disabled(App[None]):
    """A footer with a key that does nothing here: drawn dim, and a click on it rings."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "thing", "Thing")]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self) -> None:
        super().__init__()
        self.rings = 0
        self.things = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyFooter(id="footer")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "thing" else True

    def action_thing(self) -> None:
        self.things += 1

    def bell(self) -> None:
        self.rings += 1


async def test_a_disabled_key_is_dim_and_a_click_on_it_rings() -> None:
    app = Disabled()
    async with app.run_test(size=(40, 5)) as pilot:
        await settle(pilot)
        assert footer(app).labels == ["x Thing"]
        styles = [segment.style for segment in footer(app).render_line(0) if segment.text.strip()]
        assert styles and all(style is not None and style.dim for style in styles)
        await pilot.click(KeyFooter, offset=(1, 0))
        await settle(pilot)
        assert (app.rings, app.things) == (1, 0)
