"""`S`: every source and how much cites it; `Enter` lists what cites one and goes to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Static

from tui.pack.model import Lang, Pack, Source
from tui.text.dates import source_date
from tui.text.units import format_point_value
from tui.text.words import t
from tui.ui import links
from tui.ui.screens.base import BackScreen
from tui.ui.widgets.entry_list import EntryList
from tui.ui.widgets.layout_sized import sized_by_layout

MODAL_BINDINGS: list[BindingType] = [
    Binding("o", "open_url", "Open URL", id="open-url"),
    Binding("y", "copy_url", "Copy URL", id="copy-url"),
    # A modal screen hides the app's bindings: the language key is repeated here.
    Binding("L", "app.toggle_lang", "Language", show=False, id="lang"),
]


class EvidenceBox(Vertical):
    """The box of a list screen, sized by the layout alone (see `sized_by_layout`)."""

    virtual_size: Reactive[Size] = sized_by_layout()


class EvidenceText(Static):
    """A list screen's title or keys line, sized by the layout alone."""

    virtual_size: Reactive[Size] = sized_by_layout()


class ListScreen(BackScreen[None]):
    """A modal screen around one list of entries, moved with the arrows or j/k/g/G.

    Its parts are `#PREFIX-box`, `#PREFIX-title`, `#PREFIX-list` and `#PREFIX-keys`; a subclass
    fills them in `_fill`, again whenever the language changes.
    """

    BINDINGS: ClassVar[list[BindingType]] = MODAL_BINDINGS
    PREFIX: ClassVar[str]

    def __init__(self, pack: Pack, lang: Lang) -> None:
        super().__init__(id=f"{self.PREFIX}-screen")
        self.pack = pack
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with EvidenceBox(id=f"{self.PREFIX}-box"):
            yield EvidenceText(id=f"{self.PREFIX}-title", classes="evidence-title")
            yield EntryList(id=f"{self.PREFIX}-list")
            yield EvidenceText(id=f"{self.PREFIX}-keys", classes="evidence-keys")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._set_lang, init=False)
        self._fill()
        self.query_one(EntryList).focus()

    def _set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self._fill()

    def _fill(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Citation:
    """A fact or a series point that cites a source, and where the main screen shows it."""

    label: Text
    path: str
    fact_id: str | None


def citation_counts(pack: Pack) -> dict[str, tuple[int, int]]:
    """Source id → (facts citing it, series points citing it).

    The facts are counted once per pack (`Pack.facts_citing`): a hundred thousand facts would
    otherwise be walked on every opening; the series points are few.
    """
    points: dict[str, int] = {}
    for series in pack.series.values():
        for point in series.points:
            points[point.source] = points.get(point.source, 0) + 1
    return {key: (pack.facts_citing(key), points.get(key, 0)) for key in pack.sources}


def citations_of(pack: Pack, source_id: str, lang: Lang) -> list[Citation]:
    """The facts, then the series points, that cite `source_id`, in pack order."""
    found: list[Citation] = []
    for fact in pack.facts:
        if fact.source == source_id:
            label = Text()
            label.append(f"{t('search.fact', lang)} · ", style="dim")
            label.append(pack.sections[fact.section].title.get(lang), style="bold")
            label.append(f": {fact.text.get(lang)}")
            found.append(Citation(label, fact.section, fact.id))
    for series in pack.series.values():
        cited = [point for point in series.points if point.source == source_id]
        if not cited:
            continue
        # The fact that shows this series, looked for only when one of its points is listed.
        linked = next((fact.id for fact in pack.facts if fact.series == series.id), None)
        for point in cited:
            label = Text()
            label.append(f"{t('cites.point', lang)} · ", style="dim")
            label.append(series.title.get(lang), style="bold")
            value = format_point_value(point.value, series.unit, point.qualifier, lang)
            label.append(f", {point.year}: {value}")
            found.append(Citation(label, series.section, linked))
    return found


def source_label(source: Source, counts: tuple[int, int], lang: Lang) -> Text:
    """Publisher, date and counts; the title; the URL (or that there is none)."""
    text = Text()
    text.append(source.publisher, style="bold")
    text.append(f" · {source_date(source, lang)} · ")
    text.append(t("sources.counts", lang, facts=counts[0], points=counts[1]), style="dim")
    text.append("\n")
    text.append(source.title, style="italic")
    text.append("\n")
    if source.url:
        text.append(source.url, style="underline")
    else:
        text.append(t("detail.no-url", lang), style="dim italic")
    return text


class SourcesScreen(ListScreen):
    """All sources of the pack; `Enter` lists what cites the highlighted one."""

    PREFIX = "sources"

    def __init__(self, pack: Pack, lang: Lang) -> None:
        super().__init__(pack, lang)
        self._ids = list(pack.sources)

    def _fill(self) -> None:
        lang = self.lang
        counts = citation_counts(self.pack)
        entries = self.query_one(EntryList)
        entries.set_entries(
            [source_label(self.pack.sources[key], counts[key], lang) for key in self._ids],
            highlighted=entries.highlighted,
        )
        title = t("sources.title", lang, count=len(self._ids))
        self.query_one("#sources-title", Static).update(Text(title))
        self.query_one("#sources-keys", Static).update(Text(t("sources.keys", lang)))

    @property
    def highlighted_source(self) -> Source | None:
        index = self.query_one(EntryList).highlighted
        return None if index is None else self.pack.sources[self._ids[index]]

    def on_entry_list_chosen(self, event: EntryList.Chosen) -> None:
        event.stop()
        source = self.highlighted_source
        if source is not None:
            self.app.push_screen(CitesScreen(self.pack, source, self.lang))

    def action_open_url(self) -> None:
        source = self.highlighted_source
        links.open_url(self, source.url if source else None, self.lang)

    def action_copy_url(self) -> None:
        source = self.highlighted_source
        links.copy_url(self, source.url if source else None, self.lang)


class CitesScreen(ListScreen):
    """What cites one source; `Enter` goes to it on the main screen."""

    PREFIX = "cites"

    def __init__(self, pack: Pack, source: Source, lang: Lang) -> None:
        super().__init__(pack, lang)
        self.source = source
        self.citations: list[Citation] = []

    def _fill(self) -> None:
        lang = self.lang
        self.citations = citations_of(self.pack, self.source.id, lang)
        self.query_one(EntryList).set_entries([citation.label for citation in self.citations])
        title = Text()
        title.append(f"{t('sources.cites', lang)}: ", style="bold")
        title.append(f"{self.source.publisher}, {source_date(self.source, lang)}")
        if not self.citations:
            title.append(f"\n{t('cites.none', lang)}", style="dim")
        self.query_one("#cites-title", Static).update(title)
        self.query_one("#cites-keys", Static).update(Text(t("cites.keys", lang)))

    def on_entry_list_chosen(self, event: EntryList.Chosen) -> None:
        event.stop()
        citation = self.citations[event.index]
        main = getattr(self.app, "main_screen", None)
        if main is not None:
            main.post_message(main.ShowFact(citation.path, citation.fact_id))

    def action_open_url(self) -> None:
        links.open_url(self, self.source.url, self.lang)

    def action_copy_url(self) -> None:
        links.copy_url(self, self.source.url, self.lang)
