"""The native clipboard fallback, driven by fake tools that are shell scripts on PATH."""

from __future__ import annotations

import base64
import os
import stat
import time
from pathlib import Path

import pytest

from tui import clipboard
from tui.clipboard import OSC52_LIMIT_BYTES, copy_native, find_native_tool, fits_osc52

_SYSTEM_PATH = os.environ.get("PATH", os.defpath)


def make_tool(directory: Path, name: str, body: str, *, executable: bool = True) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    tool = directory / name
    # The script gets its own PATH: the test's PATH holds only the fake tools.
    tool.write_text(f"#!/bin/sh\nPATH={_SYSTEM_PATH}\n{body}\n", encoding="utf-8")
    mode = stat.S_IRWXU if executable else stat.S_IRUSR | stat.S_IWUSR
    tool.chmod(mode)
    return tool


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An otherwise empty PATH, with no display of any kind."""
    directory = tmp_path / "bin"
    directory.mkdir()
    monkeypatch.setenv("PATH", str(directory))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return directory


class TestFindTool:
    def test_no_tool_at_all(self, bin_dir: Path) -> None:
        assert find_native_tool() is None

    def test_empty_path_does_not_search_the_current_directory(
        self, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        make_tool(bin_dir, "pbcopy", "cat >/dev/null")
        monkeypatch.chdir(bin_dir)
        assert find_native_tool("") is None

    def test_pbcopy_needs_no_display(self, bin_dir: Path) -> None:
        tool = make_tool(bin_dir, "pbcopy", "cat >/dev/null")
        assert find_native_tool() == [str(tool)]

    def test_xclip_only_with_display(self, bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        tool = make_tool(bin_dir, "xclip", "cat >/dev/null")
        assert find_native_tool() is None
        monkeypatch.setenv("DISPLAY", ":0")
        assert find_native_tool() == [str(tool), "-selection", "clipboard"]

    def test_xsel_only_with_display(self, bin_dir: Path) -> None:
        tool = make_tool(bin_dir, "xsel", "cat >/dev/null")
        assert find_native_tool(environ={"PATH": str(bin_dir)}) is None
        found = find_native_tool(environ={"PATH": str(bin_dir), "DISPLAY": ":1"})
        assert found == [str(tool), "--clipboard", "--input"]

    def test_wl_copy_only_under_wayland_and_preferred(
        self, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        make_tool(bin_dir, "xclip", "cat >/dev/null")
        wl = make_tool(bin_dir, "wl-copy", "cat >/dev/null")
        monkeypatch.setenv("DISPLAY", ":0")
        assert find_native_tool() is not None
        assert find_native_tool()[0].endswith("xclip")  # type: ignore[index]
        monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
        assert find_native_tool() == [str(wl)]

    def test_explicit_search_path(self, tmp_path: Path, bin_dir: Path) -> None:
        other = tmp_path / "other"
        tool = make_tool(other, "clip.exe", "cat >/dev/null")
        assert find_native_tool() is None
        assert find_native_tool(str(other)) == [str(tool)]

    def test_not_executable_is_not_a_tool(self, bin_dir: Path) -> None:
        make_tool(bin_dir, "pbcopy", "cat >/dev/null", executable=False)
        assert find_native_tool() is None
        result = copy_native("x")
        assert result.tool is None
        assert not result.ok


class TestCopy:
    def test_success_receives_the_exact_text(self, bin_dir: Path, tmp_path: Path) -> None:
        received = tmp_path / "received"
        make_tool(bin_dir, "pbcopy", f'cat > "{received}"')
        text = "Технопарки: > 90 000 рабочих мест\n— TASS, 22 Oct 2025"
        result = copy_native(text)
        assert result.ok, result.detail
        assert result.tool == "pbcopy"
        assert "pbcopy" in result.detail
        assert received.read_bytes() == text.encode("utf-8")

    def test_pbcopy_gets_a_utf8_locale(
        self, bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seen = tmp_path / "env"
        make_tool(bin_dir, "pbcopy", f'cat >/dev/null; echo "$LC_CTYPE" > "{seen}"')
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_CTYPE", raising=False)
        assert copy_native("x").ok
        assert seen.read_text().strip() == "UTF-8"

    def test_clip_exe_gets_utf16_with_bom(self, bin_dir: Path, tmp_path: Path) -> None:
        received = tmp_path / "received"
        make_tool(bin_dir, "clip.exe", f'cat > "{received}"')
        assert copy_native("Москва").ok
        data = received.read_bytes()
        assert data[:2] == b"\xff\xfe"
        assert data[2:].decode("utf-16-le") == "Москва"

    def test_xclip_arguments(
        self, bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        args = tmp_path / "args"
        make_tool(bin_dir, "xclip", f'cat >/dev/null; echo "$@" > "{args}"')
        monkeypatch.setenv("DISPLAY", ":0")
        result = copy_native("x")
        assert result.ok and result.tool == "xclip"
        assert args.read_text().strip() == "-selection clipboard"

    def test_failure_exit_1_reports_stderr(self, bin_dir: Path) -> None:
        make_tool(bin_dir, "pbcopy", "cat >/dev/null; echo 'cannot open display' >&2; exit 1")
        result = copy_native("x")
        assert not result.ok
        assert result.tool == "pbcopy"
        assert "exit status 1" in result.detail
        assert "cannot open display" in result.detail

    def test_escape_sequences_in_stderr_are_made_visible(self, bin_dir: Path) -> None:
        # The detail goes into a toast: a tool's stderr must not reach the terminal raw.
        make_tool(bin_dir, "pbcopy", r"cat >/dev/null; printf '\033]0;pwned\007bad\n' >&2; exit 1")
        result = copy_native("x")
        assert not result.ok
        assert "\x1b" not in result.detail and "\x07" not in result.detail
        assert "␛]0;pwned" in result.detail

    def test_failure_without_reading_stdin(self, bin_dir: Path) -> None:
        # The tool exits before reading: writing the text hits a closed pipe, which must not raise.
        make_tool(bin_dir, "pbcopy", "exit 3")
        result = copy_native("x" * 1_000_000)
        assert not result.ok
        assert "exit status 3" in result.detail

    def test_hanging_tool_is_killed(self, bin_dir: Path, tmp_path: Path) -> None:
        pid_file = tmp_path / "pid"
        # The shell records its pid, then waits on a child: both must be gone afterwards.
        make_tool(bin_dir, "pbcopy", f'echo $$ > "{pid_file}"; sleep 30; echo done')
        started = time.monotonic()
        result = copy_native("x", timeout=1.0)
        elapsed = time.monotonic() - started
        assert not result.ok
        assert result.tool == "pbcopy"
        assert "within 1 s" in result.detail
        assert elapsed < 1.5
        pid = int(pid_file.read_text())
        # SIGKILL is delivered asynchronously: allow a moment for the group to die.
        deadline = time.monotonic() + 2.0
        while session_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not session_alive(pid)

    def test_hanging_tool_short_timeout(self, bin_dir: Path) -> None:
        make_tool(bin_dir, "pbcopy", "sleep 30")
        started = time.monotonic()
        result = copy_native("x", timeout=0.2)
        assert time.monotonic() - started < 1.0
        assert not result.ok
        assert "0.2 s" in result.detail

    def test_tool_that_cannot_start(self, bin_dir: Path) -> None:
        tool = bin_dir / "pbcopy"
        tool.write_text("#!/nonexistent/interpreter\n", encoding="utf-8")
        tool.chmod(stat.S_IRWXU)
        result = copy_native("x")
        assert not result.ok
        assert result.tool == "pbcopy"
        assert "could not be run" in result.detail

    def test_no_tool(self, bin_dir: Path) -> None:
        result = copy_native("x")
        assert result == clipboard.NativeCopyResult(None, False, result.detail)
        assert "no clipboard tool" in result.detail


class TestOsc52Limit:
    def test_limit_is_below_what_tmux_accepts(self) -> None:
        tmux_input_limit = 1024 * 1024
        assert len(base64.b64encode(b"x" * OSC52_LIMIT_BYTES)) < tmux_input_limit

    def test_fits_counts_bytes_not_characters(self) -> None:
        assert fits_osc52("x" * OSC52_LIMIT_BYTES)
        assert not fits_osc52("x" * (OSC52_LIMIT_BYTES + 1))
        # Cyrillic takes two bytes a letter in UTF-8.
        assert not fits_osc52("ж" * (OSC52_LIMIT_BYTES // 2 + 1))


def session_alive(session: int) -> bool:
    """Whether any running process belongs to `session` (the tool ran as a session leader)."""
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # Fields after the command: state, ppid, pgrp, session, ...
        if fields[0] != "Z" and int(fields[3]) == session:
            return True
    return False
