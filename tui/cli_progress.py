"""A progress line on stderr for a long load: files and facts read, out of how many.

Shown only when stderr is a terminal, and only once a load has taken longer than `DELAY`
seconds, so a quick `check` prints exactly what it always did and a pipe or a log file never
gets carriage returns. The line is erased when the load ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the loader is imported only when a load really happens (a cache miss)
    from tui.pack.load import LoadProgress

DELAY = 0.5  # seconds of silence before the first line: a blank terminal for longer looks hung
INTERVAL = 0.1  # seconds between two lines: more often costs time and cannot be read anyway
ERASE = "\r\x1b[K"


class StderrProgress:
    """A `load_pack` progress callback that keeps one line of stderr up to date."""

    def __init__(
        self, stream: TextIO, clock: Callable[[], float] = time.monotonic, delay: float = DELAY
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._shown = False
        self._enabled = _is_terminal(stream)
        self._start = clock()
        self._delay = delay
        self._next = self._start + delay
        self._stage = "reading"

    def __call__(self, progress: LoadProgress) -> None:
        if not self._enabled:
            return
        now = self._clock()
        # A new stage is shown at once (once past the delay): it may last seconds with no
        # further report.
        new_stage = progress.stage != self._stage
        self._stage = progress.stage
        if now < self._next and not (new_stage and now >= self._start + self._delay):
            return
        self._next = now + INTERVAL
        self._write(ERASE + progress_line(progress))
        self._shown = True

    def reading_cache(self, files: int, facts: int) -> None:
        """A large cache is about to be read: one line at once (the read is a single step)."""
        if self._enabled:
            self._write(f"{ERASE}reading cached content: {facts:,} facts from {files:,} files")
            self._shown = True

    def done(self) -> None:
        """Erase the line, if one was shown, so the command's own output starts clean."""
        if self._shown:
            self._write(ERASE)
            self._shown = False

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # a closed or failing stderr must not stop the load
            self._enabled = False


def progress_line(progress: LoadProgress) -> str:
    """The line for `progress`: what is under way, with the files and facts counted so far."""
    files = f"{progress.files_read:,} of {progress.files_listed:,} files"
    facts = f"{progress.facts_read:,} facts"
    if progress.stage == "checking":
        return f"checking references: {facts} from {files}"
    if progress.stage == "building":
        return f"building the pack: {facts} from {files}"
    return f"reading content: {files}, {facts}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False
