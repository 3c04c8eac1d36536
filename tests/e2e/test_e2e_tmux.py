"""End to end: the installed `moscow-tui` in a real terminal (a private tmux server).

A copy that reaches tmux as a paste buffer went out as OSC 52, which is the only proof that the
terminal, not just `App.clipboard`, received it. These tests need tmux: CI installs it, and a
missing tmux fails them rather than skipping.
"""

from __future__ import annotations

import json
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Tmux

from tui.export.copy import fact_clipboard_text
from tui.pack.model import Lang, Pack
from tui.text.citations import citation_line
from tui.text.units import format_value
from tui.text.words import t

SECTION = "infrastructure/technoparks"
CITATION_EN = "— TASS, 22 Oct 2025"


@pytest.fixture
def small_tmux(tmp_path: Path) -> Iterator[Tmux]:
    terminal = Tmux(tmp_path, width=80, height=24)
    yield terminal
    terminal.kill()


def title(pack: Pack, path: str, lang: Lang) -> str:
    return pack.sections[path].title.get(lang)


def card_value(pack: Pack, path: str, lang: Lang) -> str:
    """The value on the section's first metric card: short, so it never wraps."""
    fact = next(fact for fact in pack.facts_in(path) if fact.is_numeric)
    return format_value(fact, lang)


def toast_start(key: str) -> str:
    """The words a copy toast starts with, up to its first field (toasts wrap after that)."""
    return t(key, "en").split("{")[0][:16]


def fake_tool(directory: Path, name: str, body: str) -> None:
    directory.mkdir(exist_ok=True)
    tool = directory / name
    tool.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    tool.chmod(stat.S_IRWXU)


