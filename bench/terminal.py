"""Run a program in a pseudo-terminal and time its first frame; time plain commands.

Both report the child's own peak RSS from `os.wait4`, which (unlike RUSAGE_CHILDREN) is the
figure of that one process, not the maximum over every child the harness has reaped.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import tempfile
import termios
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS = 120
ROWS = 40
CTRL_Q = b"\x11"

# CSI, OSC, DCS/APC/PM/SOS strings, charset selection and the other two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P_^X][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[()*+][0-9A-Za-z]"
    r"|\x1b[@-Z\\-_=>78]"
)


def strip_escapes(text: str) -> str:
    """`text` without terminal escape sequences and control characters other than newlines."""
    return "".join(ch for ch in _ESCAPES.sub("", text) if ch >= " " or ch == "\n")


def bench_env(home: Path) -> dict[str, str]:
    """A clean environment for the measured programs: English, 256 colours, private XDG dirs.

    The XDG dirs keep the benchmark away from the user's remembered state and config, and make
    every run start the same way.
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(home)),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    for name in ("STATE", "CONFIG", "DATA", "CACHE"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(path)
    return env


@dataclass(frozen=True)
class FrameRun:
    """One start of a program in a pseudo-terminal."""

    first_frame: float | None  # seconds from fork to the markers on screen; None: never shown
    wall: float  # seconds from fork to exit
    max_rss_kib: int
    status: int  # the raw wait status
    output: str  # the screen text seen (escapes stripped), for diagnostics

    @property
    def exit_code(self) -> int | None:
        return os.waitstatus_to_exitcode(self.status)


def first_frame(
    argv: Sequence[str],
    markers: Sequence[str],
    env: Mapping[str, str],
    *,
    timeout: float = 30.0,
    settle: float = 0.15,
    quit_timeout: float = 5.0,
) -> FrameRun:
    """Start `argv` in a 120×40 pseudo-terminal and time it until every marker has been written.

    Then wait until the output has been quiet for `settle` seconds (so work done just after the
    first frame still counts towards the peak RSS), send ctrl+q, and reap the child with
    `os.wait4`. A child that does not quit is terminated, then killed.
    """
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal before the program can ask for it
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(argv[0], list(argv), dict(env))
        finally:
            os._exit(127)

    raw = bytearray()
    seen: float | None = None
    last_output = start
    quit_sent_at: float | None = None
    signals = [signal.SIGTERM, signal.SIGKILL]
    deadline = start + timeout
    try:
        while True:
            now = time.perf_counter()
            if quit_sent_at is None and (
                now > deadline
                or (seen is not None and (now - last_output > settle or now - seen > 2.0))
            ):
                with contextlib.suppress(OSError):
                    os.write(fd, CTRL_Q)
                quit_sent_at = now
            elif quit_sent_at is not None and now - quit_sent_at > quit_timeout and signals:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signals.pop(0))
                quit_sent_at = now
            ready, _, _ = select.select([fd], [], [], 0.02)
            if not ready:
                continue
            try:
                data = os.read(fd, 1 << 16)
            except OSError:  # EIO: the child has exited and closed the terminal
                break
            if not data:
                break
            raw += data
            last_output = time.perf_counter()
            if seen is None:
                screen = strip_escapes(raw.decode("utf-8", "replace"))
                if all(marker in screen for marker in markers):
                    seen = last_output - start
    finally:
        os.close(fd)
        _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return FrameRun(
        first_frame=seen,
        wall=wall,
        max_rss_kib=int(usage.ru_maxrss),
        status=status,
        output=strip_escapes(raw.decode("utf-8", "replace")),
    )


@dataclass(frozen=True)
class CommandRun:
    """One run of a plain command, its output kept in a file."""

    seconds: float
    max_rss_kib: int
    exit_code: int
    stdout_path: Path
    stderr: str


def run_command(
    argv: Sequence[str], env: Mapping[str, str], workdir: Path, *, timeout: float = 300.0
) -> CommandRun:
    """Run `argv` with stdout to a file in `workdir`; time it and take its own peak RSS."""
    out_fd, out_name = tempfile.mkstemp(prefix="stdout-", dir=workdir)
    err_fd, err_name = tempfile.mkstemp(prefix="stderr-", dir=workdir)
    start = time.perf_counter()
    try:
        pid = os.posix_spawn(
            argv[0],
            list(argv),
            dict(env),
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, out_fd, 1),
                (os.POSIX_SPAWN_DUP2, err_fd, 2),
            ],
        )
    finally:
        os.close(out_fd)
        os.close(err_fd)
    timer = threading.Timer(timeout, lambda: _kill_quietly(pid))
    timer.start()
    try:
        _, status, usage = os.wait4(pid, 0)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    stderr = Path(err_name).read_text(encoding="utf-8", errors="replace")
    os.unlink(err_name)
    return CommandRun(
        seconds=seconds,
        max_rss_kib=int(usage.ru_maxrss),
        exit_code=os.waitstatus_to_exitcode(status),
        stdout_path=Path(out_name),
        stderr=stderr[-2000:],
    )


def _kill_quietly(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
