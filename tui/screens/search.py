"""Fuzzy search over every section and fact, in both languages, and the modal that shows it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.model import Lang, Pack

# Longer candidates are cut before matching: the fuzzy matcher's cost grows with length, and
# content may hold lines of any size.
MATCH_CHARS = 300
SHOWN_CHARS = 90
MAX_HITS = 40


@dataclass(frozen=True)
class SearchEntry:
    """One section or fact and the texts, in both languages, that find it."""

    path: str
    fact_id: str | None
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class SearchHit:
    """A scored entry, with the candidate that matched best and where it matched."""

    entry: SearchEntry
    score: float
    candidate: str
    offsets: tuple[int, ...]


def build_entries(pack: Pack) -> list[SearchEntry]:
    """Every section (title, summary) and fact (text, quote, speaker) in both languages."""
    entries: list[SearchEntry] = []
    for section in pack.walk():
        texts = (section.title.ru, section.title.en, section.summary.ru, section.summary.en)
        entries.append(SearchEntry(section.path, None, texts))
        for fact in pack.facts_in(section.path):
            candidates = [fact.text.ru, fact.text.en]
            if fact.quote is not None:
                candidates += [
                    fact.quote.original,
                    fact.quote.translation,
                    fact.quote.speaker.ru,
                    fact.quote.speaker.en,
                ]
            entries.append(SearchEntry(section.path, fact.id, tuple(candidates)))
    return entries


def search(entries: list[SearchEntry], query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Entries matching `query`, best first (ties keep display order)."""
    query = query.strip()
    if not query:
        return []
    matcher = Matcher(query)
    hits: list[SearchHit] = []
    for entry in entries:
        best: SearchHit | None = None
        for candidate in entry.candidates:
            cut = candidate[:MATCH_CHARS]
            score, offsets = matcher.fuzzy_search.match(query, cut)
            if score > 0 and (best is None or score > best.score):
                best = SearchHit(entry, score, cut, tuple(offsets))
        if best is not None:
            hits.append(best)
    hits.sort(key=lambda hit: -hit.score)
    return hits[:limit]


def highlighted(candidate: str, offsets: tuple[int, ...], width: int = SHOWN_CHARS) -> Text:
    """The candidate as plain Text with matched characters styled by offset (no markup).

    A long candidate is shown as a window that starts near the first match.
    """
    start = 0
    if offsets and offsets[0] > width // 2:
        start = offsets[0] - width // 4
    shown = candidate[start : start + width].replace("\n", " ")
    text = Text(("…" if start else "") + shown + ("…" if start + width < len(candidate) else ""))
    shift = 1 if start else 0
    for offset in offsets:
        position = offset - start
        if 0 <= position < len(shown) and not shown[position].isspace():
            text.stylize("bold reverse", position + shift, position + shift + 1)
    return text


def hit_text(pack: Pack, hit: SearchHit, lang: Lang) -> Text:
    """A hit for a list: the matched text, then where it lives (section title, kind of entry)."""
    text = highlighted(hit.candidate, hit.offsets)
    section = pack.sections[hit.entry.path]
    kind = t("search.fact" if hit.entry.fact_id else "search.section", lang)
    text.append("\n")
    text.append(f"{kind} · ", style="dim")
    text.append(section.title.get(lang), style="dim")
    return text


class SearchScreen(ModalScreen[SearchHit | None]):
    """`/`: type to search, ↑/↓ to choose, Enter to go there, Esc to close."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close", id="search.close"),
        Binding("down", "cursor(1)", "Next", show=False, id="search.down"),
        Binding("up", "cursor(-1)", "Previous", show=False, id="search.up"),
    ]

    def __init__(self, pack: Pack, entries: list[SearchEntry], lang: Lang) -> None:
        super().__init__(id="search-screen")
        self._pack = pack
        self._entries = entries
        self._lang = lang
        self._hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder=t("search.placeholder", self._lang), id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-status")

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        self._hits = search(self._entries, event.value)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(
            Option(hit_text(self._pack, hit, self._lang), id=str(number))
            for number, hit in enumerate(self._hits)
        )
        if self._hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        none = bool(event.value.strip()) and not self._hits
        status.update(Text(t("search.none", self._lang) if none else ""))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        index = results.highlighted
        if index is not None and 0 <= index < len(self._hits):
            self.dismiss(self._hits[index])

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._hits[event.option_index])

    def action_cursor(self, step: int) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(current + step, results.option_count - 1))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
