"""TOML text to a document, or the syntax problem with its line and column (tomli).

A large pack is parsed in a second process (`parse_many`) while the caller checks the files
already parsed: at 100,000 facts, tomli takes about a quarter of a cold load.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Below this many characters in all, starting a second process costs more than it saves.
PARALLEL_CHARS = 4 * 1024 * 1024
# The share of the text parsed here rather than in the worker. Sending a document back costs the
# worker half as much again as parsing it, while this process checks each file in about two
# thirds of its parsing time: with a quarter parsed here, both finish their files together.
PARSED_HERE = 0.25


@dataclass(frozen=True)
class SyntaxProblem:
    """Why a text is not TOML, and where (when the parser says)."""

    line: int | None
    column: int | None
    message: str


Parsed = dict[str, Any] | SyntaxProblem


def parse(text: str) -> Parsed:
    """The TOML document of `text`, or why it is not one; never raises for bad input."""
    import tomli  # here, not at the top: a cached pack is loaded without parsing TOML

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line: int | None = getattr(exc, "lineno", None)
        column: int | None = getattr(exc, "colno", None)
        message = getattr(exc, "msg", None) or re.sub(r" \(at .*\)$", "", str(exc))
        return SyntaxProblem(line, column, message)
    except RecursionError:
        return SyntaxProblem(None, None, "nested too deeply")


def parse_many(texts: Sequence[str | None]) -> Iterator[Parsed | Exception | None]:
    """`parse` of each text in order (None for None), most parsed ahead in a worker process
    when the texts are large and a core is free. An unexpected error is yielded in its text's
    place, not raised, so that it is reported with its own file.

    The same parser runs in the worker, so the documents and problems are those of `parse`;
    any failure of the worker (it died, a document could not be sent back) falls back to
    parsing that text here.
    """
    pool = _worker() if sum(len(text) for text in texts if text) >= PARALLEL_CHARS else None
    futures: list[Future[Parsed] | None] = [None] * len(texts)
    try:
        if pool is not None:
            with contextlib.suppress(Exception):  # no worker after all: all parsed here
                futures = _submit(pool, texts)
        for text, future in zip(texts, futures, strict=True):
            yield None if text is None else _result(future, text)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, texts: Sequence[str | None]) -> list[Future[Parsed] | None]:
    """Send most texts to the worker; keep `PARSED_HERE` of them (by size), spread out."""
    futures: list[Future[Parsed] | None] = []
    seen = here = 0
    for text in texts:
        size = len(text) if text else 0
        seen += size
        if text is None or here + size <= seen * PARSED_HERE:
            here += size
            futures.append(None)
        else:
            futures.append(pool.submit(parse, text))
    return futures


def _result(future: Future[Parsed] | None, text: str) -> Parsed | Exception:
    if future is not None:
        with contextlib.suppress(Exception):
            return future.result()
    try:
        return parse(text)
    except Exception as exc:
        return exc


def _worker() -> ProcessPoolExecutor | None:
    """One forked worker process, or None where forking is not safe (other threads, macOS)."""
    import threading

    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() != 1:
        return None
    if not _core_free():
        return None
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_ignore_interrupts,
        )
    except Exception:
        return None


def _core_free() -> bool:
    """Whether a second core is idle (by the load average): the worker costs a third more CPU
    in all, so on a machine whose cores are all busy it only slows the load down."""
    cores = os.cpu_count() or 1
    try:
        running = os.getloadavg()[0]
    except (AttributeError, OSError):
        running = 0.0
    return cores >= 2 and running < cores - 0.5


def _ignore_interrupts() -> None:
    """ctrl+c reaches the worker too: only the main process answers it (no worker traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
