"""The footer of keys: one line drawn here, so that a change of keys is a repaint, not a layout.

Textual's Footer is a container of one widget per key. Every move of focus changes the keys it
shows, and changing them (or only their words) made Textual lay the whole screen out again: at
100,000 facts that was a fifth of Tab. This footer draws the same line itself, key by key, in
the same colours and with the same padding as Footer and its FooterKey, and answers the mouse
the same way: a click presses the key, the pointer over a key highlights it and shows its tooltip.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

# Cells around a key's name (each side) and after its words, as FooterKey pads them.
KEY_PADDING = 1
DESCRIPTION_PADDING = 1
# Cells an item takes beside its key and words (footer_keys counts the room with it).
ITEM_EXTRA = 2 * KEY_PADDING + DESCRIPTION_PADDING
# The command palette's key: a left border before it and one cell of padding after it.
PALETTE_BORDER = "▏"
PALETTE_PADDING = 1

ITEM = "key-footer--item"
HOVER = "key-footer--hover"
KEY = "key-footer--key"
DESCRIPTION = "key-footer--description"
BORDER = "key-footer--palette-border"


class Item(NamedTuple):
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str


class Spot(NamedTuple):
    """Where an item is drawn: cells `start` to `end` (excluded) of the line."""

    start: int
    end: int
    item: Item


def item_width(item: Item) -> int:
    """The cells `item` takes, as FooterKey draws it (no padding when it has no words)."""
    if not item.description:
        return cell_len(item.key_display)
    return cell_len(item.key_display) + cell_len(item.description) + ITEM_EXTRA


def palette_width(item: Item) -> int:
    """The cells the palette's key takes: FooterKey draws it compact (no padding round the key,
    one space before the words), with a border before it and padding after it."""
    words = cell_len(item.description) + 1 if item.description else 0
    return cell_len(PALETTE_BORDER) + cell_len(item.key_display) + words + PALETTE_PADDING


def spots(items: tuple[Item, ...], palette: Item | None, width: int) -> list[Spot]:
    """Where each item is drawn on a line `width` cells wide: the keys from the left, the
    palette's key at the right end (over the keys, as Footer docks it)."""
    placed: list[Spot] = []
    x = 0
    for item in items:
        end = x + item_width(item)
        placed.append(Spot(x, end, item))
        x = end
    if palette is not None:
        placed.append(Spot(max(0, width - palette_width(palette)), width, palette))
    return placed


