"""Progress on long loads: the loader reports each file, and stderr shows it only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from tui.cli_progress import ERASE, StderrProgress
from tui.pack.load import LoadProgress, load_pack
from tui.paths import default_content_dir


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool = True) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_loader_reports_every_file_with_running_counts() -> None:
    seen: list[LoadProgress] = []
    result = load_pack(None, seen.append)
    assert result.pack is not None
    files = sorted(Path(default_content_dir()).glob("*.toml"))
    assert len(seen) == len(files)
    assert [p.files_read for p in seen] == list(range(1, len(files) + 1))
    assert all(p.files_listed == len(files) for p in seen)
    facts = [p.facts_read for p in seen]
    assert facts == sorted(facts) and facts[-1] == len(result.pack.facts)


def test_nothing_is_shown_before_half_a_second() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 0.4
    progress(LoadProgress(1, 10, 500))
    progress.done()
    assert stream.getvalue() == ""


def test_a_long_load_shows_counts_then_erases_its_line() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 0.6
    progress(LoadProgress(3, 12, 40_000))
    progress(LoadProgress(4, 12, 50_000))  # within 0.1 s of the last line: not written
    clock.now += 0.2
    progress(LoadProgress(5, 12, 60_000))
    progress.done()
    written = stream.getvalue()
    assert written == (
        f"{ERASE}reading content: 3 of 12 files, 40,000 facts"
        f"{ERASE}reading content: 5 of 12 files, 60,000 facts{ERASE}"
    )


def test_no_line_when_stderr_is_not_a_terminal() -> None:
    stream, clock = FakeTerminal(tty=False), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 5
    progress(LoadProgress(1, 1, 1))
    progress.done()
    assert stream.getvalue() == ""
