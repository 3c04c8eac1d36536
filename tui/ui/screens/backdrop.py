"""Screens drawn over the explorer with the screen behind showing through, tinted.

Textual draws a translucent screen's background by rendering every line of the screen behind
and tinting it, and does so each time the screen on top is laid out (several times while it
opens, and again on later layouts). The screen behind does not change while another is on top,
so its tinted lines are drawn once and shown again as drawn; the tint itself is worked out once
per style rather than once per piece of text (a screen has thousands of pieces of text in a few
dozen styles); and the relayout of the screens behind that Textual does as a screen opens, which
changes nothing they show, does not draw them a second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Self, TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.color import Color
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual, visualize
from textual.widget import Widget

from tui.ui.screens.opening import skip_first_relayout
from tui.ui.widgets.layout_sized import sized_by_layout

ResultType = TypeVar("ResultType")

# (tint, base style) → {(style of a piece of text behind, control) → the style drawn}: one
# entry per theme and translucent screen style, each with the few dozen styles of the explorer
# (a few hundred where widgets attach click data to their lines). Cleared whole past the caps.
TintTable = dict[tuple[RichStyle | None, bool], RichStyle]
_TINTS: dict[tuple[Color, RichStyle], TintTable] = {}
MAX_TINTS = 16
MAX_STYLES = 4096


def tinted_style(
    style: RichStyle | None, control: bool, color: Color, base: RichStyle
) -> RichStyle:
    """What Textual draws for a piece of text behind: tinted by `color`, over `base`.

    The same steps as Textual's own path (`BackgroundScreen.process_segments`, then the
    screen's base style under it, as `Widget.post_render` applies it), for one piece of text;
    a control code is not tinted.
    """
    if control:
        return base + style
    (tinted,) = BackgroundScreen.process_segments([Segment("", style)], color)
    return base + tinted.style


def tint_table(color: Color, base: RichStyle) -> TintTable:
    """The remembered styles for `color` over `base`, shared by every screen that uses them."""
    key = (color, base)
    table = _TINTS.get(key)
    if table is None or len(table) > MAX_STYLES:
        if len(_TINTS) >= MAX_TINTS:
            _TINTS.clear()
        table = _TINTS[key] = {}
    return table


class TintedScreen(BackgroundScreen):
    """The screen behind, tinted, with the tint of each style computed once and remembered."""

    def __init__(self, screen: BackgroundScreen, base: RichStyle) -> None:
        super().__init__(screen.screen, screen.color)
        self.base = base
        self.styles = tint_table(screen.color, base)

    def process_segments(  # type: ignore[override]  # an instance's remembered styles
        self, segments: Iterable[Segment], color: Color
    ) -> Iterator[Segment]:
        styles, base = self.styles, self.base
        for text, style, control in segments:
            key = (style, bool(control))
            final = styles.get(key)
            if final is None:
                final = styles[key] = tinted_style(style, bool(control), color, base)
            yield Segment(text, final)


class FrozenBackdrop(Visual):
    """The tinted screen behind, drawn once per size and then shown again as drawn.

    Textual draws a translucent screen's background by rendering every line of the screen
    behind and tinting it, and it does so each time the overlay is laid out (several times
    while it opens). The screen behind does not change while the overlay is up, so its
    lines are kept until the overlay is covered by another screen.
    """

    def __init__(self, overlay: Widget, behind: BackgroundScreen) -> None:
        self.overlay = overlay
        self.behind = behind
        self._visual = visualize(overlay, behind)  # measures, as Textual would
        self._strips: tuple[tuple[int, int | None], list[Strip]] | None = None

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        size = (width, height)
        if self._strips is None or self._strips[0] != size:
            self._strips = (size, self._draw(width, height, style))
        return self._strips[1]

    def _draw(self, width: int, height: int | None, style: VisualStyle) -> list[Strip]:
        """The lines Textual's `RichVisual` would draw for the screen behind, tinted."""
        app = self.overlay.app
        options = app.console_options.update(highlight=False, width=width, height=height)
        tinted = TintedScreen(self.behind, style.rich_style)
        segments = app.console.render(tinted, options.update_width(width))
        lines = Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
        return [Strip(line) for line in islice(lines, None, height)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self._visual.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._visual.get_height(rules, width)


class BackdropScreen(ModalScreen[ResultType]):
    """A modal screen whose translucent background (the screen behind) is drawn once."""

    _backdrop: FrozenBackdrop | None = None
    # Set by its first layout, which draws the whole screen anyway: no second drawing.
    virtual_size: Reactive[Size] = sized_by_layout()

    def render(self) -> Visual:  # type: ignore[override]  # Screen narrows it; any Visual is drawn
        """The screen behind, tinted; kept while this screen is on top (see FrozenBackdrop)."""
        if self._backdrop is not None:
            return self._backdrop
        behind = super().render()
        if not isinstance(behind, BackgroundScreen):
            return visualize(self, behind)  # an opaque background: nothing shows through
        self._backdrop = FrozenBackdrop(self, behind)
        return self._backdrop

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if regions:
            if self._opening:
                # As this screen opens, Textual lays out the screens behind again at the same
                # size (a screen's first resize does it) and passes on the regions of every
                # widget whose place was recomputed: they draw as they did, so the backdrop
                # drawn for the first frame stands.
                return self
            # Textual passes on the regions the screen behind repainted (a language switch
            # while this screen is up, say): draw it again.
            self._backdrop = None
        elif self._opening and self._backdrop is not None:
            # The first layout has drawn the whole screen, and Textual asks for all of it again
            # as the screen opens (when it resumes, and with a layout once its widgets are
            # mounted). A widget that changes repaints itself, and a layout what it moves.
            repaint = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    # Opening until the first layout's resize has been handled: Textual's own handler of that
    # resize, which runs before `on_resize`, is the one that lays out the screens behind.
    _opening = True
    _opened = False

    def on_resize(self, event: events.Resize) -> None:
        skip_first_relayout(self, event, first=not self._opened)
        if not self._opened:  # the first resize: this screen's first layout
            self._opened = self._opening = True
            self.call_after_refresh(self._open)

    def _open(self) -> None:
        self._opening = False

    def on_screen_suspend(self) -> None:
        self._backdrop = None  # the screen behind may change while another is on top