class KeyFooter(Widget, can_focus=False):
    """The keys that work where the focus is, one line at the bottom of the screen.

    It reads `screen.active_bindings` (shown ones only, one per action) when the screen says
    its bindings changed, and repaints its one line when the keys are not the same; the line
    is kept until the keys, the width, the key under the mouse or the styles change.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {ITEM, HOVER, KEY, DESCRIPTION, BORDER}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--item {
            background: $footer-item-background;
        }
        & > .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--palette-border {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = True
        self._keys: tuple[Item, ...] = ()
        self._palette: Item | None = None
        self._hover: int | None = None
        self._line: tuple[tuple[object, ...], Strip] | None = None
        self._styles: dict[tuple[str, ...], Style] = {}

    # What it shows ---------------------------------------------------------------------------

    @property
    def items(self) -> tuple[Item, ...]:
        """The items drawn, left to right, the palette's key last."""
        return self._keys if self._palette is None else (*self._keys, self._palette)

    @property
    def spots(self) -> list[Spot]:
        """Where each item is drawn on the line, left to right."""
        return spots(self._keys, self._palette, self.size.width)

    @property
    def labels(self) -> list[str]:
        """What each item reads, its key and its words: `tab Facts`, `^p Commands`."""
        return [" ".join(filter(None, (item.key_display, item.description))) for item in self.items]

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Take `screen`'s keys; only a repaint, and only when they are not the ones shown."""
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        keys, palette = self._items(screen)
        if keys != self._keys or palette != self._palette:
            self._keys, self._palette = keys, palette
            self._set_hover(None)
            self.refresh()

    def _items(self, screen: Screen[object]) -> tuple[tuple[Item, ...], Item | None]:
        """The keys Footer.compose would show, one per action, and the palette's key."""
        active = screen.active_bindings
        app = self.app

        def item(binding: Binding, enabled: bool, tooltip: str) -> Item:
            display, words = app.get_key_display(binding), binding.description
            return Item(binding.key, display, words, binding.action, not enabled, tooltip)

        items: dict[str, Item] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in items:
                items[binding.action] = item(binding, enabled, tooltip)
        palette: Item | None = None
        entry = active.get(app.COMMAND_PALETTE_BINDING)
        if entry is not None and self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, _ = entry
            palette = item(binding, enabled, binding.tooltip or binding.description)
        return tuple(items.values()), palette

    # The mouse -------------------------------------------------------------------------------

    def _spot_at(self, x: int) -> int | None:
        """The index of the item drawn at cell `x`, the palette's key first (it is on top)."""
        placed = self.spots
        for index in reversed(range(len(placed))):
            if placed[index].start <= x < placed[index].end:
                return index
        return None

    def _set_hover(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        item = None if index is None else self.items[index]
        self.tooltip = None if item is None or not item.tooltip else item.tooltip
        self.styles.pointer = "default" if item is None else "pointer"
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._spot_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it, as on FooterKey; a key that does nothing here rings."""
        index = self._spot_at(event.x)
        if index is None:
            return
        item = self.items[index]
        if item.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(item.key)

    # Drawing ---------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line = None
        self._styles.clear()

    def _style(self, *layers: str) -> Style:
        """The footer's style with the component `layers` over it, kept until the styles
        change: a dozen styles make every line, and working one out walks the whole DOM."""
        style = self._styles.get(layers)
        if style is None:
            style = self._styles[layers] = self._blend(layers)
        return style

    def _blend(self, layers: tuple[str, ...]) -> Style:
        """The footer's style with the component `layers` over it, blended as Textual blends
        a widget's background over its parent's (a component's colour may be translucent)."""
        background = self.background_colors[1]
        color = self.styles.color
        text_style = Style()
        for name in layers:
            styles = self.get_component_styles(name)
            if styles.has_rule("background"):
                background += styles.background
            if styles.has_rule("color"):
                color = styles.color
            text_style += styles.text_style
        colors = Style.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )
        return self.rich_style + text_style + colors

    def _item_segments(self, item: Item, hover: bool, palette: bool) -> list[Segment]:
        """One item as FooterKey draws it: the key padded, then its words and a space; the
        palette's key compact (its words after a space) between its border and its padding."""
        under = (ITEM, HOVER) if hover else (ITEM,)
        dim = Style(dim=True if item.disabled else None)
        key_style = self._style(*under, KEY) + dim
        words_style = self._style(*under, DESCRIPTION) + dim
        segments: list[Segment] = []
        if palette:  # its colour is translucent: `_style` blends it over the item's background
            segments.append(Segment(PALETTE_BORDER, self._style(*under, BORDER) + dim))
        if not item.description:
            segments.append(Segment(item.key_display, key_style))
        elif palette:
            segments.append(Segment(item.key_display, key_style))
            segments.append(Segment(" " + item.description, words_style))
        else:
            pad = " " * KEY_PADDING
            segments.append(Segment(f"{pad}{item.key_display}{pad}", key_style))
            segments.append(Segment(item.description + " " * DESCRIPTION_PADDING, words_style))
        if palette:
            padding = Style(bgcolor=self._style(*under).bgcolor) + dim
            segments.append(Segment(" " * PALETTE_PADDING, padding))
        return segments

    def _draw(self, width: int) -> Strip:
        # Blank cells have a background only, as Textual draws a widget's blank cells.
        bar = Style(bgcolor=self._style().bgcolor)
        line: list[Segment] = []
        placed = self.spots
        has_palette = self._palette is not None
        keys = placed[:-1] if has_palette else placed
        for index, spot in enumerate(keys):
            line.extend(self._item_segments(spot.item, index == self._hover, palette=False))
        if not has_palette:
            return Strip(line).adjust_cell_length(width, bar)
        palette_spot = placed[-1]
        left = Strip(line).adjust_cell_length(palette_spot.start, bar)
        hover = self._hover == len(placed) - 1
        right = Strip(self._item_segments(palette_spot.item, hover, palette=True))
        right = right.crop(0, palette_spot.end - palette_spot.start)
        return Strip.join([left, right]).adjust_cell_length(width, bar)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        key = (self._keys, self._palette, width, self._hover)  # the styles: notify_style_update
        if self._line is None or self._line[0] != key:
            self._line = (key, self._draw(width))
        return self._line[1]
