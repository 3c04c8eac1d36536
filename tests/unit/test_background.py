"""A long load in a forked child: its progress, its result, its cache, and its end when the
reader quits first."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import tui.pack.background as background
from bench.generate import generate
from tui.pack.background import BackgroundLoad, LoaderFailed, start_long_load
from tui.pack.cache import cached_pack
from tui.pack.load import LoadProgress, LoadResult, load_pack

MakePack = Callable[..., Path]


def _start(folder: Path) -> BackgroundLoad:
    loading = BackgroundLoad.start([folder])
    assert loading is not None, "forking refused: another thread runs in the test process"
    return loading


def _gone(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG) != (0, 0)
    except ChildProcessError:
        return True


def _wait_gone(pid: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _gone(pid):
            return True
        time.sleep(0.05)
    return False


def _group_gone(group: int, seconds: float = 10.0) -> bool:
    """True once no process is left in `group` (a killed worker is reaped by init, later)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_progress_then_the_same_pack_as_a_load_here(tmp_path: Path) -> None:
    pack = generate(3000, tmp_path / "pack")
    messages = list(_start(pack.directory).messages())
    *reports, result = messages
    assert isinstance(result, LoadResult)
    assert reports and all(isinstance(report, LoadProgress) for report in reports)
    assert reports[-1].facts_read == 3000 or reports[-1].stage != "reading"
    here = load_pack([pack.directory]).pack
    assert result.pack is not None and here is not None
    assert result.pack.facts == here.facts
    assert result.pack.sections == here.sections
    assert result.errors == []


def test_the_child_writes_the_cache_after_sending_the_result(tmp_path: Path) -> None:
    pack = generate(1000, tmp_path / "pack")
    loading = _start(pack.directory)
    *_, result = loading.messages()
    assert isinstance(result, LoadResult) and result.pack is not None
    assert _wait_gone(loading.pid)
    assert cached_pack([pack.directory]) == result.pack


def test_problems_come_back_with_their_lines(make_pack: MakePack) -> None:
    folder = make_pack({"zz-bad.toml": '[[fact]]\nid = "broken"\nkind = "nonsense"\n'})
    *_, result = _start(folder).messages()
    assert isinstance(result, LoadResult)
    assert result.pack is None
    located = [p for p in result.errors if p.path.endswith("zz-bad.toml") and p.line]
    assert located, result.errors
    assert str(located[0]).startswith(f"{located[0].path}:{located[0].line}:")


def test_cancel_ends_the_child_and_its_worker(tmp_path: Path) -> None:
    pack = generate(20000, tmp_path / "pack")  # large enough to get a parse worker
    loading = _start(pack.directory)
    first = next(loading.messages())
    assert isinstance(first, LoadProgress)
    loading.cancel()
    assert _gone(loading.pid)
    assert _group_gone(loading.pid)  # the parse worker went too
    with pytest.raises(LoaderFailed):
        list(loading.messages())
    assert cached_pack([pack.directory]) is None


def test_a_killed_loader_is_reported_not_waited_for(tmp_path: Path) -> None:
    pack = generate(20000, tmp_path / "pack")
    loading = _start(pack.directory)
    next(loading.messages())
    os.killpg(loading.pid, signal.SIGKILL)
    with pytest.raises(LoaderFailed, match="SIGKILL"):
        list(loading.messages())


def test_only_large_content_is_loaded_beside_the_app(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    assert start_long_load([folder]) is None  # a few kilobytes: loaded as before
    monkeypatch.setattr(background, "LONG_LOAD_BYTES", 1)
    started = start_long_load([folder])
    assert started is not None
    preview, loading = started
    *_, result = loading.messages()
    assert isinstance(result, LoadResult) and result.pack is not None
    assert preview.sections == result.pack.sections
    assert preview.facts == ()


def test_content_without_a_preview_is_loaded_as_before(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "LONG_LOAD_BYTES", 1)
    broken = make_pack({"zz-broken.toml": "[[section]]\nid = \n"})
    assert start_long_load([broken]) is None  # the usual load reports the syntax error
