"""Pilot tests of the explorer: what a reader sees and what the keys do."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from evidence_helpers import on_notify
from packs import MARKUP_TEXTS, L, build_pack, markup_pack
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui import clipboard
from tui.export.copy import fact_clipboard_text, section_markdown
from tui.pack.model import Lang, Pack
from tui.search import build_entries, search
from tui.text.words import detect_locale_lang
from tui.ui.app import MoscowApp
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.search import SearchScreen, highlighted
from tui.ui.widgets.fact_list import FactList, fact_text, wrapped_height
from tui.ui.widgets.fact_panel import MAX_CARDS, FactPanel
from tui.ui.widgets.metric_card import GAP, year_bars
from tui.ui.widgets.section_tree import SectionTree

SIZES = [(80, 24), (120, 40)]


class Recorder:
    """Collects notifications and native copies, so tests see what the reader would."""

    def __init__(self) -> None:
        self.notices: list[str] = []
        self.native: list[str] = []


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()

    def fake_copy_native(text: str, timeout: float = 1.0) -> clipboard.NativeCopyResult:
        rec.native.append(text)
        return clipboard.NativeCopyResult("fakeclip", True, "")

    monkeypatch.setattr(clipboard, "copy_native", fake_copy_native)
    return rec


@pytest.fixture
def make_app(tmp_path: Path, recorder: Recorder) -> Callable[..., MoscowApp]:
    def make(pack: Pack | None = None, **kwargs: Any) -> MoscowApp:
        kwargs.setdefault("state_path", tmp_path / "state.json")
        kwargs.setdefault("lang", "en")
        app = MoscowApp(pack or build_pack(), **kwargs)
        on_notify(app, lambda message, options: recorder.notices.append(message))
        return app

    return make


def tree(app: MoscowApp) -> SectionTree:
    return app.screen.query_one(SectionTree)


def panel(app: MoscowApp) -> FactPanel:
    return app.screen.query_one(FactPanel)


def panel_title(app: MoscowApp) -> str:
    return str(app.screen.query_one("#panel-title", Static).render())


def fact_list(app: MoscowApp) -> FactList:
    found = panel(app).fact_list
    assert found is not None
    return found


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_tree_cursor_moves_and_panel_follows(
    make_app: Callable[..., MoscowApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert tree(app).current_path == "overview"
        assert panel_title(app) == "Overview"
        steps = [
            ("j", "infrastructure", "Infrastructure"),
            ("down", "infrastructure/technopolis", "Technopolis Moscow"),
            ("k", "infrastructure", "Infrastructure"),
            ("up", "overview", "Overview"),
            ("G", "quotes", "Quotes"),
            ("g", "overview", "Overview"),
            ("end", "quotes", "Quotes"),
        ]
        for key, path, title in steps:
            await pilot.press(key)
            await settle(pilot)
            assert tree(app).current_path == path, key
            assert panel(app).path == path
            assert panel_title(app) == title


async def test_left_right_open_close_and_parent(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(start_path="infrastructure")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        node = tree(app).cursor_node
        assert node is not None and node.is_expanded  # groups open at start
        await pilot.press("h")
        assert not node.is_expanded
        await pilot.press("l")
        assert node.is_expanded
        await pilot.press("right")  # open node: go to its first child
        await settle(pilot)
        assert tree(app).current_path == "infrastructure/technopolis"
        await pilot.press("left")  # a leaf: go to the parent
        await settle(pilot)
        assert tree(app).current_path == "infrastructure"
        await pilot.press("left")
        assert not node.is_expanded
        await pilot.press("enter")
        assert node.is_expanded
        assert tree(app).scroll_x == 0


@pytest.mark.parametrize("size", SIZES)
async def test_tab_into_fact_list_and_move(
    make_app: Callable[..., MoscowApp], size: tuple[int, int]
) -> None:
    pack = build_pack()
    app = make_app(pack, start_path="infrastructure/technoparks")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        facts = fact_list(app)
        assert app.focused is facts
        assert facts.highlighted_fact == pack.facts_in("infrastructure/technoparks")[0]
        await pilot.press("j")
        await pilot.press("down")
        assert facts.highlighted == 2
        await pilot.press("k")
        assert facts.highlighted_fact == pack.facts_in("infrastructure/technoparks")[1]
        # Exactly the highlighted fact is drawn in the focused highlight's look.
        looks = [facts._look(index) for index in range(len(facts.facts))]
        assert [look == looks[1] for look in looks].count(True) == 1
        assert looks[1] != looks[0]


async def test_copy_fact_and_section(
    make_app: Callable[..., MoscowApp], recorder: Recorder
) -> None:
    pack = build_pack()
    app = make_app(pack, start_path="infrastructure/technoparks")
    path_facts = pack.facts_in("infrastructure/technoparks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # the tree has focus: the section's first fact
        await app.workers.wait_for_complete()
        await settle(pilot)
        expected = fact_clipboard_text(pack, path_facts[0], "en")
        assert app.clipboard == expected
        assert "— TASS, 22 Oct 2025" in app.clipboard
        assert recorder.native == [expected]
        assert "Copied via OSC 52 (terminal clipboard) and fakeclip" in recorder.notices
        await pilot.press("tab", "j", "c")
        await app.workers.wait_for_complete()
        assert app.clipboard == fact_clipboard_text(pack, path_facts[1], "en")
        await pilot.press("C")
        await app.workers.wait_for_complete()
        assert app.clipboard == section_markdown(pack, "infrastructure/technoparks", "en")


async def test_copy_reports_missing_tool_and_oversize(
    make_app: Callable[..., MoscowApp], recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_tool(text: str, timeout: float = 1.0) -> clipboard.NativeCopyResult:
        return clipboard.NativeCopyResult(None, False, "no tool on PATH")

    monkeypatch.setattr(clipboard, "copy_native", no_tool)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert any("no native clipboard tool found" in n for n in recorder.notices)
        assert app.clipboard
        monkeypatch.setattr(clipboard, "OSC52_LIMIT_BYTES", 10)
        app.copy_to_clipboard("")
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.clipboard == ""  # refused: nothing sent by OSC 52
        assert any(n.startswith("Not copied: too large for OSC 52") for n in recorder.notices)


@pytest.mark.parametrize("size", SIZES)
async def test_language_switch(make_app: Callable[..., MoscowApp], size: tuple[int, int]) -> None:
    app = make_app(start_path="infrastructure/technoparks")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.title == "Moscow: high technology"
        await pilot.press("L")
        await settle(pilot)
        assert app.lang == "ru"
        node = tree(app).cursor_node
        assert node is not None and node.label.plain == "Технопарки"
        assert panel_title(app) == "Технопарки"
        assert app.title == "Москва: высокие технологии"
        assert "22 окт" in app.sub_title
        descriptions = {a.binding.id: a.binding.description for a in app.active_bindings.values()}
        assert descriptions["copy-fact"] == "Копировать"
        assert tree(app).current_path == "infrastructure/technoparks"
        await pilot.press("L")
        await settle(pilot)
        assert panel_title(app) == "Technoparks"


@pytest.mark.parametrize(
    ("query", "path", "fact_id"),
    [
        ("specialists", "infrastructure/technoparks", "technoparks-specialists"),
        ("точками роста", "quotes", "quote-mayor"),
        ("Экспорт", "support/export", None),
    ],
)
async def test_search_jumps_and_highlights(
    make_app: Callable[..., MoscowApp], query: str, path: str, fact_id: str | None
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*query)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert tree(app).current_path == path
        assert panel(app).path == path
        if fact_id is not None:
            assert fact_list(app).highlighted_fact is not None
            assert fact_list(app).highlighted_fact.id == fact_id  # type: ignore[union-attr]
            assert app.focused is fact_list(app)


async def test_search_escape_keeps_place(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(start_path="support/sme")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "x", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert panel(app).path == "support/sme"


@pytest.mark.parametrize("size", SIZES)
async def test_deep_link_opens_there(
    make_app: Callable[..., MoscowApp], size: tuple[int, int]
) -> None:
    app = make_app(start_path="support/export")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert tree(app).current_path == "support/export"
        assert panel_title(app) == "Export"
        # The series not linked to a fact has its own card.
        assert any(card.series and card.series.id == "export-volume" for card in panel(app).cards)


async def test_unknown_deep_link_gives_notice(
    make_app: Callable[..., MoscowApp], recorder: Recorder
) -> None:
    app = make_app(start_path="no/such")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert tree(app).current_path == "overview"
        assert any("no/such" in n for n in recorder.notices)


async def test_state_written_and_restored(
    make_app: Callable[..., MoscowApp], tmp_path: Path
) -> None:
    state_path = tmp_path / "state.json"
    app = make_app(lang="ru", start_path="support/export", state_path=state_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.press("j")
        await settle(pilot)
        assert tree(app).current_path == "support/sme"
    saved = json.loads(state_path.read_text(encoding="utf-8"))
    assert saved["theme"] == "textual-light"
    assert saved["lang"] == "ru"
    assert saved["section"] == "support/sme"

    again = make_app(lang=None, state_path=state_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.lang == "ru"
        assert again.theme == "textual-light"
        assert tree(again).current_path == "support/sme"
        assert panel_title(again) == "МСП"


async def test_language_switch_is_saved_at_once(
    make_app: Callable[..., MoscowApp], tmp_path: Path
) -> None:
    state_path = tmp_path / "state.json"
    app = make_app(state_path=state_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert json.loads(state_path.read_text(encoding="utf-8"))["lang"] == "ru"


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe\x00", b"[1, 2]"])
async def test_corrupt_state_gives_notice_and_runs(
    make_app: Callable[..., MoscowApp], recorder: Recorder, tmp_path: Path, garbage: bytes
) -> None:
    state_path = tmp_path / "state.json"
    state_path.write_bytes(garbage)
    app = make_app(state_path=state_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(n.startswith("State not read") for n in recorder.notices)
        await pilot.press("j")
        await settle(pilot)
        assert tree(app).current_path == "infrastructure"


async def test_unwritable_state_gives_notice(
    make_app: Callable[..., MoscowApp], recorder: Recorder, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    app = make_app(state_path=blocker / "state.json")  # a path under a file
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert any("не сохранено" in n or "not saved" in n for n in recorder.notices)
        assert app.lang == "ru"


async def test_locale_decides_language_when_nothing_else(
    make_app: Callable[..., MoscowApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    app = make_app(lang=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.lang == "ru"
        assert panel_title(app) == "Обзор"


def test_detect_locale_lang_precedence() -> None:
    assert detect_locale_lang({"LANG": "ru_RU.UTF-8"}) == "ru"
    assert detect_locale_lang({"LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"}) == "en"
    assert detect_locale_lang({"LC_MESSAGES": "ru_UA", "LANG": "C"}) == "ru"
    assert detect_locale_lang({"LC_ALL": "", "LANG": "C.UTF-8"}) == "en"
    assert detect_locale_lang({}) == "en"


async def test_too_small_message(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await settle(pilot)
        message = app.screen.query_one("#too-small", Static)
        assert message.display
        assert message.region.width > 0
        text = str(message.render())
        assert "need 60×15" in text and "have 50×12" in text
        assert not app.screen.query_one("#body").display
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not message.display
        assert app.screen.query_one("#body").display
        assert panel_title(app) == "Overview"


async def test_tree_can_be_hidden(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(start_path="infrastructure/technoparks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        width = panel(app).region.width
        await pilot.press("t")
        await settle(pilot)
        assert not tree(app).display
        assert app.focused is fact_list(app)
        assert panel(app).region.width > width
        await pilot.press("t")
        await settle(pilot)
        assert tree(app).display and app.focused is tree(app)


async def test_wide_terminal_uses_more_room(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app(start_path="infrastructure/technoparks")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        narrow_tree = tree(app).region.width
        assert narrow_tree > 28
        cards = panel(app).cards
        assert len(cards) >= 2
        assert cards[0].region.y == cards[1].region.y  # side by side


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_help_lists_keys_kinds_and_qualifiers(
    make_app: Callable[..., MoscowApp], lang: Lang
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text", Static).render())
        if lang == "en":
            for word in ("Copy", "Search", "Quit", "reported", "derived", "over", "≈"):
                assert word in text
        else:
            assert "Копировать" in text and "Поиск" in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_palette_switches_language_and_jumps(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Switch language")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert app.lang == "ru"


async def test_quit_keys(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0
    other = make_app()
    async with other.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
    assert other.return_code == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 15)])
async def test_markup_looking_content_shows_literally(
    make_app: Callable[..., MoscowApp], recorder: Recorder, size: tuple[int, int]
) -> None:
    pack = markup_pack()
    app = make_app(pack)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for _ in pack.sections:
            title = panel_title(app)
            for snippet in MARKUP_TEXTS:
                assert snippet in title
            facts = fact_list(app)
            for index in range(len(facts.facts)):
                assert "[@click=app.quit]q[/]" in facts.rendered_text(index)
            await pilot.press("j")
            await settle(pilot)
        node = tree(app).cursor_node
        assert node is not None and "[$accent]" in node.label.plain
        assert app.title.startswith("[bold]x[/]")
        await pilot.press("tab", "c")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "[/]" in app.clipboard
        await pilot.press("slash", *"click", "enter")
        await settle(pilot)
        assert app.is_running  # nothing was run by the [@click] text


def test_year_bars_show_gaps() -> None:
    series = build_pack().series["technoparks-count"]
    bars = year_bars(series, cell=1).plain
    assert len(bars) == series.last_year - series.first_year + 1
    gaps = [series.first_year + i for i, ch in enumerate(bars) if ch == GAP]
    assert gaps == series.missing_years() == [2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024]
    assert bars[0] == "▁" and bars[-1] == "█"


def test_search_covers_both_languages_and_highlights_by_offset() -> None:
    pack = markup_pack()
    entries = build_entries(pack)
    hits = search(entries, "Technoparks operate")
    assert hits and hits[0].entry.fact_id == "technoparks-count"
    ru_hits = search(entries, "работают технопарки")
    assert ru_hits[0].entry.fact_id == "technoparks-count"
    text = highlighted("[b]x[/] 50%", (1, 2))
    assert text.plain == "[b]x[/] 50%"
    assert [span.start for span in text.spans] == [1, 2]


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_shipped_content_renders_every_section(
    make_app: Callable[..., MoscowApp], lang: Lang
) -> None:
    from tui.pack.load import load_pack

    result = load_pack()
    assert result.pack is not None, [str(p) for p in result.errors]
    pack = result.pack
    app = make_app(pack, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = []
        for _ in pack.sections:
            seen.append(panel(app).path)
            assert panel_title(app) == pack.sections[panel(app).path or ""].title.get(lang)
            await pilot.press("j")
            await settle(pilot)
        assert seen == list(pack.sections)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        assert app.clipboard


async def test_search_input_takes_letters_that_are_keys_elsewhere(
    make_app: Callable[..., MoscowApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q", "c", "L", "t")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-input", Input).value == "qcLt"
        assert app.lang == "en"


async def test_no_color_is_respected(
    make_app: Callable[..., MoscowApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(start_path="infrastructure/technoparks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        assert panel_title(app) == "Technoparks"


async def test_palette_offers_search_hits(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Sobyanin")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert panel(app).path == "quotes"
        assert fact_list(app).highlighted_fact is not None
        assert fact_list(app).highlighted_fact.id == "quote-mayor"  # type: ignore[union-attr]


def many_figures_pack(count: int) -> Pack:
    """The test pack with `count` extra numeric facts in the technoparks section."""
    base = build_pack()
    template = next(f for f in base.facts_in("infrastructure/technoparks") if f.is_numeric)
    extra = tuple(
        dataclasses.replace(template, id=f"extra-{n}", text=L(f"Доп. {n}", f"Extra {n}"))
        for n in range(count)
    )
    return dataclasses.replace(base, facts=(*base.facts, *extra))


async def test_many_figures_cap_the_cards_but_not_the_list(
    make_app: Callable[..., MoscowApp],
) -> None:
    pack = many_figures_pack(40)
    path = "infrastructure/technoparks"
    facts = pack.facts_in(path)
    numeric = [fact for fact in facts if fact.is_numeric]
    app = make_app(pack, start_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        cards = panel(app).cards
        assert [card.fact for card in cards] == numeric[:MAX_CARDS]
        more = str(app.screen.query_one("#cards-more", Static).render())
        assert f"{len(numeric) - MAX_CARDS} more figures" in more
        await pilot.press("tab", "G")
        await settle(pilot)
        assert fact_list(app).highlighted_fact == facts[-1]
        # The last fact is on screen: the panel scrolled down to it.
        facts_widget = fact_list(app)
        assert facts_widget._layout is not None
        last_line = facts_widget.region.y + facts_widget._layout.tops[-1]
        assert panel(app).scroll_y > 0
        assert panel(app).region.y <= last_line < panel(app).region.bottom
        await pilot.press("shift+tab", "j")
        await settle(pilot)
        assert len(panel(app).cards) <= MAX_CARDS
        assert not app.screen.query_one("#cards-more").display


@pytest.mark.parametrize("width", [8, 23, 41, 77])
def test_fact_heights_counted_as_content_wraps(width: int) -> None:
    """The list lays out facts by counting lines; the count must match what is drawn."""
    for pack in (build_pack(), markup_pack()):
        for lang in ("en", "ru"):
            for fact in pack.facts:
                text = fact_text(pack, fact, lang)
                drawn = Content.from_rich_text(text).wrap(width)
                assert wrapped_height(text.plain, width) == len(drawn), (fact.id, lang)


async def test_the_views_modules_are_imported_one_by_one_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.ui.app as app_module

    imported: list[str] = []
    times: list[float] = []
    drawn_before: list[bool] = []

    def record(name: str) -> None:
        imported.append(name)
        times.append(time.monotonic())
        drawn_before.append(tree(app).region.area > 0)

    monkeypatch.setattr(app_module, "import_module", record)
    app = MoscowApp(build_pack(), lang="en", state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if len(imported) == len(app_module.LATER_MODULES):
                break
            await pilot.pause(0.05)
    assert imported == list(app_module.LATER_MODULES)
    assert all(drawn_before)  # nothing before the first frame
    # One at a time, each on its own timer: a slow machine can only make the gaps longer.
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert min(gaps) >= app_module.PREFETCH_INTERVAL / 2, gaps
