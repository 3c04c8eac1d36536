"""The installed `moscow-tui` in a pseudo-terminal, and a reader of the bytes it writes.

`PtyApp` runs the program with a pty as its controlling terminal (so SIGWINCH reaches it on a
resize, as in a real terminal) and keeps every byte it writes. `escape_sequences` splits that
output into the escape sequences it holds, so tests can compare them with an allow-list. Its own
tests are in e2e/test_hostile_pty.py.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import importlib.util
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from textual.driver import Driver
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

from tui.pack.model import Pack
from tui.ui.app import MoscowApp

DEFAULT_TIMEOUT = 30.0  # generous: two shared cores, and Textual's first import is slow

REPO = Path(__file__).resolve().parents[1]
HOSTILE_PACK = REPO / "tests" / "data" / "hostile" / "pack"
HOSTILE_DEEP = REPO / "tests" / "data" / "hostile" / "deep"


def hostile_generator() -> ModuleType:
    """tests/data/hostile/generate.py, the script that writes the hostile corpus, as a module."""
    path = HOSTILE_PACK.parent / "generate.py"
    spec = importlib.util.spec_from_file_location("hostile_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


CLEAN_PACK = REPO / "tests" / "data" / "valid"

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

KEYS = {"tab": b"\t", "shift+tab": b"\x1b[Z", "enter": b"\r", "escape": b"\x1b"}


def program(name: str = "moscow-tui") -> Path:
    """The console script installed beside the running interpreter (the project's .venv)."""
    script = Path(sys.executable).parent / name
    if not (script.is_file() and os.access(script, os.X_OK)):
        pytest.fail(f"{name} is not installed beside {sys.executable}", False)
    return script


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """A small, private environment: no display, no clipboard tool, state under `home`."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.update(extra)
    return env


def _set_size(fd: int, width: int, height: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


def _controlling_tty() -> None:  # pragma: no cover - runs in the child
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """One run of a program in a pty of a given size; the output is kept whole."""

    process: subprocess.Popen[bytes]

    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], *, size: tuple[int, int] = (80, 24)
    ) -> None:
        self.argv = list(argv)
        self.size = size
        self._output = bytearray()
        self._lock = threading.Lock()
        self.master, slave = os.openpty()
        _set_size(slave, *size)
        try:
            self.process = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=dict(env),
                preexec_fn=_controlling_tty,
                close_fds=True,
            )
        finally:
            os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError as error:
                if error.errno in (errno.EIO, errno.EBADF):
                    return  # the child closed its side
                raise
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def mark(self) -> int:
        """The length of the output so far, to look only at what comes after."""
        with self._lock:
            return len(self._output)

    def send(self, *keys: str) -> None:
        for key in keys:
            os.write(self.master, KEYS.get(key, key.encode("utf-8")))

    def resize(self, width: int, height: int, *, signal_too: bool = True) -> None:
        """Set the pty size (the kernel signals the foreground group) and send SIGWINCH too."""
        self.size = (width, height)
        _set_size(self.master, width, height)
        if signal_too and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGWINCH)

    def wait_for(
        self, what: str, predicate: Callable[[bytes], bool], timeout: float = DEFAULT_TIMEOUT
    ) -> float:
        """Poll until `predicate(output)` holds; fail with the tail of the output if it never does.

        Gives up at once when the program has exited.
        """
        started = time.monotonic()
        while True:
            if predicate(self.output):
                return time.monotonic() - started
            if self.process.poll() is not None:
                pytest.fail(
                    f"the program exited ({self.process.returncode}) waiting for {what};"
                    f" output tail: {self.output[-3000:]!r}"
                )
            if time.monotonic() - started > timeout:
                pytest.fail(
                    f"timed out after {timeout:g} s waiting for {what};"
                    f" output tail: {self.output[-3000:]!r}"
                )
            time.sleep(0.02)

    def wait_for_text(
        self, text: str, *, after: int = 0, timeout: float = DEFAULT_TIMEOUT
    ) -> float:
        needle = text.encode("utf-8")
        return self.wait_for(repr(text), lambda out: needle in out[after:], timeout)

    def wait_quiet(self, quiet: float = 0.3, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until nothing has been written for `quiet` seconds."""
        started = time.monotonic()
        size, since = self.mark(), time.monotonic()
        while time.monotonic() - since < quiet:
            if time.monotonic() - started > timeout:
                pytest.fail(f"output never went quiet within {timeout:g} s")
            time.sleep(0.02)
            now = self.mark()
            if now != size:
                size, since = now, time.monotonic()

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the program did not exit within {timeout:g} s: {self.output[-2000:]!r}")
        self._reader.join(timeout=5)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self.master)


# --- reading escape sequences -----------------------------------------------------------------

