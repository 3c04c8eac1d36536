"""Screens drawn over the explorer with the screen behind showing through, tinted.

Textual draws a translucent screen's background by rendering every line of the screen behind
and tinting it, and does so each time the screen on top is laid out (several times while it
opens, and again on later layouts). The screen behind does not change while another is on top,
so its tinted lines are drawn once and shown again as drawn.
"""

from __future__ import annotations

from typing import Self, TypeVar

from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual, visualize

ResultType = TypeVar("ResultType")


class FrozenBackdrop(Visual):
    """The tinted screen behind, drawn once per size and then shown again as drawn.

    Textual draws a translucent screen's background by rendering every line of the screen
    behind and tinting it, and it does so each time the overlay is laid out (several times
    while it opens). The screen behind does not change while the overlay is up, so its
    lines are kept until the overlay is covered by another screen.
    """

    def __init__(self, behind: Visual) -> None:
        self.behind = behind
        self._strips: tuple[tuple[int, int | None], list[Strip]] | None = None

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        size = (width, height)
        if self._strips is None or self._strips[0] != size:
            self._strips = (size, self.behind.render_strips(width, height, style, options))
        return self._strips[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.behind.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.behind.get_height(rules, width)


class BackdropScreen(ModalScreen[ResultType]):
    """A modal screen whose translucent background (the screen behind) is drawn once."""

    _backdrop: FrozenBackdrop | None = None

    def render(self) -> Visual:  # type: ignore[override]  # Screen narrows it; any Visual is drawn
        """The screen behind, tinted; kept while this screen is on top (see FrozenBackdrop)."""
        if self._backdrop is None:
            self._backdrop = FrozenBackdrop(visualize(self, super().render()))
        return self._backdrop

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if regions:
            # Textual passes on the regions the screen behind repainted (a language switch
            # while this screen is up, say): draw it again.
            self._backdrop = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def on_screen_suspend(self) -> None:
        self._backdrop = None  # the screen behind may change while another is on top
