"""The right-hand panel: a section's title, summary, metric cards and facts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.format import format_value
from tui.i18n import t
from tui.model import Fact, Lang, Pack
from tui.widgets.fact_list import FactList
from tui.widgets.metric_card import MetricCard

HEADLINES_PER_CHILD = 2


def overview_widgets(pack: Pack, path: str, lang: Lang) -> list[Static]:
    """A group's children, each with its summary and headline figures (its first numeric facts)."""
    widgets: list[Static] = []
    for child in pack.children_of(path):
        widgets.append(Static(Text("▸ " + child.title.get(lang)), classes="overview-title"))
        widgets.append(Static(Text(child.summary.get(lang)), classes="overview-summary"))
        numeric = [fact for fact in pack.facts_in(child.path) if fact.is_numeric]
        for fact in numeric[:HEADLINES_PER_CHILD]:
            line = Text("• ")
            line.append(format_value(fact, lang), style="bold")
            line.append(" — ")
            line.append(fact.text.get(lang))
            widgets.append(Static(line, classes="overview-figure"))
    return widgets


class FactPanel(VerticalScroll, can_focus=False):
    """All about the section under the tree cursor; rebuilt when it or the language changes."""

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pack = pack
        self.path: str | None = None
        self.lang: Lang = "en"

    def compose(self) -> ComposeResult:
        if self.path is None or self.path not in self._pack.sections:
            return
        pack, lang = self._pack, self.lang
        section = pack.sections[self.path]
        yield Static(Text(section.title.get(lang)), id="panel-title")
        yield Static(Text(section.summary.get(lang)), id="panel-summary")
        if section.children:
            yield Static(Text(t("overview", lang)), classes="panel-heading")
            with Vertical(id="overview"):
                yield from overview_widgets(pack, section.path, lang)
        facts = pack.facts_in(section.path)
        numeric = [fact for fact in facts if fact.is_numeric]
        linked = {fact.series for fact in facts if fact.series}
        lone_series = [s for s in pack.series_in(section.path) if s.id not in linked]
        if numeric or lone_series:
            with Vertical(id="cards"):
                for fact in numeric:
                    yield MetricCard(pack, lang, fact=fact, id=f"card-{fact.id}")
                for series in lone_series:
                    yield MetricCard(pack, lang, series=series, id=f"series-{series.id}")
        yield Static(Text(t("facts", lang)), classes="panel-heading")
        yield FactList(pack, facts, lang, id="facts")

    @property
    def fact_list(self) -> FactList | None:
        lists = self.query(FactList)
        return lists.first() if lists else None

    async def show(self, path: str, lang: Lang, *, keep_position: bool = False) -> None:
        """Rebuild for `path` in `lang`; `keep_position` keeps the highlight and scroll."""
        old_list = self.fact_list
        highlighted = old_list.highlighted if old_list is not None else 0
        had_focus = old_list is not None and old_list.has_focus
        scroll_y = self.scroll_y
        self.path = path
        self.lang = lang
        await self.recompose()
        new_list = self.fact_list
        if keep_position:
            if new_list is not None:
                new_list.highlighted = highlighted
                if had_focus:
                    new_list.focus(scroll_visible=False)
            self.scroll_to(y=scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)

    def highlighted_fact(self) -> Fact | None:
        fact_list = self.fact_list
        return fact_list.highlighted_fact if fact_list is not None else None
