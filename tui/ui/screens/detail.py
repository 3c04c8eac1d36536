"""A fact's detail (`Enter` on a fact): its value in words, its notes and its source, in full.

A derived fact has no publisher: the detail says moscow-tui computed it, from which facts (each
with its own source) and by which rule. A source without a URL says so, with its note, and the
pages of the same day that have a URL are listed as "also reported by".
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.pack.model import Fact, FactKind, Lang, Pack, Qualifier, Source
from tui.text.citations import citation_line, fact_by_id
from tui.text.dates import source_date
from tui.text.units import format_point_value
from tui.text.words import KIND_LABELS, language_name, qualifier_words, t
from tui.ui import links
from tui.ui.screens.base import BackScreen


def value_in_words(fact: Fact, lang: Lang) -> str:
    """ "more than 90 000 jobs" / "около 75 000 специалистов"; "" without a number."""
    if fact.value is None:
        return ""
    qualifier = fact.qualifier or Qualifier.EXACTLY
    number = format_point_value(fact.value, fact.unit or "", Qualifier.EXACTLY, lang)
    if qualifier is Qualifier.EXACTLY:
        return number
    return f"{qualifier_words(qualifier, lang)} {number}"


def same_day_reports(pack: Pack, source: Source) -> list[Source]:
    """Other pages of the same day with a URL, where a reader can check a source we cannot link.

    Listed only for a source dated to the day and without a URL of its own.
    """
    if source.url or source.date is None or source.date_precision != "day":
        return []
    return [
        other
        for other in pack.sources.values()
        if other.id != source.id
        and other.url
        and other.date == source.date
        and other.date_precision == "day"
    ]


def _field(text: Text, label: str, value: str, style: str = "") -> None:
    text.append(f"{label}: ", style="bold")
    text.append(value, style=style)
    text.append("\n")


def source_block(pack: Pack, source: Source, lang: Lang, *, heading: bool = True) -> Text:
    """Publisher, title, date at its precision, language, URL (or why there is none)."""
    text = Text()
    if heading:
        text.append(f"\n{t('detail.source', lang)}\n", style="bold underline")
    _field(text, t("detail.publisher", lang), source.publisher)
    _field(text, t("detail.title", lang), source.title)
    _field(text, t("detail.date", lang), source_date(source, lang))
    _field(text, t("detail.language", lang), language_name(source.language, lang))
    if source.url:
        _field(text, t("detail.url", lang), source.url, "underline")
    else:
        _field(text, t("detail.url", lang), t("detail.no-url", lang), "italic")
    if source.note is not None:
        _field(text, t("detail.source-note", lang), source.note.get(lang), "italic")
    others = same_day_reports(pack, source)
    if others:
        text.append(f"{t('detail.also', lang)}:\n", style="bold")
        for other in others:
            text.append(f"  • {other.publisher}: {other.title}\n")
            text.append(f"    {other.url}\n", style="underline")
    return text


def _derived_block(pack: Pack, fact: Fact, lang: Lang) -> Text:
    text = Text()
    text.append(f"\n{t('computed', lang)}\n", style="bold")
    if fact.derivation is not None:
        _field(text, t("detail.rule", lang), fact.derivation.get(lang))
    if fact.inputs:
        text.append(f"{t('detail.inputs', lang)}:\n", style="bold")
    for input_id in fact.inputs:
        used = fact_by_id(pack, input_id)  # indexed once per pack, not on every opening
        if used is None:
            text.append(f"  • {t('detail.missing-input', lang, id=input_id)}\n")
            continue
        line = f"  • {used.text.get(lang)}"
        value = value_in_words(used, lang)
        text.append(line + (f" ({value})" if value else "") + "\n")
        source = pack.source_of(used)
        if source is not None:
            text.append(f"    {citation_line(source, lang)}", style="dim")
            text.append(f" {source.url}\n" if source.url else "\n", style="dim underline")
    return text


def _year_line(fact: Fact, lang: Lang) -> str | None:
    if fact.year is None:
        return None
    if fact.kind is FactKind.TARGET:
        timing = t(f"detail.timing.{fact.timing}", lang)
        return t("detail.year-target", lang, year=fact.year, timing=timing)
    return str(fact.year)


def detail_text(pack: Pack, fact: Fact, lang: Lang) -> Text:
    """Everything known about `fact`, as plain Text (content is never read as markup)."""
    text = Text()
    text.append(fact.text.get(lang), style="bold")
    text.append("\n\n")
    kind = KIND_LABELS[fact.kind].get(lang)
    _field(text, t("detail.kind", lang), f"{kind} — {t('kind.' + fact.kind.value, lang)}")
    value = value_in_words(fact, lang)
    if value:
        _field(text, t("detail.value", lang), value, "bold")
    year = _year_line(fact, lang)
    if year is not None:
        _field(text, t("detail.year", lang), year)
    if fact.since is not None:
        _field(text, t("detail.since", lang), str(fact.since))
    if fact.quote is not None:
        _field(text, t("detail.quote", lang), f"«{fact.quote.original}»", "italic")
        if lang != "ru":
            _field(text, t("detail.translation", lang), f"“{fact.quote.translation}”")
        _field(text, t("detail.speaker", lang), fact.quote.speaker.get(lang))
    if fact.note is not None:
        _field(text, t("detail.note", lang), fact.note.get(lang))
    if fact.evidence:
        text.append(t("detail.evidence", lang, quote=fact.evidence), style="italic")
        text.append("\n")
    if fact.series and fact.series in pack.series:
        text.append(t("detail.series", lang, title=pack.series[fact.series].title.get(lang)))
        text.append("\n")
    source = pack.source_of(fact)
    if fact.kind is FactKind.DERIVED or source is None:
        text.append_text(_derived_block(pack, fact, lang))
    if source is not None:
        text.append_text(source_block(pack, source, lang))
    return text


class DetailScreen(BackScreen[None]):
    """The detail of one fact; `o`/`y` open or copy its source's URL, `Esc` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_url", "Open URL", id="open-url"),
        Binding("y", "copy_url", "Copy URL", id="copy-url"),
        Binding("v", "chart", "Chart", id="chart"),
        # A modal screen hides the app's bindings: the language key is repeated here.
        Binding("L", "app.toggle_lang", "Language", show=False, id="lang"),
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
    ]

    def __init__(self, pack: Pack, fact: Fact, lang: Lang) -> None:
        super().__init__(id="detail-screen")
        self.pack = pack
        self.fact = fact
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-box"):
            with VerticalScroll(id="detail-scroll"):
                yield Static(id="detail-text")
            yield Static(id="detail-keys")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._set_lang, init=False)
        self._fill()

    def _set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self._fill()

    def _fill(self) -> None:
        self.query_one("#detail-text", Static).update(detail_text(self.pack, self.fact, self.lang))
        self.query_one("#detail-keys", Static).update(Text(t("detail.keys", self.lang)))

    @property
    def url(self) -> str | None:
        return links.fact_url(self.pack, self.fact)[1]

    def action_open_url(self) -> None:
        links.open_url(self, self.url, self.lang)

    def action_copy_url(self) -> None:
        links.copy_url(self, self.url, self.lang)

    def action_chart(self) -> None:
        main = getattr(self.app, "main_screen", None)
        if main is not None:
            main.open_chart_for(self.fact)

    def action_scroll(self, step: int) -> None:
        self.query_one("#detail-scroll", VerticalScroll).scroll_relative(y=step, animate=False)