# ECMA-48: CSI P...P I...I F, with parameter bytes 0x30-0x3F, intermediates 0x20-0x2F and a
# final byte 0x40-0x7E. OSC, DCS, APC, PM and SOS run to ST (ESC \) or, for OSC, BEL.
_CSI = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])")
_STRING = re.compile(r"\x1b([\]P_^X])(.*?)(\x07|\x1b\\)", re.DOTALL)
_SHORT = re.compile(r"\x1b([ -/]*)([0-~])")


@dataclass(frozen=True)
class Sequence_:
    """One escape sequence: its kind, and the parts that say what it does."""

    kind: str  # "CSI", "OSC", "DCS", "APC", "PM", "SOS", "ESC", or "BAD" (cut short)
    params: str
    intermediates: str
    final: str
    raw: str

    def shape(self) -> tuple[str, ...]:
        """What a sequence does, without the numbers that only say where or which colour.

        SGR (colours, `m`) and cursor positioning (`H`, `A`-`G`, `d`) keep only their kind;
        mode sets (`h`, `l`), clears and everything else keep their parameters.
        """
        positional = self.final in "mHfABCDEFGd" and re.fullmatch(r"[\d;:]*", self.params)
        if self.kind == "CSI" and positional:
            return (self.kind, self.final)
        return (self.kind, self.params, self.intermediates, self.final)


_STRING_KINDS = {"]": "OSC", "P": "DCS", "_": "APC", "^": "PM", "X": "SOS"}


def escape_sequences(text: str) -> tuple[list[Sequence_], str]:
    """The escape sequences in `text`, and the text with them taken out."""
    found: list[Sequence_] = []
    rest: list[str] = []
    pos = 0
    while True:
        start = text.find("\x1b", pos)
        if start < 0:
            rest.append(text[pos:])
            break
        rest.append(text[pos:start])
        for pattern in (_CSI, _STRING, _SHORT):
            match = pattern.match(text, start)
            if match is None:
                continue
            if pattern is _CSI:
                seq = Sequence_("CSI", match[1], match[2], match[3], match[0])
            elif pattern is _STRING:
                seq = Sequence_(_STRING_KINDS[match[1]], match[2], "", match[3], match[0])
            else:
                seq = Sequence_("ESC", "", match[1], match[2], match[0])
            found.append(seq)
            pos = match.end()
            break
        else:
            found.append(Sequence_("BAD", "", "", "", text[start : start + 20]))
            pos = start + 1
    return found, "".join(rest)


def unsafe(text: str, *, newline: bool = True) -> list[str]:
    """Characters a reader must never receive: C0 (but newline), DEL, C1, bidi, zero-width."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if (ord(ch) < 0x20 and not (newline and ch == "\n"))
        or 0x7F <= ord(ch) <= 0x9F
        or ch in BIDI
        or ch in ZERO_WIDTH
    ]


def control_characters(text: str, allowed: str = "") -> list[str]:
    """C0 (but `allowed`), DEL and C1 characters in `text` (escape sequences taken out first)."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) and ch not in allowed
    ]


# --- the app in process, with the bytes it would write -----------------------------------


class RecordingDriver(HeadlessDriver):
    """A headless driver that says it is not headless, so the app renders, and keeps the bytes."""

    written: list[str]

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self.written.append(data)


def recording_app(pack: Pack, state: Path, **options: Any) -> tuple[MoscowApp, list[str]]:
    """A MoscowApp whose terminal output is kept in the returned list."""
    app = MoscowApp(pack, state_path=state, **options)
    written: list[str] = []

    def build(headless: bool, inline: bool, mouse: bool, size: tuple[int, int] | None) -> Driver:
        driver = RecordingDriver(app, debug=False, mouse=mouse, size=size)
        driver.written = written
        app._driver = driver
        return driver

    app._build_driver = build  # type: ignore[method-assign]
    return app, written


def assert_clean_app_output(written: list[str], *, copies: int = 0) -> str:
    """The recorded output holds only SGR, cursor moves, the pointer OSC and `copies` OSC 52s."""
    text = "".join(written)
    sequences, rest = escape_sequences(text)
    assert len(sequences) > 50, "nothing was painted"
    shapes = {s.shape() for s in sequences if s.kind != "OSC"}
    assert shapes <= {("CSI", "m"), ("CSI", "H")}, shapes
    osc = [s.raw for s in sequences if s.kind == "OSC"]
    pointer = [raw for raw in osc if raw == "\x1b]22;default\x07"]
    clip = [raw for raw in osc if raw.startswith("\x1b]52;c;")]
    assert len(pointer) + len(clip) == len(osc), "an OSC that came from content"
    assert len(clip) == copies
    assert control_characters(rest, allowed="\n") == []
    assert [c for c in rest if c in BIDI or c in ZERO_WIDTH] == []
    return rest


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def until(
    pilot: Pilot[None], what: str, predicate: Callable[[], bool], timeout: float = 15.0
) -> None:
    """Let the app run until `predicate` holds (polling, with a deadline)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        await pilot.pause(0.05)
