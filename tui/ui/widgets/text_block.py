"""A widget drawn from lines of wrapped text, cached per width: the base of cards and overviews."""

from __future__ import annotations

from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from tui.ui.widgets.layout_sized import sized_by_layout


class TextBlock(Widget):
    """Draws the strips `render_strips` returns, remade only when the width, style or data change.

    One such widget stands where a dozen Statics would, so a panel refilled on every tree move
    mounts and lays out nothing new.
    """

    DEFAULT_CSS = """
    TextBlock {
        height: auto;
    }
    """

    _cached_lines: tuple[int, list[Strip]] | None = None
    virtual_size: Reactive[Size] = sized_by_layout()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._component_looks: dict[tuple[str, str], RichStyle] = {}

    def render_strips(self, width: int) -> list[Strip]:
        """All lines of the widget at `width`."""
        raise NotImplementedError

    def invalidate(self) -> None:
        """The data changed: draw again, and lay out again since the height may change."""
        self._cached_lines = None
        self.refresh(layout=True)

    def fill(self) -> RichStyle:
        """The background only, for padding cells (as a widget's own padding would be)."""
        return RichStyle(bgcolor=self.visual_style.rich_style.bgcolor)

    def component_style(self, name: str) -> RichStyle:
        """The look of component `name`, looked up once until the styles or the theme change.

        Textual works it out anew on each call, walking the ancestors' backgrounds; a card
        asks for its few components on every line it wraps.
        """
        key = (name, self.app.theme)
        style = self._component_looks.get(key)
        if style is None:
            style = self._component_looks[key] = self.get_component_rich_style(name)
        return style

    def wrapped(self, text: Text, width: int, component: str | None = None) -> list[Strip]:
        """`text` wrapped to `width` in the look of `component` (else the widget's own)."""
        if component is None:
            style = self.visual_style
        else:
            style = Style.from_rich_style(self.component_style(component))
        fill = self.fill()
        content = Content.from_rich_text(text)
        return [
            line.adjust_cell_length(width, fill)
            for line in Visual.to_strips(self, content, width, None, style)
        ]

    def _lines_for(self, width: int) -> list[Strip]:
        if self._cached_lines is None or self._cached_lines[0] != width:
            self._cached_lines = (width, self.render_strips(width))
        return self._cached_lines[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cached_lines = None
        self._component_looks.clear()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines_for(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._lines_for(width)
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.visual_style.rich_style)
