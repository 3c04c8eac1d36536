"""A long load run beside the app: a forked child loads (and caches) the pack and sends its
progress and its result back through a pipe.

The app can then draw its first screen from a cheap first pass (`tui.pack.preview`) while the
child reads, checks and builds the pack, and show real progress instead of a blank terminal.
The child is forked before Textual starts (no threads yet, so forking is safe) and runs in a
session of its own: the terminal's signals do not reach it, and `cancel` ends it and its parse
worker together. Once its result is sent, it goes on to write the cache, and is left to finish.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from tui.pack.cache import fork_safe
from tui.pack.files import content_names
from tui.pack.load import LoadProgress, LoadResult
from tui.pack.memory import collector_paused
from tui.pack.model import Pack
from tui.pack.preview import preview_pack
from tui.pack.problems import ContentProblem
from tui.paths import default_content_dir

# Progress more often than this cannot be read, and each report costs the child a pickle.
PROGRESS_INTERVAL = 0.1
# Content of this size or more takes about half a second or longer to load with no cache (about
# 5,000 facts): the app opens at once on the first pass and loads the pack beside it.
LONG_LOAD_BYTES = 2 * 1024 * 1024


def start_long_load(folders: Sequence[Path] | None) -> tuple[Pack, BackgroundLoad] | None:
    """The first pass and the load under way, for content large enough to be worth it (and
    where forking is safe); None otherwise: the caller loads as usual."""
    chosen = [default_content_dir()] if folders is None else [Path(f) for f in folders]
    if _content_bytes(chosen) < LONG_LOAD_BYTES:
        return None
    preview = preview_pack(chosen)
    if preview is None:
        return None  # let the usual load say what is wrong
    loading = BackgroundLoad.start(chosen)
    return None if loading is None else (preview, loading)


def _content_bytes(folders: Sequence[Path]) -> int:
    total = 0
    for folder in folders:
        try:
            for name in content_names(folder):
                total += os.stat(folder / name).st_size
        except OSError:
            return 0  # the usual load reports the folder
    return total


class LoaderFailed(Exception):
    """The child ended without sending a result (killed, out of memory, a bug)."""


class BackgroundLoad:
    """A load under way in a child process; read its messages with `messages()`."""

    def __init__(self, pid: int, stream: BinaryIO) -> None:
        self.pid = pid
        self._stream = stream
        self._finished = False
        self._lock = threading.Lock()

    @classmethod
    def start(cls, folders: Sequence[Path]) -> BackgroundLoad | None:
        """Fork the loader; None where forking is not safe (other threads, no fork)."""
        if not fork_safe():
            return None
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns
            os.close(read_end)
            _run_child([Path(folder) for folder in folders], write_end)
        os.close(write_end)
        return cls(pid, os.fdopen(read_end, "rb"))

    def messages(self) -> Iterator[LoadProgress | LoadResult]:
        """Each progress report as it comes, then the result; blocking, for a thread.

        Raises `LoaderFailed` when the child ends without a result.
        """
        while True:
            try:
                kind, payload = _receive(self._stream)
            except (EOFError, OSError, pickle.UnpicklingError) as error:
                raise LoaderFailed(self._how_it_ended()) from error
            if kind == "progress" and isinstance(payload, tuple):
                yield LoadProgress(*payload)
                continue
            with self._lock:
                self._finished = True
            self._stream.close()
            yield _result(payload)
            return

    def cancel(self) -> None:
        """End the child and its worker unless the result has come (then it only writes the
        cache, which is worth keeping). A thread blocked in `messages()` then sees the end of
        the pipe and stops: the stream is its to close, not ours (closing it here would wait
        for the lock that thread holds)."""
        with self._lock:
            if self._finished:
                return
            self._finished = True
        # The group takes the parse worker too (it holds the pipe open as well); the child
        # alone, if it has not yet made its own group.
        for kill in (os.killpg, os.kill):
            with contextlib.suppress(OSError):
                kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)

    def _how_it_ended(self) -> str:
        try:
            _, status = os.waitpid(self.pid, 0)
        except OSError:
            return "the content loader stopped"
        if os.WIFSIGNALED(status):
            name = signal.Signals(os.WTERMSIG(status)).name
            return f"the content loader was stopped by {name}"
        return f"the content loader stopped with status {os.waitstatus_to_exitcode(status)}"


def _receive(stream: BinaryIO) -> tuple[str, object]:
    """One message: its kind, then its payload, as two pickles."""
    kind = pickle.load(stream)
    if kind == "progress":
        return kind, pickle.load(stream)
    if kind != "result":
        raise pickle.UnpicklingError("not a loader message")
    # The result holds the whole pack: no cyclic collection while it is rebuilt, then frozen,
    # as when it is read from the cache.
    with collector_paused():
        return kind, pickle.load(stream)


def _result(payload: object) -> LoadResult:
    if not isinstance(payload, LoadResult):
        raise LoaderFailed("the content loader sent something else than a result")
    if not all(isinstance(problem, ContentProblem) for problem in payload.problems):
        raise LoaderFailed("the content loader sent something else than problems")
    return payload


def _run_child(folders: list[Path], write_end: int) -> None:
    status = 0
    try:
        os.setsid()
        _quiet_standard_streams()
        with os.fdopen(write_end, "wb") as out:
            _load_and_send(folders, out)
    except BaseException:
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing the parent's stdio buffers twice


def _quiet_standard_streams() -> None:
    """The child must never write over the app's screen, nor read its keys."""
    null = os.open(os.devnull, os.O_RDWR)
    for descriptor in (0, 1, 2):
        os.dup2(null, descriptor)
    os.close(null)


def _load_and_send(folders: list[Path], out: BinaryIO) -> None:
    from tui.pack.cache import load_pack_cached

    sent_at = 0.0
    stage = ""

    def progress(report: LoadProgress) -> None:
        nonlocal sent_at, stage
        now = time.monotonic()
        if report.stage == stage and now - sent_at < PROGRESS_INTERVAL:
            return
        sent_at, stage = now, report.stage
        _send(out, "progress", _progress_fields(report))

    def send_result(result: LoadResult) -> None:
        if result.pack is not None:
            result.pack.build_indexes()  # here, not in the app while it draws
        _send(out, "result", result)
        out.close()  # the app has all it needs; the cache is written after this

    result = load_pack_cached(folders, progress=progress, on_loaded=send_result)
    if not out.closed:  # answered from the cache (written since the app looked): send it
        send_result(result)


def _progress_fields(report: LoadProgress) -> tuple[int, int, int, str]:
    return (report.files_read, report.files_listed, report.facts_read, report.stage)


def _send(out: BinaryIO, kind: str, payload: object) -> None:
    try:
        pickle.dump(kind, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    except BrokenPipeError:  # the app has gone: nothing more to say, and nothing to wait for
        os._exit(0)
