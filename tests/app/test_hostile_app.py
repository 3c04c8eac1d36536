"""The app against a hostile environment: clipboard tools that fail or hang, bad state, a
read-only content tree.

Clipboard tests run the real `clipboard.copy_native` against fake tools on PATH (shell scripts),
in the app under Textual's pilot, with the bytes the app would write recorded (see
test_hostile_pty.recording_app). The read-only test runs every command of the installed program
against a copy of the content that no one may write, and compares hashes and times after.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from packs import L, build_pack
from pty_helpers import (
    PtyApp,
    assert_clean_app_output,
    base_env,
    control_characters,
    escape_sequences,
    program,
    recording_app,
    settle,
    unsafe,
    until,
)
from textual.widgets._toast import Toast

from tui import cli, clipboard
from tui.export.copy import section_markdown
from tui.pack.load import load_pack
from tui.pack.model import Pack
from tui.paths import default_content_dir
from tui.text.words import t
from tui.ui.app import MoscowApp
from tui.ui.widgets.section_tree import SectionTree

HOSTILE_STDERR = r"\033]0;pwned\007 \033]52;c;SGVsbG8=\033\\ \033[2J [@click=app.quit]x[/] broken"


def fake_tool(directory: Path, body: str, name: str = "pbcopy") -> Path:
    """A shell script called `name` in `directory`; pbcopy needs no display, so it is used."""
    directory.mkdir(exist_ok=True)
    tool = directory / name
    tool.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    tool.chmod(stat.S_IRWXU)
    return tool


@pytest.fixture
def tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is the whole PATH: no clipboard tool unless a test adds one."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return folder


def messages(app: MoscowApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def tree_path(app: MoscowApp) -> str | None:
    return app.screen.query_one(SectionTree).current_path


# --- clipboard ------------------------------------------------------------------------------


async def test_no_native_tool_says_so_and_still_sends_osc52(tools: Path, tmp_path: Path) -> None:
    app, written = recording_app(build_pack(), tmp_path / "state.json", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await until(pilot, "the copy toast", lambda: bool(messages(app)))
        assert messages(app) == [t("copy.sent-osc-only", "en")]
        assert app.clipboard.endswith("— TASS, 22 Oct 2025\nhttps://tass.ru/ekonomika/1\n")
    assert_clean_app_output(written, copies=1)


async def test_failing_tool_is_reported_without_its_escapes(tools: Path, tmp_path: Path) -> None:
    fake_tool(tools, f"/bin/cat > /dev/null; printf '{HOSTILE_STDERR}' >&2; exit 3")
    app, written = recording_app(build_pack(), tmp_path / "state.json", lang="en")
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await until(pilot, "the copy toast", lambda: bool(messages(app)))
        (message,) = messages(app)
        assert message.startswith("Sent via OSC 52; pbcopy failed: pbcopy failed (exit status 3)")
        # The tool's stderr is shown, but its controls as visible marks.
        assert "␛]0;pwned␇" in message and "␛[2J" in message
        assert "[@click=app.quit]x[/]" in message
        assert unsafe(message) == []
        await until(pilot, "the toast", lambda: bool(app.screen.query(Toast)))
        await settle(pilot)
        assert any("␛]0;pwned␇" in str(toast.render()) for toast in app.screen.query(Toast))
        assert app.is_running
    text = assert_clean_app_output(written, copies=1)
    assert "␛]0;pwned" in text  # the toast was painted, its escapes as visible marks


def test_failing_tool_stderr_never_reaches_the_terminal(tmp_path: Path) -> None:
    """The same in a pty: the toast is painted, and the bytes hold no OSC but Textual's own."""
    tools = tmp_path / "bin"
    fake_tool(tools, f"/bin/cat > /dev/null; printf '{HOSTILE_STDERR}' >&2; exit 3")
    env = base_env(tmp_path / "home")
    env["PATH"] = f"{tools}:{env['PATH']}"
    app = PtyApp(
        [
            str(program()),
            "--lang",
            "en",
            "--content",
            str(Path(__file__).resolve().parents[1] / "data/valid"),
        ],
        env,
        size=(120, 30),
    )
    try:
        app.wait_for_text("Test pack")
        mark = app.mark()
        app.send("c")
        app.wait_for_text("broken", after=mark)  # the toast, painted
        app.send("q")
        assert app.wait_exit() == 0
    finally:
        app.close()
    text = app.output.decode("utf-8")
    sequences, rest = escape_sequences(text)
    osc = [s.raw for s in sequences if s.kind == "OSC"]
    pointer = [raw for raw in osc if raw == "\x1b]22;default\x07"]
    copies = [raw for raw in osc if raw.startswith("\x1b]52;c;")]
    assert len(copies) == 1 and len(pointer) + len(copies) == len(osc), osc
    assert not any(s.kind == "CSI" and s.params == "2" and s.final == "J" for s in sequences)
    assert "␛]0;pwned␇" in rest
    assert control_characters(rest, allowed="\r\n") == []


