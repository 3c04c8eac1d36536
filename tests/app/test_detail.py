"""The fact detail (`Enter`), and `o` / `y` on the highlighted fact's source."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from evidence_helpers import (
    EVIDENCE,
    Notices,
    derived,
    evidence_pack,
    fact,
    fake_browser,
    fake_native_copy,
    make_app,
)
from textual.pilot import Pilot
from textual.widgets import Static

from tui import browser, clipboard
from tui.pack.model import Pack, Qualifier
from tui.text.units import format_point_value
from tui.ui.app import MoscowApp
from tui.ui.screens.detail import DetailScreen, detail_text, same_day_reports, value_in_words
from tui.ui.screens.main import MainScreen

SECTION = "infrastructure/technoparks"


@pytest.fixture
def pack() -> Pack:
    return evidence_pack()


@pytest.fixture
def copied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    into: list[str] = []
    monkeypatch.setattr(clipboard, "copy_native", fake_native_copy(into))
    return into


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs the app asked the browser to open (no browser is started)."""
    return fake_browser(monkeypatch)


def shown(app: MoscowApp) -> str:
    screen = app.screen
    assert isinstance(screen, DetailScreen)
    return str(screen.query_one("#detail-text", Static).render())


async def open_detail(pilot: Pilot[None], index: int) -> None:
    await pilot.pause()
    await pilot.press("tab", *["j"] * index, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_enter_opens_detail_and_escape_closes(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=size) as pilot:
        await open_detail(pilot, 0)
        text = shown(app)
        assert "Moscow has" in text or "Technoparks operate in Moscow." in text
        assert "Value: 49 technoparks" in text
        assert "Year: 2025" in text
        assert "Kind: reported — a figure or statement the source reports as fact" in text
        assert f"The source says: «{EVIDENCE}»" in text
        for expected in ("Publisher: TASS", "Date: 22 Oct 2025", "Language: Russian"):
            assert expected in text
        assert "URL: https://tass.ru/ekonomika/1" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_enter_on_the_tree_opens_no_detail(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_value_in_words_says_the_qualifier() -> None:
    pack = evidence_pack()
    jobs = format_point_value(90000, "jobs", Qualifier.EXACTLY, "en")
    assert jobs.endswith(" jobs") and jobs.startswith("90")
    assert value_in_words(fact(pack, "overview-jobs"), "en") == f"more than {jobs}"
    assert value_in_words(fact(pack, "infrastructure-sites"), "ru").startswith("около 120")
    assert value_in_words(fact(pack, "overview-text"), "en") == ""


def test_target_year_says_it_is_a_deadline() -> None:
    pack = evidence_pack()
    text = detail_text(pack, fact(pack, "overview-jobs"), "en").plain
    assert "Year: 2030 (the goal's deadline: by the end of that year)" in text


def test_derived_fact_is_ours_with_its_inputs_and_their_sources() -> None:
    pack = evidence_pack()
    for lang, ours, tass in (
        ("en", "Computed by moscow-tui", "— TASS, "),
        ("ru", "Вычислено moscow-tui", "— ТАСС, "),
    ):
        text = detail_text(pack, derived(pack), lang).plain  # type: ignore[arg-type]
        assert ours in text
        assert tass in text
        assert "Publisher:" not in text and "Издатель:" not in text
    text = detail_text(pack, derived(pack), "en").plain
    assert "Rule: 49 in 2025 / 6 in 2014" in text
    assert "Technoparks operate in Moscow. (49 technoparks)" in text
    assert "Residents of the technopolis. (more than 150 companies)" in text
    assert text.count("https://tass.ru/ekonomika/1") == 2


def test_source_without_url_says_so_and_lists_same_day_reports() -> None:
    pack = evidence_pack()
    source = pack.sources["izvestia-2025-10-22"]
    assert [other.id for other in same_day_reports(pack, source)] == [
        "tass-2025-10-22",
        "nsn-2025-10-22",
    ]
    text = detail_text(pack, fact(pack, "technoparks-specialists"), "en").plain
    assert "URL: no URL" in text
    assert "About the page: The page's address is unknown." in text
    assert "Also reported that day by:" in text
    assert "https://nsn.fm/novosti/1" in text
    # A source with its own URL lists no reprints.
    assert same_day_reports(pack, pack.sources["nsn-2025-10-22"]) == []


def test_russian_detail_shows_no_english_translation_of_a_quote() -> None:
    pack = evidence_pack()
    quote = fact(pack, "quote-mayor")
    assert "Technoparks have become" not in detail_text(pack, quote, "ru").plain
    assert "Technoparks have become" in detail_text(pack, quote, "en").plain


async def test_detail_follows_the_language(pack: Pack, tmp_path: Path) -> None:
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_detail(pilot, 0)
        await pilot.press("L")
        await pilot.pause()
        assert f"В источнике: «{EVIDENCE}»" in shown(app)


async def test_the_screen_behind_the_detail_follows_the_language(
    pack: Pack, tmp_path: Path
) -> None:
    """The tinted explorer behind is drawn once as the detail opens, and again when it changes."""
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_detail(pilot, 0)
        before = html.unescape(app.export_screenshot())
        assert pack.title.en.split()[0] in before  # the header above the detail's box
        await pilot.press("L")
        await pilot.pause()
        after = html.unescape(app.export_screenshot())
        assert isinstance(app.screen, DetailScreen)
        assert pack.title.ru.split()[0] in after
        assert pack.title.en.split()[0] not in after


@pytest.mark.parametrize("key", ["enter", "S", "v"])
async def test_a_resize_while_a_view_is_open_lays_out_every_screen(
    pack: Pack, tmp_path: Path, key: str
) -> None:
    """The first layout of a view is not done twice; a resize of the terminal still is."""
    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", key)
        await pilot.pause()
        view = app.screen
        assert not isinstance(view, MainScreen)
        assert all(screen.size == (120, 40) for screen in app.screen_stack)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is view
        assert all(screen.size == (90, 30) for screen in app.screen_stack)
        shot = html.unescape(app.export_screenshot())
        assert pack.title.en.split()[0] in shot or not isinstance(view, DetailScreen)
        await pilot.press("escape")
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen) and main.size == (90, 30)


async def test_o_opens_the_url_in_a_worker_and_says_so(
    pack: Pack, tmp_path: Path, opened: list[str]
) -> None:
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")  # tree focus: the section's first fact
        await app.workers.wait_for_complete()
        assert opened == ["https://tass.ru/ekonomika/1"]
        assert "Opening in the browser: https://tass.ru/ekonomika/1" in notices
        await pilot.press("tab", "j", "j", "o")  # the fact whose source has no URL
        await app.workers.wait_for_complete()
        assert opened == ["https://tass.ru/ekonomika/1"]
        assert notices[-1] == "This source has no URL"


async def test_o_in_detail_reports_a_browser_that_failed(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(url: str, *args: object) -> browser.OpenResult:
        return browser.OpenResult(url, False, "no runnable browser")

    monkeypatch.setattr(browser, "open_url", failing)
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, 0)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notices[-1] == "No browser opened https://tass.ru/ekonomika/1: no runnable browser"
        assert isinstance(app.screen, DetailScreen)


async def test_y_copies_the_url_like_c(pack: Pack, tmp_path: Path, copied: list[str]) -> None:
    notices = Notices()
    app = make_app(pack, tmp_path, notices, start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == "https://tass.ru/ekonomika/1"
        assert copied == ["https://tass.ru/ekonomika/1"]
        assert "Copied via OSC 52 (terminal clipboard) and fakeclip" in notices
        await open_detail(pilot, 2)  # the fact whose source has no URL
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["https://tass.ru/ekonomika/1"]
        assert notices[-1] == "This source has no URL"


async def test_v_in_the_detail_opens_the_facts_chart(pack: Pack, tmp_path: Path) -> None:
    from tui.ui.screens.chart import ChartScreen

    app = make_app(pack, tmp_path, Notices(), start_path=SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, 0)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChartScreen)
        assert screen.series is pack.series["technoparks-count"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
