"""`/`: the overlay that searches sections, series and facts as you type (engine: tui.search).

The results draw their own lines at a fixed height (two lines a hit, only the rows on screen),
so a keystroke repaints the list without laying the box out again.
"""

from __future__ import annotations

from typing import ClassVar, Self

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from tui.pack.model import Lang, Pack
from tui.search import (
    COUNT_CAP,
    UI_BUDGET,
    SearchEntry,
    SearchHit,
    SearchIndex,
    SearchJob,
)
from tui.text.numbers import format_number
from tui.text.words import t
from tui.ui.screens.backdrop import BackdropScreen

__all__ = ["SearchResults", "SearchScreen", "highlighted", "hit_lines", "hit_text"]

SHOWN_CHARS = 90
# Hits the search screen lists; the count says how many more there are.
SHOWN_HITS = 20
ROW_HEIGHT = 2  # each hit: what matched, then where it lives
VISIBLE_ROWS = 8
MARGIN = Segment(" ")  # one blank cell before each line of a hit


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


def _headline(pack: Pack, entry: SearchEntry, lang: Lang) -> str:
    """What a hit leads to, as the screen names it: a fact's text, else the title."""
    if entry.title is not None:
        return entry.title.get(lang)
    return pack.sections[entry.path].title.get(lang)


