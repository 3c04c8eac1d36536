"""`/`: the modal that searches sections and facts as you type (the engine is tui.search)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from tui.pack.model import Lang, Pack
from tui.search import (
    MAX_HITS,
    UI_BUDGET,
    SearchEntry,
    SearchHit,
    SearchIndex,
    SearchJob,
    build_entries,
    fold,
    search,
)
from tui.text.words import t

__all__ = [
    "MAX_HITS",
    "UI_BUDGET",
    "SearchEntry",
    "SearchHit",
    "SearchIndex",
    "SearchJob",
    "SearchScreen",
    "build_entries",
    "fold",
    "highlighted",
    "hit_text",
    "search",
]

SHOWN_CHARS = 90
# Hits the search screen lists: two screenfuls of its box. Each option costs a wrap and a
# render per keystroke, so fewer keep typing within a frame.
SHOWN_HITS = 20


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

    def __init__(self, pack: Pack, index: SearchIndex, lang: Lang) -> None:
        super().__init__(id="search-screen")
        self._pack = pack
        self._index = index
        self._lang = lang
        self._hits: list[SearchHit] = []
        self._job: SearchJob | None = None
        self._shown: SearchJob | None = None  # the job whose hits the list shows
        self._status = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder=t("search.placeholder", self._lang), id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-status")

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        job = self._index.start(event.value, SHOWN_HITS)
        self._job = job
        if job.step(UI_BUDGET):
            self._index.remember(job)
        else:
            self._finish(job)
        self._show(job)

    @work(thread=True, exclusive=True, group="search")
    def _finish(self, job: SearchJob) -> SearchJob:
        """Finish a long search off the UI thread; the UI side applies the result."""
        current = get_current_worker()
        job.step(cancelled=lambda: current.is_cancelled)
        return job

    @on(Worker.StateChanged)
    def _finished(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS or event.worker.group != "search":
            return
        job = event.worker.result
        if isinstance(job, SearchJob) and job is self._job and job.done:
            self._index.remember(job)
            self._show(job)

    def _show(self, job: SearchJob) -> None:
        hits = job.hits()
        results = self.query_one("#search-results", OptionList)
        if job is self._shown and len(hits) >= len(self._hits):
            # A job's hits so far are the start of its final list: only append the new ones.
            results.add_options(self._options(hits, len(self._hits)))
        else:
            results.set_options(self._options(hits, 0))
            if hits:
                results.highlighted = 0
        self._hits = hits
        self._shown = job
        if not job.done:
            status = "…"
        else:
            status = t("search.none", self._lang) if job.query and not hits else ""
        if status != self._status:
            # Only on change: an update re-lays out the box.
            self._status = status
            self.query_one("#search-status", Static).update(Text(status))

    def _options(self, hits: list[SearchHit], first: int) -> list[Option]:
        return [
            Option(hit_text(self._pack, hit, self._lang), id=str(number))
            for number, hit in enumerate(hits[first:], start=first)
        ]

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
