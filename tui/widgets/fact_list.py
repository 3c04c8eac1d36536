"""The facts of a section as a list the reader moves through with ↑/↓ or j/k."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.format import KIND_LABELS, citation_line, format_value
from tui.i18n import t
from tui.model import Fact, FactKind, Lang, Pack


def fact_text(pack: Pack, fact: Fact, lang: Lang) -> Text:
    """A fact as a reader sees it in the list, built as plain Text (content is never markup)."""
    text = Text()
    text.append(fact.text.get(lang), style="bold")
    text.append(f"  [{KIND_LABELS[fact.kind].get(lang)}]", style="dim")
    if fact.is_numeric:
        text.append("\n")
        text.append(format_value(fact, lang), style="bold")
    if fact.quote is not None:
        text.append("\n«")
        text.append(fact.quote.original, style="italic")
        text.append("»\n")
        text.append(t("translation", lang), style="dim")
        text.append(f"“{fact.quote.translation}”")
        text.append("\n")
        text.append(t("speaker", lang) + fact.quote.speaker.get(lang))
    if fact.kind is FactKind.DERIVED and fact.derivation is not None:
        text.append("\n")
        text.append(t("derived-from", lang), style="bold")
        text.append(fact.derivation.get(lang))
    if fact.note is not None:
        text.append("\n")
        text.append(t("note", lang), style="dim")
        text.append(fact.note.get(lang), style="dim")
    text.append("\n")
    text.append(citation_line(pack.source_of(fact), lang), style="dim")
    return text


class FactItem(Static):
    """One fact of the list; its classes mark quotes and derived figures for the stylesheet."""

    def __init__(self, pack: Pack, fact: Fact, lang: Lang, index: int) -> None:
        super().__init__(fact_text(pack, fact, lang), classes=f"fact-item -{fact.kind.value}")
        self.fact = fact
        self.index = index

    def on_click(self, event: events.Click) -> None:
        parent = self.parent
        if isinstance(parent, FactList):
            parent.highlighted = self.index
            parent.focus()


class FactList(Vertical, can_focus=True):
    """A focusable list of facts; the highlighted one is what `c` copies."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Previous fact", show=False, id="facts.up"),
        Binding("down,j", "move(1)", "Next fact", show=False, id="facts.down"),
        Binding("g,home", "first", "First fact", show=False, id="facts.first"),
        Binding("G,end", "last", "Last fact", show=False, id="facts.last"),
    ]

    highlighted: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The highlighted fact changed."""

        def __init__(self, fact: Fact) -> None:
            super().__init__()
            self.fact = fact

    def __init__(self, pack: Pack, facts: list[Fact], lang: Lang, *, id: str | None = None):
        super().__init__(id=id)
        self._pack = pack
        self.facts = facts
        self._lang = lang

    def compose(self) -> ComposeResult:
        if not self.facts:
            yield Static(t("no-facts", self._lang), classes="fact-empty")
        for index, fact in enumerate(self.facts):
            yield FactItem(self._pack, fact, self._lang, index)

    def on_mount(self) -> None:
        self._mark(self.highlighted)

    @property
    def highlighted_fact(self) -> Fact | None:
        if 0 <= self.highlighted < len(self.facts):
            return self.facts[self.highlighted]
        return None

    def highlight_fact(self, fact_id: str) -> bool:
        """Highlight the fact with `fact_id`; False when it is not in this list."""
        for index, fact in enumerate(self.facts):
            if fact.id == fact_id:
                self.highlighted = index
                return True
        return False

    def validate_highlighted(self, value: int) -> int:
        return max(0, min(value, len(self.facts) - 1)) if self.facts else 0

    def watch_highlighted(self, value: int) -> None:
        self._mark(value)
        fact = self.highlighted_fact
        if fact is not None:
            self.post_message(self.Highlighted(fact))

    def _mark(self, value: int) -> None:
        for item in self.query(FactItem):
            item.set_class(item.index == value, "-highlight")
            if item.index == value and self.has_focus:
                item.scroll_visible(animate=False)

    def on_focus(self) -> None:
        self._mark(self.highlighted)

    def action_move(self, step: int) -> None:
        if step < 0 and self.highlighted == 0 and isinstance(self.parent, ScrollableContainer):
            # Above the first fact: show the top of the panel (title and cards) again.
            self.parent.scroll_home(animate=False)
            return
        self.highlighted += step
        self._mark(self.highlighted)

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.facts) - 1
