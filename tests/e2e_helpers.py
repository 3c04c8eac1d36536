"""A private tmux server for end-to-end tests of the installed `moscow-tui`.

Each `Tmux` has its own socket (`tmux -L <unique name> -f /dev/null`), so it neither sees nor
touches the developer's tmux; `set-clipboard on` lets OSC 52 from the app become a tmux paste
buffer, and `remain-on-exit on` keeps a dead pane so its exit status can be read. Every wait
polls with a deadline instead of sleeping a fixed time.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

SESSION = "e2e"
DEFAULT_TIMEOUT = 40.0  # generous: two shared, perhaps busy cores; polled, never slept


def require_tmux() -> str:
    """The tmux binary; a missing tmux fails the test (CI installs it), never skips it."""
    found = shutil.which("tmux")
    if found is None:
        where = "CI" if os.environ.get("CI") == "true" else "this machine"
        pytest.fail(f"tmux is required for the end-to-end tests and is missing on {where}", False)
    return found


def installed_script(name: str = "moscow-tui") -> Path:
    """The console script installed beside the running interpreter (the project's .venv)."""
    candidates = [
        Path(sys.executable).parent / name,
        Path(sysconfig.get_path("scripts")) / name,
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name, path=os.pathsep.join(str(c.parent) for c in candidates))
    if found is None:
        pytest.fail(f"{name} is not installed beside {sys.executable}", False)
    return Path(found)


class Tmux:
    """One private tmux server with one session whose pane runs a command."""

    def __init__(self, tmp_path: Path, *, width: int, height: int) -> None:
        self.binary = require_tmux()
        self.socket = f"moscow-tui-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.width = width
        self.height = height
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        self.state_home = tmp_path / "xdg-state"
        self.config_home = tmp_path / "xdg-config"
        # The server (and so every pane) inherits this environment and nothing else of ours.
        self.env: dict[str, str] = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "XDG_STATE_HOME": str(self.state_home),
            "XDG_CONFIG_HOME": str(self.config_home),
        }
        self.started = False

    def run(
        self, *args: str, check: bool = True, env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.binary, "-L", self.socket, "-f", "/dev/null", *args],
            env=dict(env if env is not None else self.env),
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
        )

    def start(self, argv: Sequence[str], *, extra_env: Mapping[str, str] | None = None) -> None:
        """Start the server idle, set the options, then run `argv` in the pane.

        Options are set before the command starts so that even a command that exits at once
        leaves its pane (and exit status) behind.
        """
        if not self.started:
            self.run(
                "new-session", "-d", "-s", SESSION, "-x", str(self.width), "-y", str(self.height)
            )
            self.started = True
            for option in (
                ("set-option", "-g", "set-clipboard", "on"),
                ("set-option", "-g", "remain-on-exit", "on"),
                ("set-option", "-g", "default-terminal", "xterm-256color"),
                ("set-option", "-g", "history-limit", "5000"),
                ("set-option", "-g", "window-size", "manual"),
                ("set-option", "-g", "status", "off"),
            ):
                self.run(*option)
            self.run("resize-window", "-t", SESSION, "-x", str(self.width), "-y", str(self.height))
        pane_env = {**self.env, **(extra_env or {})}
        env_args: list[str] = []
        for key, value in pane_env.items():
            env_args += ["-e", f"{key}={value}"]
        self.run("clear-history", "-t", SESSION)
        # tmux gives a new pane the PATH of the (unattached) client that asks for it, over any
        # `-e PATH=...`: so the client itself runs with the pane's environment.
        self.run("respawn-pane", "-k", "-t", SESSION, *env_args, shlex.join(argv), env=pane_env)

    def kill(self) -> None:
        """Stop the server and remove its socket, which tmux leaves behind."""
        if self.started:
            socket = self.run("display-message", "-p", "#{socket_path}", check=False).stdout
            self.run("kill-server", check=False)
            self.started = False
            if socket.strip():
                Path(socket.strip()).unlink(missing_ok=True)

    def capture(self, *, history: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", SESSION]
        if history:
            args += ["-S", "-"]
        return self.run(*args).stdout

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", SESSION, *keys)

    def pane(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", SESSION, fmt).stdout.strip()

    def size(self) -> tuple[int, int]:
        width, height = self.pane("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def buffer(self) -> str | None:
        """The newest paste buffer, or None when there is none."""
        result = self.run("show-buffer", check=False)
        return result.stdout if result.returncode == 0 else None

    def buffer_names(self) -> list[str]:
        return self.run("list-buffers", "-F", "#{buffer_name}").stdout.split()

    def wait_for(
        self,
        what: str,
        predicate: Callable[[], bool],
        *,
        timeout: float = DEFAULT_TIMEOUT,
        expect_alive: bool = True,
    ) -> float:
        """Poll `predicate` until it holds; fail with the screen when it never does.

        Gives up at once when the program has exited, unless `expect_alive` is false. Returns
        the seconds it took, for the report of timings.
        """
        started = time.monotonic()
        deadline = started + timeout
        while True:
            if predicate():
                return time.monotonic() - started
            if expect_alive and self.pane("#{pane_dead}") == "1":
                status = self.pane("#{pane_dead_status}")
                screen = self.capture(history=True)
                pytest.fail(
                    f"the program exited ({status}) while waiting for {what}; pane:\n{screen}"
                )
            if time.monotonic() > deadline:
                screen = self.capture(history=True) if self.started else "(no server)"
                pytest.fail(f"timed out after {timeout:g} s waiting for {what}; pane:\n{screen}")
            time.sleep(0.05)

    def wait_for_text(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> float:
        return self.wait_for(
            " and ".join(repr(text) for text in texts),
            lambda: all(text in self.capture() for text in texts),
            timeout=timeout,
        )

    def wait_for_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait for the pane's process to end; its exit status, or minus the killing signal."""
        # The pane turns dead when its terminal closes, before tmux has reaped the process; the
        # status (or signal) is known only after that. And Debian's tmux is built with
        # libutempter, whose own SIGCHLD handler, installed while tmux removes the utmp record of
        # the closing pane, can swallow the program's SIGCHLD, leaving a zombie that tmux never
        # reaps (tmux/tmux#311). Any other child's exit makes tmux reap them all: `run-shell true`.
        fields = "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"

        def reaped() -> bool:
            dead, status, signal = self.pane(fields).split(":")
            if dead == "1" and not (status or signal):
                self.run("run-shell", "true")
            return dead == "1" and bool(status or signal)

        self.wait_for("the program to exit", reaped, timeout=timeout, expect_alive=False)
        _, status, signal = self.pane(fields).split(":")
        return int(status) if status else -int(signal)
