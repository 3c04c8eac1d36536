"""The one convention of every screen opened over the explorer: `Esc` goes back one level."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType

from tui.ui.screens.backdrop import BackdropScreen

ResultType = TypeVar("ResultType")


class BackScreen(BackdropScreen[ResultType]):
    """A screen over the explorer (detail, chart, sources, help) that `Esc` or `q` closes.

    Subclasses add their own bindings; `BINDINGS` of a subclass are merged with these, so the
    way back is the same everywhere. Override `action_back` to go somewhere other than the
    screen underneath (it dismisses with no result by default).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="back"),
    ]

    def action_back(self) -> None:
        self.dismiss()