async def test_hanging_tool_leaves_the_app_responsive_and_is_given_up(
    tools: Path, tmp_path: Path
) -> None:
    pid_file = tmp_path / "tool.pid"
    fake_tool(tools, f'echo $$ > "{pid_file}"; exec /bin/sleep 30')
    app, written = recording_app(build_pack(), tmp_path / "state.json", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert tree_path(app) == "overview"
        started = time.monotonic()
        await pilot.press("c")
        await until(pilot, "the tool to start", pid_file.exists)
        # While the worker waits for the tool, keys still move the tree.
        await pilot.press("j", "j")
        await settle(pilot)
        assert tree_path(app) == "infrastructure/technopolis"
        assert any(w.name == "copy-native" and w.is_running for w in app.workers)
        assert messages(app) == []
        await until(pilot, "the copy toast", lambda: bool(messages(app)), timeout=10)
        waited = time.monotonic() - started
        (message,) = messages(app)
        assert message == t(
            "copy.osc-native-failed",
            "en",
            tool="pbcopy",
            detail="pbcopy did not finish within 1 s",
        )
        assert 0.9 <= waited < 6.0
        pid = int(pid_file.read_text())
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # killed and reaped, not left behind
        await pilot.press("k")
        await settle(pilot)
        assert tree_path(app) == "infrastructure"
    assert_clean_app_output(written, copies=1)


def huge_pack() -> Pack:
    """The test pack with one fact of a subsection so long that its section is > 700 KB."""
    base = build_pack()
    huge = "данные " * (clipboard.OSC52_LIMIT_BYTES // 12)
    facts = tuple(
        dataclasses.replace(fact, text=L(huge, huge)) if fact.id == "sme-support" else fact
        for fact in base.facts
    )
    return dataclasses.replace(base, facts=facts)


@pytest.mark.parametrize("works", [True, False], ids=["native-tool", "no-tool"])
async def test_copy_larger_than_osc52_accepts_is_refused_for_osc52(
    tools: Path, tmp_path: Path, works: bool
) -> None:
    pack = huge_pack()
    text = section_markdown(pack, "support", "en")
    size = len(text.encode("utf-8"))
    assert size > clipboard.OSC52_LIMIT_BYTES
    received = tmp_path / "received"
    if works:
        fake_tool(tools, f'/bin/cat > "{received}"')
    app, written = recording_app(pack, tmp_path / "state.json", lang="en", start_path="support")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, "the copy toast", lambda: bool(messages(app)), timeout=10)
        (message,) = messages(app)
        values = {"size": size // 1000, "limit": clipboard.OSC52_LIMIT_BYTES // 1000}
        if works:
            assert message == t("copy.native-only", "en", tool="pbcopy", **values)
            assert received.read_text("utf-8") == text
        else:
            assert message.startswith(t("copy.none", "en", detail="", **values)[:60])
        assert app.clipboard == ""  # nothing went out by OSC 52
    assert_clean_app_output(written, copies=0)


# --- state ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state",
    [
        b"\x1b]0;pwned\x07{",
        json.dumps(
            {
                "version": 1,
                "theme": "\x1b]0;pwned\x07",
                "lang": "en",
                "section": "[@click=app.quit]x[/]",
            }
        ).encode(),
        json.dumps({"version": "\x1b[2J", "lang": "\u202e"}).encode(),
    ],
    ids=["escape-then-garbage", "hostile-values", "hostile-version"],
)
async def test_hostile_state_file_gives_defaults_and_a_clean_notice(
    tmp_path: Path, state: bytes
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(state)
    app, written = recording_app(build_pack(), path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert tree_path(app) == "overview"
        assert app.theme != "\x1b]0;pwned\x07"
        assert all(unsafe(message) == [] for message in messages(app))
        await pilot.press("j")
        await settle(pilot)
        assert tree_path(app) == "infrastructure"
    assert_clean_app_output(written)


async def test_state_path_that_is_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.mkdir()
    app, _ = recording_app(build_pack(), path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("it is a directory" in message for message in messages(app))
        await pilot.press("L")  # saves at once: the failure is a notice, not a crash
        await settle(pilot)
        assert any(message.startswith("Состояние не сохранено") for message in messages(app))
        assert app.lang == "ru"
        await pilot.press("q")
    assert app.return_code == 0
    assert path.is_dir() and list(path.iterdir()) == []


def test_unwritable_state_dir_in_a_real_terminal(tmp_path: Path) -> None:
    """The state folder is a file: the installed app starts, says so on save, and exits 0."""
    home = tmp_path / "home"
    home.mkdir()
    blocker = home / "state"
    blocker.write_text("not a folder", encoding="utf-8")  # XDG_STATE_HOME itself
    app = PtyApp(
        [
            str(program()),
            "--lang",
            "en",
            "--content",
            str(Path(__file__).resolve().parents[1] / "data/valid"),
        ],
        base_env(home),
        size=(100, 30),
    )
    try:
        app.wait_for_text("Test pack")
        app.send("L")
        app.wait_for_text("Состояние не сохранено")
        app.send("q")
        assert app.wait_exit() == 0
    finally:
        app.close()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


# --- a read-only content tree -------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under `root`: its hash (files), mode and modification time in ns."""
    found: dict[str, tuple[str, int, int]] = {}
    for path in sorted([root, *root.rglob("*")]):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(root))] = (digest, info.st_mode, info.st_mtime_ns)
    return found


@pytest.fixture
def read_only_content(tmp_path: Path) -> Iterator[Path]:
    """A copy of the shipped content (and the hostile pack), chmod -R a-w."""
    import shutil

    root = tmp_path / "ro"
    shutil.copytree(default_content_dir(), root / "content")
    shutil.copytree(
        Path(__file__).resolve().parents[1] / "data" / "hostile" / "pack", root / "hostile"
    )
    for path in sorted([root, *root.rglob("*")], reverse=True):
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield root
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


CHANGES = ("os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.utime")


class WriteAudit:
    """Every open for writing (or create, rename, remove) under a folder, via audit hooks."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.active = False
        self.events: list[str] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active or not args:
            return
        if event == "open":
            path, mode, flags = (*args, None, None)[:3]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writing and str(path).startswith(self.root):
                self.events.append(f"open {path} {mode} {flags}")
        elif event in CHANGES and any(str(arg).startswith(self.root) for arg in args[:2]):
            self.events.append(f"{event} {args[:2]}")


_audit: WriteAudit | None = None


def audit(root: Path) -> WriteAudit:
    """One hook per process (hooks cannot be removed); each test points it at its own root."""
    global _audit
    if _audit is None:
        _audit = WriteAudit(root)
    _audit.root, _audit.events = str(root), []
    return _audit


COMMANDS = [
    ["check", "{content}"],
    ["check", "{hostile}"],
    ["export", "--format", "json", "--content", "{content}"],
    ["export", "--format", "md", "--lang", "ru", "--content", "{content}"],
    ["export", "--format", "csv", "--lang", "en", "--content", "{hostile}"],
    ["schema"],
    ["paths", "--content", "{content}"],
]


def test_every_command_leaves_a_read_only_tree_untouched(
    read_only_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = read_only_content
    before = snapshot(root)
    places = {"content": str(root / "content"), "hostile": str(root / "hostile")}
    env = base_env(tmp_path / "home")
    # The installed program, run from inside the tree (the current folder is not written either).
    for command in COMMANDS:
        argv = [str(program()), *(part.format(**places) for part in command)]
        done = subprocess.run(argv, cwd=root, env=env, capture_output=True, timeout=60, check=False)
        assert done.returncode == 0, (argv, done.stderr[-1000:])
    app = PtyApp(
        [str(program()), "--content", places["content"], "--lang", "ru"], env, size=(100, 30)
    )
    try:
        pack = load_pack([root / "content"]).pack
        assert pack is not None
        app.wait_for_text(next(iter(pack.sections.values())).title.ru)
        app.send("j", "tab", "j", "c", "C", "shift+tab", "L")
        app.wait_quiet(0.3)
        app.send("q")
        assert app.wait_exit() == 0
    finally:
        app.close()
    # The same commands in this process, with every open for writing under the tree recorded.
    watcher = audit(root)
    watcher.active = True
    try:
        for command in COMMANDS:
            with pytest.raises(SystemExit) as exited:
                cli.main([part.format(**places) for part in command])
            assert exited.value.code == 0
    finally:
        watcher.active = False
    capsys.readouterr()
    assert watcher.events == []
    assert snapshot(root) == before


def test_the_write_audit_sees_a_write(tmp_path: Path) -> None:
    """The audit above can fail: it records an open for writing under its root."""
    watcher = audit(tmp_path)
    watcher.active = True
    try:
        (tmp_path / "x").write_text("x", encoding="utf-8")
    finally:
        watcher.active = False
    assert len(watcher.events) == 1 and "x" in watcher.events[0]


def test_signals_are_what_the_pty_helper_sends() -> None:
    # The pty helper resizes with SIGWINCH; make sure the platform has it (Linux CI does).
    assert signal.SIGWINCH > 0