def running(pid: int) -> bool:
    """Whether `pid` is a process that has not exited (a zombie has)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def report(name: str, seconds: float) -> None:
    # Shown with `pytest -s`; the timings go into the report on the tmux tests.
    print(f"[e2e timing] {name}: {seconds:.2f} s")


class TestCopyInTmux:
    def test_copy_language_and_quit(self, tmux: Tmux, pack: Pack, program: str) -> None:
        fact = pack.facts_in(SECTION)[0]
        started = time.monotonic()
        tmux.start([program, SECTION, "--lang", "en"])
        assert tmux.size() == (120, 40)
        report(
            "first paint 120x40", tmux.wait_for_text(title(pack, SECTION, "en"), "Moscow has 49")
        )
        assert tmux.buffer() is None, "a tmux buffer appeared before any copy key"

        tmux.send("c")
        expected = fact_clipboard_text(pack, fact, "en")
        assert fact.text.en in expected and CITATION_EN in expected
        assert citation_line(pack.source_of(fact), "en") == CITATION_EN
        report(
            "c → tmux buffer",
            tmux.wait_for("the fact in a tmux buffer", lambda: (tmux.buffer() or "") != ""),
        )
        copied = tmux.buffer()
        assert copied is not None
        assert fact.text.en in copied
        assert CITATION_EN in copied
        assert copied.strip() == expected.strip()
        # No native tool on this PATH without a display: the toast says only OSC 52 was used.
        tmux.wait_for_text(toast_start("copy.osc-only"))

        tmux.send("L")
        report(
            "L → Russian",
            tmux.wait_for_text(title(pack, SECTION, "ru"), card_value(pack, SECTION, "ru")),
        )
        screen = tmux.capture()
        assert title(pack, SECTION, "en") not in screen
        assert title(pack, "infrastructure", "en") not in screen

        tmux.send("q")
        assert tmux.wait_for_exit() == 0
        report("whole scenario", time.monotonic() - started)

        saved = json.loads((tmux.state_home / "moscow-tui" / "state.json").read_text("utf-8"))
        assert saved["version"] == 1
        assert saved["lang"] == "ru"
        assert saved["section"] == SECTION

    def test_section_copy_is_markdown_with_sources(
        self, tmux: Tmux, pack: Pack, program: str
    ) -> None:
        tmux.start([program, SECTION, "--lang", "en"])
        tmux.wait_for_text(title(pack, SECTION, "en"))
        tmux.send("C")
        tmux.wait_for("the section in a tmux buffer", lambda: (tmux.buffer() or "") != "")
        copied = tmux.buffer() or ""
        assert copied.lstrip().startswith("#")
        assert title(pack, SECTION, "en") in copied
        for fact in pack.facts_in(SECTION):
            assert fact.text.en in copied
        assert "tass.ru" in copied or "TASS" in copied
        tmux.send("q")
        assert tmux.wait_for_exit() == 0

    def test_native_tool_also_receives_the_copy(
        self, tmux: Tmux, pack: Pack, program: str, tmp_path: Path
    ) -> None:
        # A fake pbcopy stands in for the native tool: it needs no display, so it is always used.
        tools = tmp_path / "tools"
        received = tmp_path / "native-clipboard"
        fake_tool(tools, "pbcopy", f'exec cat > "{received}"')
        fact = pack.facts_in(SECTION)[0]
        tmux.start(
            [program, SECTION, "--lang", "en"],
            extra_env={"PATH": f"{tools}:{tmux.env['PATH']}"},
        )
        tmux.wait_for_text(title(pack, SECTION, "en"))
        tmux.send("c")
        tmux.wait_for("the tmux buffer", lambda: (tmux.buffer() or "") != "")
        tmux.wait_for(
            "the native tool's copy",
            lambda: received.exists() and CITATION_EN in received.read_text("utf-8"),
        )
        assert fact.text.en in received.read_text("utf-8")
        assert received.read_text("utf-8").strip() == (tmux.buffer() or "").strip()
        tmux.wait_for_text(toast_start("copy.both"))
        tmux.send("q")
        assert tmux.wait_for_exit() == 0

    def test_hanging_native_tool_keeps_the_app_responsive(
        self, tmux: Tmux, pack: Pack, program: str, tmp_path: Path
    ) -> None:
        tools = tmp_path / "tools"
        pid_file = tmp_path / "pbcopy.pid"
        fake_tool(tools, "pbcopy", f'echo $$ > "{pid_file}"; exec sleep 30')
        tmux.start(
            [program, SECTION, "--lang", "en"],
            extra_env={"PATH": f"{tools}:{tmux.env['PATH']}"},
        )
        tmux.wait_for_text(title(pack, SECTION, "en"))
        tmux.send("c")
        # While the tool hangs, the language still switches at once and the app quits cleanly.
        tmux.send("L")
        report("L while pbcopy hangs", tmux.wait_for_text(title(pack, SECTION, "ru"), timeout=5))
        tmux.wait_for("the tmux buffer", lambda: (tmux.buffer() or "") != "")
        tmux.wait_for("the fake pbcopy to start", pid_file.exists)
        pid = int(pid_file.read_text())
        # The app gives up on the tool after a second, kills it, and says so.
        report("hanging pbcopy killed", tmux.wait_for("pbcopy killed", lambda: not running(pid)))
        tmux.wait_for_text(t("copy.osc-native-failed", "ru").split("{")[0][:16])
        tmux.send("q")
        assert tmux.wait_for_exit() == 0


class TestStartAndExit:
    def test_small_terminal_80x24(self, small_tmux: Tmux, pack: Pack, program: str) -> None:
        small_tmux.start([program, SECTION, "--lang", "en"])
        assert small_tmux.size() == (80, 24)
        report(
            "first paint 80x24",
            small_tmux.wait_for_text(title(pack, SECTION, "en"), card_value(pack, SECTION, "en")),
        )
        small_tmux.send("c")
        small_tmux.wait_for("a tmux buffer", lambda: (small_tmux.buffer() or "") != "")
        assert CITATION_EN in (small_tmux.buffer() or "")
        small_tmux.send("q")
        assert small_tmux.wait_for_exit() == 0

    def test_remembers_language_and_section(self, tmux: Tmux, pack: Pack, program: str) -> None:
        tmux.start([program, SECTION, "--lang", "en"])
        tmux.wait_for_text(title(pack, SECTION, "en"))
        tmux.send("L")
        tmux.wait_for_text(title(pack, SECTION, "ru"))
        tmux.send("q")
        assert tmux.wait_for_exit() == 0
        # No path and no --lang: the remembered Russian and section come back (LANG is C.UTF-8).
        tmux.start([program])
        tmux.wait_for_text(title(pack, SECTION, "ru"), card_value(pack, SECTION, "ru"))
        tmux.send("q")
        assert tmux.wait_for_exit() == 0

    def test_unknown_section_exits_2_listing_the_paths(
        self, tmux: Tmux, pack: Pack, program: str
    ) -> None:
        tmux.start([program, "no/such/section"])
        assert tmux.wait_for_exit() == 2
        screen = tmux.capture(history=True)
        assert "no/such/section" in screen
        for path in pack.sections:
            assert path in screen
        assert tmux.buffer() is None


@pytest.mark.parametrize("ci", ["true", ""])
def test_missing_tmux_fails_rather_than_skips(
    ci: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="tmux is required"):
        Tmux(tmp_path, width=80, height=24)
