"""Progress on long loads: the loader reports each file, and stderr shows it only on a terminal."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from tui.cli_progress import ERASE, StderrProgress
from tui.pack.load import LoadProgress, load_pack
from tui.paths import default_content_dir

MakePack = Callable[..., Path]  # the `make_pack` fixture of conftest.py


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
    reading = [p for p in seen if p.stage == "reading"]
    assert len(reading) == len(files)
    assert [p.files_read for p in reading] == list(range(1, len(files) + 1))
    assert all(p.files_listed == len(files) for p in seen)
    facts = [p.facts_read for p in seen]
    assert facts == sorted(facts) and facts[-1] == len(result.pack.facts)


def test_the_loader_reports_the_stages_after_reading() -> None:
    seen: list[LoadProgress] = []
    load_pack(None, seen.append)
    stages = [p.stage for p in seen]
    assert stages[-2:] == ["checking", "building"]
    assert set(stages[:-2]) == {"reading"}


def test_a_broken_pack_is_not_reported_as_building(make_pack: MakePack) -> None:
    folder = make_pack()
    (folder / "zz-broken.toml").write_text("[[fact]\n", encoding="utf-8")
    seen: list[LoadProgress] = []
    result = load_pack([folder], seen.append)
    assert result.pack is None
    assert "building" not in [p.stage for p in seen]


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


def test_a_new_stage_is_shown_at_once_once_past_the_delay() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 0.6
    progress(LoadProgress(12, 12, 90_000))
    progress(LoadProgress(12, 12, 90_000, "checking"))  # within 0.1 s, but a new stage
    progress(LoadProgress(12, 12, 90_000, "building"))
    progress.done()
    assert stream.getvalue() == (
        f"{ERASE}reading content: 12 of 12 files, 90,000 facts"
        f"{ERASE}checking references: 90,000 facts from 12 of 12 files"
        f"{ERASE}building the pack: 90,000 facts from 12 of 12 files{ERASE}"
    )


def test_a_quick_load_shows_no_stage_either() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 0.3
    progress(LoadProgress(2, 2, 10, "checking"))
    progress(LoadProgress(2, 2, 10, "building"))
    progress.done()
    assert stream.getvalue() == ""


def test_no_line_when_stderr_is_not_a_terminal() -> None:
    stream, clock = FakeTerminal(tty=False), Clock()
    progress = StderrProgress(stream, clock)
    clock.now += 5
    progress(LoadProgress(1, 1, 1))
    progress.done()
    assert stream.getvalue() == ""


def test_a_large_cache_gets_its_line_at_once_then_erased() -> None:
    stream = FakeTerminal()
    progress = StderrProgress(stream, Clock())
    progress.reading_cache(23, 100_000)
    progress.done()
    assert stream.getvalue() == (
        f"{ERASE}reading cached content: 100,000 facts from 23 files{ERASE}"
    )


def test_no_cache_line_when_stderr_is_not_a_terminal() -> None:
    stream = FakeTerminal(tty=False)
    progress = StderrProgress(stream, Clock())
    progress.reading_cache(23, 100_000)
    progress.done()
    assert stream.getvalue() == ""
