"""The message shown instead of the layout when the terminal is too small for it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.pack.model import Lang
from tui.text.words import t

MIN_WIDTH = 60
MIN_HEIGHT = 15


class TooSmall(Static):
    """Says how big the terminal is and how big it needs to be."""

    def show_size(self, width: int, height: int, lang: Lang) -> None:
        message = t("too-small", lang, need_w=MIN_WIDTH, need_h=MIN_HEIGHT, w=width, h=height)
        self.update(Text(message))
