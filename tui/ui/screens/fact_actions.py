"""What the main screen does with a fact: copy it, open its detail, its chart, its source.

Kept apart from the layout and navigation of `main.py` (which inherits this), so each module
stays one subject: here the reader's actions on the highlighted fact and its section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.pack.model import Fact, Lang, Pack
from tui.text.words import t
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.metric_card import MetricCard

if TYPE_CHECKING:
    # The copy's modules are imported at the first copy (or by the app's prefetch just after
    # the first frame), not before the first frame: together they take about 8 ms to import.
    from tui.ui.copy_toast import CopyJob, CopyOutcome


class FactActions(Screen[None]):
    """Copy, detail, chart and source actions on the highlighted fact of a tree-and-panel screen."""

    def __init__(self, pack: Pack, lang: Lang, start_path: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack
        self.lang: Lang = lang
        self._start_path = start_path
        self._copy_jobs: dict[Worker[CopyOutcome], CopyJob] = {}

    @property
    def current_path(self) -> str:
        panel = self.query_one(FactPanel)
        return panel.path or self._start_path

    # Evidence (issue 9): fact detail, o/y, sources list, chart ----------------------------

    def highlighted_fact(self) -> Fact | None:
        """The highlighted fact when the fact list has focus, else None."""
        fact_list = self.query_one(FactPanel).fact_list
        if fact_list is not None and fact_list.has_focus:
            return fact_list.highlighted_fact
        return None

    def action_detail(self) -> None:
        from tui.ui.screens.detail import DetailScreen

        fact = self.highlighted_fact()
        if fact is not None:
            self.app.push_screen(DetailScreen(self.pack, fact, self.lang))

    def action_open_url(self) -> None:
        from tui.ui import links

        links.open_url(self, links.fact_url(self.pack, self.fact_to_copy())[1], self.lang)

    def action_copy_url(self) -> None:
        from tui.ui import links

        links.copy_url(self, links.fact_url(self.pack, self.fact_to_copy())[1], self.lang)

    def action_sources(self) -> None:
        from tui.ui.screens.sources import SourcesScreen

        self.app.push_screen(SourcesScreen(self.pack, self.lang))

    def action_chart(self) -> None:
        self.open_chart_for(self.highlighted_fact())

    def open_chart_for(self, fact: Fact | None) -> None:
        """The chart of `fact`'s series; without one, of the section's first series."""
        from tui.ui.screens.chart import ChartScreen, series_for

        series = series_for(self.pack, fact, self.current_path)
        if series is None:
            self.app.notify(t("chart.none", self.lang), markup=False, severity="warning")
            return
        self.app.push_screen(ChartScreen(self.pack, series, self.lang))

    def on_metric_card_chart_clicked(self, message: MetricCard.ChartClicked) -> None:
        from tui.ui.screens.chart import ChartScreen

        self.app.push_screen(ChartScreen(self.pack, message.series, self.lang))

    # Copy ---------------------------------------------------------------------------------

    def fact_to_copy(self) -> Fact | None:
        """The highlighted fact when the list has focus, else the section's first fact."""
        panel = self.query_one(FactPanel)
        fact_list = panel.fact_list
        if fact_list is not None and fact_list.has_focus and fact_list.highlighted_fact:
            return fact_list.highlighted_fact
        path = self.current_path
        for section_path in self.pack.sections:
            if section_path == path or section_path.startswith(path + "/"):
                facts = self.pack.facts_in(section_path)
                if facts:
                    return facts[0]
        return None

    def action_copy_fact(self) -> None:
        fact = self.fact_to_copy()
        if fact is None:
            self.app.notify(t("copy.nothing", self.lang), markup=False, severity="warning")
            return
        from tui.export.copy import fact_clipboard_text

        self.copy_text(fact_clipboard_text(self.pack, fact, self.lang))

    def action_copy_section(self) -> None:
        from tui.export.copy import section_markdown

        self.copy_text(section_markdown(self.pack, self.current_path, self.lang))

    def copy_text(self, text: str) -> None:
        """Send `text` by OSC 52 (when small enough) and by a native tool in a thread.

        The toast comes when the worker is done: it names the copy's first words and how it
        went out, and gives tmux advice only when tmux drops OSC 52 at that moment.
        """
        from tui import clipboard
        from tui.ui.copy_toast import CopyJob, copy_in_background, first_words

        size = len(text.encode("utf-8"))
        osc52 = clipboard.fits_osc52(text)
        if osc52:
            self.app.copy_to_clipboard(text)
        worker = self.run_worker(
            lambda: copy_in_background(text, osc52),
            thread=True,
            name="copy-native",
            group="copy",
            description="native clipboard copy",
            exit_on_error=False,
        )
        self._copy_jobs[worker] = CopyJob(size=size, osc52=osc52, words=first_words(text))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        job = self._copy_jobs.get(worker)
        if job is None or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        del self._copy_jobs[worker]
        from tui import clipboard
        from tui.ui.copy_toast import CopyOutcome, toast_parts

        outcome = worker.result if event.state is WorkerState.SUCCESS else None
        if not isinstance(outcome, CopyOutcome):
            reason = str(worker.error or "cancelled")
            outcome = CopyOutcome(clipboard.NativeCopyResult(None, False, reason))
        title, message, severity = toast_parts(job, outcome, self.lang)
        self.app.notify(message, title=title, markup=False, severity=severity)
