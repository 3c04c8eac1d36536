"""Words (issue 12): the palette in the reader's language, and copy toasts that say what and how."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_helpers import build_pack
from evidence_helpers import on_notify
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tui import clipboard
from tui.pack.model import Lang, Pack
from tui.text.words import t
from tui.ui import tmux
from tui.ui.app import MoscowApp
from tui.ui.copy_toast import first_words
from tui.ui.screens.help import HelpScreen

TEXTUAL_COMMANDS = ("Keys", "Maximize", "Quit", "Screenshot", "Theme", "Search for commands")


@pytest.fixture
def notices() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def make_app(tmp_path: Path, notices: list[tuple[str, str]]) -> Callable[..., MoscowApp]:
    def make(pack: Pack | None = None, **kwargs: Any) -> MoscowApp:
        kwargs.setdefault("state_path", tmp_path / "state.json")
        kwargs.setdefault("lang", "en")
        app = MoscowApp(pack or build_pack(), **kwargs)
        on_notify(app, lambda message, options: notices.append((options.get("title", ""), message)))
        return app

    return make


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


def palette_prompts(app: MoscowApp) -> str:
    options = app.screen.query_one(OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


# --- The palette ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
async def test_palette_speaks_the_readers_language_and_has_no_keys_panel(
    make_app: Callable[..., MoscowApp], lang: Lang
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        prompt = app.screen.query_one(Input).placeholder
        assert prompt == t("palette.placeholder", lang)
        listed = palette_prompts(app)
        assert t("cmd.help", lang) in listed and t("cmd.theme", lang) in listed
        assert "Keys" not in listed and "Maximize" not in listed
        if lang == "ru":
            for word in TEXTUAL_COMMANDS:
                assert word not in listed and word not in prompt
        # Quit is not offered to an Enter in the empty palette, only to a search for it.
        assert t("cmd.quit", lang) not in listed
        await pilot.press(*t("cmd.quit", lang))
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert t("cmd.quit", lang) in palette_prompts(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)


async def test_palette_opens_help_and_themes_in_russian(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Справка")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p", *"Тема")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == t("palette.themes", "ru")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)


# --- Copy toasts ----------------------------------------------------------------------------


def test_first_words_name_the_copy() -> None:
    assert first_words("Moscow has 49 technoparks.\n— TASS") == "Moscow has 49 technoparks."
    assert first_words("# Technoparks\n\n- x") == "Technoparks"
    long = "one two three four five six seven eight"
    assert first_words(long) == "one two three four five six…"
    assert first_words("\n\n") == ""
    assert len(first_words("x" * 500)) <= 49


@pytest.fixture
def no_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    def copy_native(text: str, timeout: float = 1.0) -> clipboard.NativeCopyResult:
        return clipboard.NativeCopyResult(None, False, "no tool")

    monkeypatch.setattr(clipboard, "copy_native", copy_native)


async def copy_and_wait(app: MoscowApp, pilot: Pilot[None], key: str) -> None:
    await pilot.press(key)
    await app.workers.wait_for_complete()
    await settle(pilot)


async def test_toast_names_what_was_copied_and_how(
    make_app: Callable[..., MoscowApp],
    notices: list[tuple[str, str]],
    no_tool: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    pack = build_pack()
    app = make_app(pack, start_path="infrastructure/technoparks", lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await copy_and_wait(app, pilot, "c")
        title, message = notices[-1]
        first = pack.facts_in("infrastructure/technoparks")[0].text.ru
        assert title.startswith("«") and title.endswith("»")
        assert title[1:-1].rstrip("…") in first and first.startswith(title[1:4])
        assert message == t("copy.sent-osc-only", "ru")
        assert "tmux" not in message  # not in tmux: no tmux advice
        await copy_and_wait(app, pilot, "C")
        title, _ = notices[-1]
        assert title == "«Технопарки»"


def fake_tmux(folder: Path, answer: str, calls: Path) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / "tmux"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\necho {answer}\n', encoding="utf-8")
    script.chmod(stat.S_IRWXU)


@pytest.mark.parametrize(("setting", "advice"), [("on", False), ("external", True), ("off", True)])
async def test_tmux_advice_only_when_tmux_drops_the_copy_now(
    make_app: Callable[..., MoscowApp],
    notices: list[tuple[str, str]],
    no_tool: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    setting: str,
    advice: bool,
) -> None:
    calls = tmp_path / "calls"
    fake_tmux(tmp_path / "bin", setting, calls)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    monkeypatch.setenv("TMUX", "/tmp/tmux-test/default,1,0")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not calls.exists()  # tmux is asked at the copy, not at start
        await copy_and_wait(app, pilot, "c")
        _, message = notices[-1]
        assert calls.read_text().split() == ["show-options", "-gv", "set-clipboard"]
        assert ("set -g set-clipboard on" in message) is advice
        if advice:
            assert f"set-clipboard {setting}" in message
        # The setting is asked again at the next copy: the reader may have changed it.
        fake_tmux(tmp_path / "bin", "on", calls)
        await copy_and_wait(app, pilot, "c")
        assert len(calls.read_text().splitlines()) == 2
        assert "set-clipboard on" not in notices[-1][1]


def test_clipboard_setting_outside_tmux_or_without_an_answer(tmp_path: Path) -> None:
    assert tmux.clipboard_setting({"PATH": "/usr/bin:/bin"}) is None
    calls = tmp_path / "calls"
    fake_tmux(tmp_path / "bin", "bogus", calls)
    env = {"PATH": str(tmp_path / "bin"), "TMUX": "/tmp/x,1,0"}
    assert tmux.clipboard_setting(env) is None  # an answer we do not know
    fake_tmux(tmp_path / "bin", "off", calls)
    assert tmux.clipboard_setting(env) == "off"
    hang = tmp_path / "hang"
    hang.mkdir()
    (hang / "tmux").write_text("#!/bin/sh\nexec sleep 5\n", encoding="utf-8")
    (hang / "tmux").chmod(stat.S_IRWXU)
    assert tmux.clipboard_setting({"PATH": str(hang), "TMUX": "x"}, timeout=0.2) is None
    assert tmux.drops_osc52("off") and tmux.drops_osc52("external")
    assert not tmux.drops_osc52("on") and not tmux.drops_osc52(None)
