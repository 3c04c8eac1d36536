"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, minus the rebuild on every focus change.

    Footer recomposes all its keys whenever the screen's bindings are updated, which happens on
    each move of focus (Tab between the tree and the fact list) even when the keys shown stay
    the same; that rebuild was most of the cost of those keys.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[object, ...] | None = None

    def _signature(self, screen: Screen[object]) -> tuple[object, ...]:
        """What the footer would show for `screen`: the keys, their labels and their state."""
        active = screen.active_bindings
        shown = tuple(
            (binding, enabled, tooltip, self.app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return (*shown, None if palette is None else palette[1:])

    def bindings_changed(self, screen: Screen[object]) -> None:
        # `_shown` is set only just before Footer builds its keys, so an equal signature means
        # the keys on screen are already these.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            signature = self._signature(screen)
            if signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)
