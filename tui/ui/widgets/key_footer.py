"""The footer of keys, rebuilt only when the keys it shows change, and refilled when it can."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol, cast

from textual.app import ComposeResult
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from tui.ui.widgets.layout_sized import sized_by_layout

PALETTE_CLASS = "-command-palette"  # Footer's class for the command palette's key
DISABLED_CLASS = "-disabled"  # FooterKey's class for a key that does nothing here


class FooterKeyWords(Protocol):
    """The public attributes of Textual's FooterKey (a class it does not export) read on draw."""

    key: str
    key_display: str
    description: str
    action: str


class Item(NamedTuple):
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str


# Footer's key class, by name: Textual does not export it.
KEY_CLASS_NAME = "FooterKey"
# FooterKey's own signature (key, key_display, description, action, ...), not Widget's.
_steady_classes: dict[type[Widget], Callable[..., Widget]] = {}


def steady_key(key: Widget) -> Widget:
    """`key`, a FooterKey as Footer.compose made it, made again as one that asks for no second
    layout when its size changes (see sized_by_layout): the keys change on each move of focus,
    and that second pass over the whole screen cost a fifth of a Tab."""
    key_class = type(key)
    steady = _steady_classes.get(key_class)
    if steady is None:
        steady = type(key_class.__name__, (key_class,), {"virtual_size": sized_by_layout()})
        _steady_classes[key_class] = steady
    words = cast(FooterKeyWords, key)
    tooltip = key.tooltip
    made = steady(
        words.key,
        words.key_display,
        words.description,
        words.action,
        disabled=key.has_class(DISABLED_CLASS),
        tooltip="" if tooltip is None else str(tooltip),
        classes=" ".join(sorted(key.classes - {DISABLED_CLASS})),
    )
    if not key.has_class(PALETTE_CLASS):
        made.data_bind(compact=Footer.compact)  # as Footer.compose binds its keys
    return made


class KeyFooter(Footer):
    """Textual's Footer, minus the rebuild on every focus change.

    Footer recomposes all its keys whenever the screen's bindings are updated, which happens on
    each move of focus (Tab between the tree and the fact list) even when the keys shown stay
    the same; that rebuild was most of the cost of those keys. When the keys do change but
    their number does not (the tree's keys and the fact list's), the keys already mounted are
    given their new words instead: mounting a dozen widgets cost more than the rest of Tab.
    """

    virtual_size: Reactive[Size] = sized_by_layout()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield steady_key(widget) if type(widget).__name__ == KEY_CLASS_NAME else widget

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
            refilled = self._shown is not None and self._refill(screen)
            self._shown = signature
            if refilled:
                return
        super().bindings_changed(screen)

    def _items(self, screen: Screen[object]) -> tuple[list[Item], Item | None] | None:
        """The keys Footer.compose would show, one per action, and the palette's key; None
        when some are grouped (Footer draws groups with other widgets)."""
        active = screen.active_bindings
        items: dict[str, Item] = {}
        for _, binding, enabled, tooltip in active.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            if binding.action not in items:
                display = self.app.get_key_display(binding)
                items[binding.action] = Item(
                    binding.key, display, binding.description, binding.action, not enabled, tooltip
                )
        palette: Item | None = None
        entry = active.get(self.app.COMMAND_PALETTE_BINDING)
        if entry is not None and self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, _ = entry
            palette = Item(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                not enabled,
                binding.tooltip or binding.description,
            )
        return list(items.values()), palette

    def _refill(self, screen: Screen[object]) -> bool:
        """Give the mounted keys the words of `screen`'s keys; False when they do not fit
        (another number of keys, groups, a key enabled or disabled), so Footer rebuilds."""
        wanted = self._items(screen)
        if wanted is None:
            return False
        items, palette = wanted
        keys = list(self.query_children("FooterKey"))
        plain = [key for key in keys if not key.has_class(PALETTE_CLASS)]
        palettes = [key for key in keys if key.has_class(PALETTE_CLASS)]
        if len(plain) != len(keys) - len(palettes) or len(plain) != len(items):
            return False
        if len(palettes) != (palette is not None):
            return False
        pairs = list(zip(plain, items, strict=True))
        if palette is not None:
            pairs.append((palettes[0], palette))
        if any(key.has_class(DISABLED_CLASS) != item.disabled for key, item in pairs):
            return False
        for widget, item in pairs:
            words = cast(FooterKeyWords, widget)
            words.key, words.key_display = item.key, item.key_display
            words.description, words.action = item.description, item.action
            widget.tooltip = item.tooltip or None
            widget.refresh(layout=True)
        return True
