"""The search index: ranking, both languages, highlights by offset, narrowing, building once."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from app_helpers import build_pack, markup_pack

from tui import search as ranking
from tui.pack.model import Fact, FactKind, Localized, Pack, Quote, Section, Source
from tui.search import SearchIndex, build_entries, fold, search
from tui.search import index as engine
from tui.ui.app import MoscowApp
from tui.ui.screens import search as search_module
from tui.ui.screens.search import SearchResults, SearchScreen, highlighted, hit_text

SOURCE = Source("src", "TASS", "Report", date(2025, 10, 22), None, "ru", primary=True)


def L(ru: str, en: str) -> Localized:
    return Localized(ru=ru, en=en)


def make_pack(
    facts: list[tuple[str, str, str]],
    sections: list[tuple[str, Localized, Localized]] | None = None,
    quotes: dict[str, Quote] | None = None,
) -> Pack:
    """Facts as (section path, ru, en), all in flat sections given as (path, title, summary)."""
    if sections is None:
        paths = dict.fromkeys(path for path, _, _ in facts)
        sections = [(path, L(f"Раздел {path}", f"Part {path}"), L("", "")) for path in paths]
    quotes = quotes or {}
    return Pack(
        title=L("Пакет", "Pack"),
        primary_source="src",
        sources={"src": SOURCE},
        sections={
            path: Section(path, path, title, summary, order, None)
            for order, (path, title, summary) in enumerate(sections)
        },
        facts=tuple(
            Fact(
                f"f{number}",
                path,
                FactKind.QUOTE if f"f{number}" in quotes else FactKind.DESCRIPTION,
                L(ru, en),
                "src",
                quote=quotes.get(f"f{number}"),
            )
            for number, (path, ru, en) in enumerate(facts)
        ),
    )


def ids(pack: Pack, query: str) -> list[str | None]:
    return [hit.entry.fact_id or hit.entry.path for hit in search(build_entries(pack), query)]


def test_word_start_beats_inside_word_beats_letters_in_order() -> None:
    pack = make_pack(
        [
            ("a", "гапы", "letters p-a-r-k spread: pXaXrXk"),
            ("a", "внутри", "ecopark inside a word"),
            ("a", "начало", "Parking at a word start"),
        ]
    )
    hits = search(build_entries(pack), "park")
    assert [hit.entry.fact_id for hit in hits] == ["f2", "f1", "f0"]
    assert [hit.tier for hit in hits] == [1, 2, 3]
    assert hits[0].score > hits[1].score > hits[2].score > 0


def test_sections_come_before_facts_then_display_order() -> None:
    pack = make_pack(
        [("b", "экспорт растёт", "exports grow"), ("a", "экспорт", "export")],
        sections=[("a", L("Первый", "First"), L("", "")), ("b", L("Экспорт", "Export"), L("", ""))],
    )
    assert ids(pack, "экспорт") == ["b", "f0", "f1"]
    assert ids(pack, "EXPORT") == ["b", "f0", "f1"]


def test_both_languages_and_quotes_are_searched() -> None:
    quote = Quote("Москва — точка роста", "Moscow is a growth point", L("Собянин", "Sobyanin"))
    pack = make_pack(
        [("a", "технопарки работают", "technoparks operate"), ("a", "цитата", "a quote")],
        quotes={"f1": quote},
    )
    assert ids(pack, "technoparks operate") == ["f0"]
    assert ids(pack, "работают") == ["f0"]
    assert ids(pack, "sobyanin") == ids(pack, "собянин") == ["f1"]
    assert ids(pack, "точка роста") == ["f1"]
    hit = search(build_entries(pack), "growth")[0]
    assert hit.candidate == "Moscow is a growth point"


def test_shared_fixture_pack_finds_what_the_app_tests_expect() -> None:
    index = build_entries(build_pack())
    assert search(index, "specialists")[0].entry.fact_id == "technoparks-specialists"
    assert search(index, "Экспорт")[0].entry.path == "support/export"
    assert search(index, "Экспорт")[0].entry.fact_id is None


def test_offsets_point_at_the_query_in_the_original_text() -> None:
    pack = make_pack([("a", "ДВА технопарка", "Two TECHNOPARKS, then more")])
    index = build_entries(pack)
    for query in ("technoparks", "Технопарк", "then", "twtch"):
        hit = search(index, query)[0]
        matched = "".join(hit.candidate[offset] for offset in hit.offsets)
        assert fold(matched) == fold(query), (query, hit)
    hit = search(index, "then")[0]
    start = hit.candidate.index("then")
    text = highlighted(hit.candidate, hit.offsets)
    assert [(span.start, span.end) for span in text.spans] == [
        (i, i + 1) for i in range(start, start + 4)
    ]


def test_letters_in_order_take_the_first_place_after_the_previous_one() -> None:
    pack = make_pack([("a", "x", "a-b-a-b-c")])
    hit = search(build_entries(pack), "abc")[0]
    assert hit.tier == 3
    assert hit.offsets == (0, 2, 8)


def test_markup_looking_text_stays_literal() -> None:
    pack = markup_pack()
    index = build_entries(pack)
    hits = search(index, "[bold]")
    assert hits
    text = hit_text(pack, hits[0], "en")
    assert "[bold]x[/]" in text.plain
    matched = [text.plain[span.start : span.end] for span in text.spans if span.style != "dim"]
    assert "".join(matched) == "[bold]"
    assert highlighted("[b]x[/] 50%", (1, 2)).plain == "[b]x[/] 50%"


def test_fold_keeps_length_so_offsets_hold() -> None:
    for text in ("Straße", "İstanbul", "ﬁnance", "ПРИВЕТ", "a\nb"):
        assert len(fold(text)) == len(text)
    pack = make_pack([("a", "Straße ещё", "ﬁnance Straße")])
    # A character that folds to two keeps the first on both sides, so it still finds itself.
    hit = search(build_entries(pack), "ﬁnance STRAßE")[0]
    assert hit.candidate == "ﬁnance Straße" and hit.offsets[:2] == (0, 1)
    hit = search(build_entries(pack), "STRAßE")[0]
    assert hit.candidate == "Straße ещё" and hit.offsets == tuple(range(6))


def test_newlines_in_texts_do_not_split_entries() -> None:
    pack = make_pack([("a", "строка\nвторая", "line one\nline two")])
    index = build_entries(pack)
    assert ids(pack, "one line") == ["f0"]
    hit = search(index, "one line")[0]
    assert hit.candidate == "line one\nline two"
    assert "\n" not in highlighted(hit.candidate, hit.offsets).plain


def random_pack(seed: int, n_facts: int) -> Pack:
    rng = random.Random(seed)
    words_en = ["park", "export", "grant", "zone", "robot", "lab", "city", "Moscow"]
    words_ru = ["парк", "экспорт", "грант", "зона", "робот", "лаборатория", "город"]
    facts = []
    for number in range(n_facts):
        en = " ".join(rng.choice(words_en) for _ in range(rng.randint(1, 5)))
        ru = " ".join(rng.choice(words_ru) for _ in range(rng.randint(1, 5)))
        facts.append((f"s{number % 7}", ru, f"{en} {number}"))
    return make_pack(facts)


@pytest.mark.parametrize("block", [3, 64, 2048])
def test_narrowing_while_typing_equals_a_fresh_search(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", block)
    pack = random_pack(seed=block, n_facts=300)
    typed = build_entries(pack)
    narrowed = 0
    for word in ("robot 12", "парк зона", "zpq", "mos", "grant 299", "ekspo"):
        for end in range(1, len(word) + 1):
            for limit in (5, 40):
                job = typed.start(word[:end], limit)
                narrowed += job.within is not None
                job.step()
                typed.remember(job)
                fresh = search(build_entries(pack), word[:end], limit)
                assert job.hits() == fresh, (word[:end], limit)
    assert narrowed > 10  # narrowing did happen, and gave the same answers


def test_a_query_typed_again_gets_the_same_result_without_a_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 16)
    pack = random_pack(seed=7, n_facts=300)
    typed = build_entries(pack)
    for query in ("mos", "mo", "m", "mo", "mos", "ekspo", "m"):
        job = typed.start(query, 5)
        job.step()
        typed.remember(job)
        fresh = SearchIndex(pack).start(query, 5)
        fresh.step()
        assert (job.hits(), job.count, job.complete) == (fresh.hits(), fresh.count, fresh.complete)
    scans: list[str] = []

    def scan(job: ranking.SearchJob) -> Iterator[None]:
        scans.append(job.query)
        return iter(())

    monkeypatch.setattr(ranking.SearchJob, "_scan", scan)
    again = typed.start("mo", 5)
    assert again.done and not scans  # the result of "mo" above, not a new search
    assert again is not typed.start("mo", 5)  # each screen gets its own job


def test_hits_so_far_are_the_start_of_the_final_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 4)
    index = build_entries(random_pack(seed=1, n_facts=200))
    job = index.start("rbt")
    seen = []
    while not job.step(budget=0):
        seen.append(job.hits())
    final = job.hits()
    assert len(seen) > 3 and final
    for partial in seen:
        assert partial == final[: len(partial)]


def test_index_is_built_once_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 16)
    monkeypatch.setattr(ranking, "COUNT_CAP", 40)  # counting stops, as at 100,000 facts
    pack = random_pack(seed=2, n_facts=200)

    def forbidden(self: Pack, path: str) -> list[Fact]:
        raise AssertionError("the index must not call facts_in")

    monkeypatch.setattr(Pack, "facts_in", forbidden)
    built: list[int] = []
    original = SearchIndex._build

    def counting(self: SearchIndex, number: int) -> object:
        built.append(number)
        return original(self, number)

    monkeypatch.setattr(SearchIndex, "_build", counting)
    index = build_entries(pack)
    assert built == []  # nothing is built until a search needs it
    assert len(search(index, "park")) == 40
    # A common word stops early: only the first blocks, in order.
    assert built == list(range(len(built))) and len(built) < len(index._blocks)
    for query in ("nothing like this", "zone 1", "p", "лаборатория 3"):
        search(index, query)
    assert sorted(built) == list(range(len(index._blocks)))  # each block once
    assert len(index) == len(pack.sections) + len(pack.facts)


def test_pack_lookups_are_indexed_once() -> None:
    pack = build_pack()
    for path in pack.sections:
        assert pack.facts_in(path) == [fact for fact in pack.facts if fact.section == path]
        assert pack.series_in(path) == [s for s in pack.series.values() if s.section == path]
    assert pack._facts_by_section is pack._facts_by_section
    assert pack.facts_in("no/such") == []
    pack.facts_in(next(iter(pack.sections))).clear()  # callers get their own list
    assert pack.facts_in("infrastructure/technoparks")


async def test_a_long_search_finishes_in_a_worker_and_shows_the_same_hits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(search_module, "UI_BUDGET", 0.0)
    monkeypatch.setattr(engine, "BLOCK_ENTRIES", 8)
    pack = random_pack(seed=3, n_facts=400)
    app = MoscowApp(pack, lang="en", state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zbt")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one(SearchResults)
        expected = search(build_entries(pack), "zbt", search_module.SHOWN_HITS)
        shown = results.row_texts()
        assert expected and shown == [hit_text(pack, hit, "en").plain for hit in expected]
        assert screen.status.endswith("found") and "…" not in screen.status
        await pilot.press(*"qqq")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert results.rows == []
        assert screen.status == "No matches"
