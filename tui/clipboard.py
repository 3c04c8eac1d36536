"""Copying text with a native clipboard tool, as a companion to OSC 52 (no UI imports).

OSC 52 cannot report failure: tmux ignores it without `set -g set-clipboard on` and macOS
Terminal.app does not implement it. So the app also pipes the text into a native tool when one is
on PATH. Everything here is blocking and never raises; the app runs `copy_native` in a thread.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass

from tui.pack.sanitize import sanitize

# tmux reads an escape sequence into a buffer of at most 1 MiB (INPUT_BUF_LIMIT = 1 048 576 bytes)
# and drops a longer sequence without a word. OSC 52 carries base64, 4 bytes per 3 of text, so the
# most UTF-8 text that fits is 1 048 576 × 3/4 = 786 432 bytes. 700 000 leaves room for the
# sequence's own bytes and for terminals with smaller limits.
OSC52_LIMIT_BYTES = 700_000

# Candidates in order of preference. wl-copy only under Wayland and xclip/xsel only under X: with
# no display they fail or, worse, wait for one.
NATIVE_TOOLS: list[tuple[str, ...]] = [
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
    ("clip.exe",),
]
_NEEDS_ENV: dict[str, str] = {"wl-copy": "WAYLAND_DISPLAY", "xclip": "DISPLAY", "xsel": "DISPLAY"}


@dataclass(frozen=True)
class NativeCopyResult:
    """What a native copy did: the tool (None when none was found), and why not on failure."""

    tool: str | None
    ok: bool
    detail: str


def fits_osc52(text: str) -> bool:
    """Whether `text` is small enough to send by OSC 52 without a terminal dropping it."""
    return len(text.encode("utf-8")) <= OSC52_LIMIT_BYTES


def find_native_tool(
    env_path: str | None = None, *, environ: Mapping[str, str] | None = None
) -> list[str] | None:
    """The command line of the first usable clipboard tool, or None.

    `env_path` is the search path (default: $PATH); `environ` supplies DISPLAY and
    WAYLAND_DISPLAY (default: the process environment).
    """
    env = os.environ if environ is None else environ
    search = env.get("PATH", os.defpath) if env_path is None else env_path
    if not search:
        # shutil.which would look in the current directory for an empty path.
        return None
    for command in NATIVE_TOOLS:
        name = command[0]
        needed = _NEEDS_ENV.get(name)
        if needed is not None and not env.get(needed):
            continue
        found = shutil.which(name, path=search)
        if found is not None:
            return [found, *command[1:]]
    return None


def _encode_for(tool: str, text: str) -> bytes:
    # clip.exe reads stdin in the console's ANSI code page unless it starts with a UTF-16 byte
    # order mark, so Cyrillic arrives intact only as UTF-16LE with a BOM.
    if tool == "clip.exe":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode("utf-8")


def _tool_env(tool: str) -> dict[str, str]:
    env = dict(os.environ)
    if tool == "pbcopy" and "UTF-8" not in env.get("LC_ALL", env.get("LC_CTYPE", "")).upper():
        # pbcopy decodes its input by the locale; without a UTF-8 one Cyrillic turns into "?".
        env["LC_CTYPE"] = "UTF-8"
    return env


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the tool and anything it started, so a hanging tool cannot linger."""
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=1.0)


def _first_line(data: bytes) -> str:
    """The tool's first non-blank line of error output, made safe to show in a toast.

    A tool's stderr is as untrusted as content: an escape sequence in it would reach the
    terminal through the toast, so it is sanitised like content is.
    """
    for line in data.decode("utf-8", "replace").splitlines():
        if line.strip():
            return sanitize(line.strip()[:200])[0]
    return ""


def copy_native(text: str, timeout: float = 1.0) -> NativeCopyResult:
    """Pipe `text` into the first usable clipboard tool; blocking, never raises.

    The tool runs in its own session so that on timeout the whole process group is killed.
    xclip and wl-copy leave a child behind to serve the selection; stdout goes to /dev/null and
    stderr to a temporary file so that child cannot hold a pipe open and block us.
    """
    command = find_native_tool()
    if command is None:
        return NativeCopyResult(None, False, "no clipboard tool found (wl-copy, xclip, xsel)")
    tool = os.path.basename(command[0])
    try:
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=_tool_env(tool),
                start_new_session=True,
            )
            try:
                process.communicate(_encode_for(tool, text), timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill_group(process)
                return NativeCopyResult(tool, False, f"{tool} did not finish within {timeout:g} s")
            except BaseException:
                _kill_group(process)
                raise
            if process.returncode != 0:
                errors.seek(0)
                message = _first_line(errors.read(4096))
                detail = f"{tool} failed (exit status {process.returncode})"
                return NativeCopyResult(tool, False, f"{detail}: {message}" if message else detail)
    except OSError as error:
        reason = error.strerror or str(error)
        return NativeCopyResult(tool, False, f"{tool} could not be run: {reason}")
    return NativeCopyResult(tool, True, f"copied with {tool}")