def hit_lines(pack: Pack, hit: SearchHit, lang: Lang) -> tuple[Text, Text]:
    """A hit's two lines: its headline (with the match marked when it matched there), then
    where it lives, and the matched words when they are in the body (a quote, a note)."""
    if hit.figure:
        # "> 90,000 jobs by 2030 — New jobs in the SEZ": the figure, then what it counts.
        head = highlighted(hit.candidate, hit.offsets)
        head.append(" — " + _headline(pack, hit.entry, lang).replace("\n", " ")[:SHOWN_CHARS])
    elif hit.headline:
        head = highlighted(hit.candidate, hit.offsets)
    else:
        head = Text(_headline(pack, hit.entry, lang).replace("\n", " ")[:SHOWN_CHARS])
    section = pack.sections[hit.entry.path]
    where = Text()
    where.append(f"{t('search.' + hit.entry.kind, lang)} · {section.title.get(lang)}", style="dim")
    if not hit.headline:
        where.append(" — ", style="dim")
        where.append_text(highlighted(hit.candidate, hit.offsets, SHOWN_CHARS // 2))
    return head, where


def hit_text(pack: Pack, hit: SearchHit, lang: Lang) -> Text:
    """A hit as one Text of two lines (see `hit_lines`)."""
    head, where = hit_lines(pack, hit, lang)
    head.append("\n")
    head.append_text(where)
    return head


class SearchResults(Widget):
    """The hits, two lines each, drawn line by line at a fixed height; one is highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search-results--highlight"}
    DEFAULT_CSS = f"""
    SearchResults {{
        height: {ROW_HEIGHT * VISIBLE_ROWS};
    }}
    SearchResults > .search-results--highlight {{
        background: $accent 30%;
    }}
    """

    class Chosen(Message):
        """A row was clicked."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[Text, Text]] = []  # each hit's two lines (see `hit_lines`)
        self.cursor = 0
        self._top = 0  # the first row on screen
        self._strips: dict[tuple[int, bool], list[Strip]] = {}
        self._styles: tuple[Style, Style] | None = None  # a row's style, and highlighted

    def set_rows(self, rows: list[tuple[Text, Text]], keep_cursor: bool) -> None:
        """Show `rows`; with `keep_cursor` the new rows only add to the old (a search going on).

        Only the rows on screen that differ from before are drawn and repainted again: a
        keystroke often changes a few hits, or none.
        """
        old_rows, old_cursor, old_top = self.rows, self.cursor, self._top
        if not keep_cursor:
            self.cursor = 0
            self._top = 0
        self.rows = rows
        common = range(min(len(rows), len(old_rows)))
        kept = {index for index in common if rows[index] == old_rows[index]}
        self._strips = {key: lines for key, lines in self._strips.items() if key[0] in kept}
        if self._top != old_top or not self.size:
            self.refresh()
            return
        width = self.size.width
        for row in range(self._top, self._top + VISIBLE_ROWS):
            if row in kept and (row == old_cursor) == (row == self.cursor):
                continue
            if row >= len(rows) and row >= len(old_rows):
                continue  # blank before and after
            y = (row - self._top) * ROW_HEIGHT
            self.refresh(Region(0, y, width, ROW_HEIGHT))

    def move(self, step: int) -> None:
        """Move the highlight by `step` rows, keeping it on screen."""
        if not self.rows:
            return
        self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))
        if self.cursor < self._top:
            self._top = self.cursor
        elif self.cursor >= self._top + VISIBLE_ROWS:
            self._top = self.cursor - VISIBLE_ROWS + 1
        self.refresh()

    def row_texts(self) -> list[str]:
        """The rows as plain text, as shown (for tests and tools)."""
        return [f"{head.plain}\n{where.plain}" for head, where in self.rows]

    def row_at(self, y: int) -> int | None:
        """The row drawn on line `y` of this widget, if any."""
        row = self._top + y // ROW_HEIGHT
        return row if 0 <= row < len(self.rows) else None

    def on_click(self, event: events.Click) -> None:
        row = self.row_at(event.y)
        if row is not None:
            self.cursor = row
            self.post_message(self.Chosen(row))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles = None

    def _row_styles(self) -> tuple[Style, Style]:
        """The style of a row, and of the highlighted row; worked out once per restyle."""
        if self._styles is None:
            base = self.rich_style
            chosen = base + self.get_component_rich_style("search-results--highlight")
            self._styles = (base, chosen)
        return self._styles

    def _lines(self, row: int, width: int) -> list[Strip]:
        chosen = row == self.cursor
        key = (row, chosen)
        strips = self._strips.get(key)
        if strips is not None and strips[0].cell_length == width:
            return strips
        style = self._row_styles()[chosen]
        console = self.app.console
        strips = [_line_strip(line, width, style, console) for line in self.rows[row]]
        self._strips[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        row = self.row_at(y)
        if row is None:
            return Strip.blank(width, self.rich_style)
        return self._lines(row, width)[y % ROW_HEIGHT]


def _line_strip(line: Text, width: int, style: Style, console: Console) -> Strip:
    """One line of a hit, `width` cells: a blank cell, the text (cut with an ellipsis), then
    blanks, all over `style`.

    Built as one Strip; `Strip(...).apply_style(style).adjust_cell_length(width, style)` gives
    the same segments through three, and a keystroke draws sixteen such lines.
    """
    if width < 1:
        return Strip([], 0)
    if "\n" in line.plain:  # a title written over lines: its first, as Text.split gave it
        line = line.split("\n")[0]
    if line.cell_len > width - 1:
        line = line.copy()
        line.truncate(width - 1, overflow="ellipsis")
    add = style.__add__
    segments = [Segment(MARGIN.text, style)]
    segments += [Segment(text, add(part)) for text, part, _ in line.render(console)]
    used = 1 + line.cell_len
    if used < width:
        segments.append(Segment(" " * (width - used), style))
    return Strip(segments, width)


class SearchInput(Input):
    """The query line. Typing repaints it without laying the search box out again.

    Input asks for a layout whenever its text's width changes, so on every keystroke; its
    own size is fixed by the stylesheet (a full width, three lines), so that layout moved
    nothing and cost a third of a keystroke.
    """

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if layout and not recompose and self.size and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class SearchScreen(BackdropScreen[SearchHit | None]):
    """`/`: type to search, ↑/↓ to choose, Enter to go there, Esc to close."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close", id="search.close"),
        Binding("down", "cursor(1)", "Next", show=False, id="search.down"),
        Binding("up", "cursor(-1)", "Previous", show=False, id="search.up"),
        Binding("pagedown", "cursor(8)", "Next page", show=False, id="search.page-down"),
        Binding("pageup", "cursor(-8)", "Previous page", show=False, id="search.page-up"),
    ]

    def __init__(self, pack: Pack, index: SearchIndex, lang: Lang) -> None:
        super().__init__(id="search-screen")
        self._pack = pack
        self._index = index
        self._lang = lang
        self._hits: list[SearchHit] = []
        self._job: SearchJob | None = None
        self._shown: SearchJob | None = None  # the job whose hits the list shows
        self.status = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield SearchInput(placeholder=t("search.placeholder", self._lang), id="search-input")
            yield SearchResults(id="search-results")
            yield SearchStatus(id="search-status")

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
        results = self.query_one(SearchResults)
        growing = job is self._shown and len(hits) >= len(self._hits)
        if growing:
            # A job's hits so far are the start of its final list: only the new ones are made.
            new = hits[len(self._hits) :]
            rows = results.rows + [hit_lines(self._pack, hit, self._lang) for hit in new]
        else:
            rows = [hit_lines(self._pack, hit, self._lang) for hit in hits]
        results.set_rows(rows, keep_cursor=growing)
        self._hits = hits
        self._shown = job
        self.status = self._status_of(job)
        self.query_one(SearchStatus).show(self.status)

    def _status_of(self, job: SearchJob) -> str:
        """ "12 found", "more than 1,000 found", "3 found so far…", or nothing to search."""
        if not job.query:
            return ""
        count = format_number(job.count, self._lang)
        if not job.done:
            return t("search.counting", self._lang, count=count)
        if job.count == 0:
            return t("search.none", self._lang)
        if not job.complete and job.count >= COUNT_CAP:
            return t("search.count-more", self._lang, count=count)
        return t("search.count", self._lang, count=count)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        cursor = self.query_one(SearchResults).cursor
        if 0 <= cursor < len(self._hits):
            self.dismiss(self._hits[cursor])

    @on(SearchResults.Chosen)
    def _clicked(self, event: SearchResults.Chosen) -> None:
        if 0 <= event.row < len(self._hits):
            self.dismiss(self._hits[event.row])

    def action_cursor(self, step: int) -> None:
        self.query_one(SearchResults).move(step)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SearchStatus(Widget):
    """One line under the results: how many were found, or that the search goes on."""

    DEFAULT_CSS = """
    SearchStatus {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""

    def show(self, text: str) -> None:
        """Say `text`; repaints only this line, and only when it changed."""
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Text:
        return Text(self.text)
