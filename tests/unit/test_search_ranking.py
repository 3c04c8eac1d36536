"""Search ranking and matching: headlines first, figures as numbers, one typo, one row a place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tui import search as ranking
from tui.pack.model import (
    Basis,
    Fact,
    FactKind,
    Localized,
    Pack,
    Section,
    Series,
    SeriesPoint,
    Source,
)
from tui.search import build_entries, search
from tui.search.terms import near_prefixes, normalise_numbers

TASS = Source("tass", "TASS", "Report", date(2025, 10, 22), None, "ru", primary=True)
M24 = Source("m24", "m24.ru", "News", date(2025, 11, 21), None, "ru")


def L(ru: str, en: str) -> Localized:
    return Localized(ru=ru, en=en)


def fact(number: int, section: str, ru: str, en: str, **changes: object) -> Fact:
    base: dict[str, object] = {
        "id": f"f{number}",
        "section": section,
        "kind": FactKind.REPORTED,
        "text": L(ru, en),
        "source": "tass",
    }
    base.update(changes)
    return Fact(**base)  # type: ignore[arg-type]


def pack() -> Pack:
    sections = {
        "industry": Section(
            "industry",
            "industry",
            L("Промышленность", "Industry"),
            L("Заводы Моспрома.", "Plants of Mosprom."),
            1,
            None,
        ),
        "parks": Section("parks", "parks", L("Технопарки", "Technoparks"), L("", ""), 2, None),
    }
    facts = (
        fact(
            0,
            "industry",
            "Кластер промышленности.",
            "An industry cluster.",
            note=L("Технопарки рядом.", "Technoparks nearby."),
        ),
        fact(
            1,
            "parks",
            "Рабочие места в ОЭЗ.",
            "Jobs at the SEZ.",
            value=90000.0,
            unit="jobs",
            qualifier=None,
        ),
        fact(
            2,
            "parks",
            "Специалисты технопарков.",
            "Technopark specialists.",
            value=75000.0,
            unit="specialists",
        ),
        fact(3, "parks", "Площадь.", "Floor area.", value=2_000_000.0, unit="m2", source="m24"),
        fact(4, "industry", "Моспром помогает.", "Mosprom helps.", quote=None),
    )
    series = {
        "jobs": Series(
            "jobs",
            "parks",
            L("Занятость в ОЭЗ", "Employment at the SEZ"),
            "jobs",
            Basis.HISTORY,
            (SeriesPoint(2024, 1, "tass"), SeriesPoint(2025, 2, "tass")),
        ),
    }
    return Pack(L("П", "P"), "tass", {"tass": TASS, "m24": M24}, sections, facts, series)


def ids(query: str) -> list[str]:
    return [hit.entry.fact_id or hit.entry.path for hit in search(build_entries(pack()), query)]


def test_titles_and_headlines_rank_above_body_text() -> None:
    # "technopark" is in a note of f0 (body), and starts the headline of f2 and a title.
    found = ids("technopark")
    assert found[:2] == ["parks", "f2"]
    assert found.index("f0") > found.index("f2")
    hits = search(build_entries(pack()), "technopark")
    assert [hit.headline for hit in hits][:2] == [True, True] and not hits[-1].headline


@pytest.mark.parametrize("query", ["90 000", "90,000", "90000", "90\u202f000", "90 тысяч"])
def test_figures_are_found_as_the_screen_writes_them(query: str) -> None:
    hits = search(build_entries(pack()), query)
    assert hits[0].entry.fact_id == "f1"
    assert hits[0].figure and hits[0].candidate in ("90,000 jobs", "90\u202f000 рабочих мест")


def test_scale_words_find_figures() -> None:
    assert ids("75 тысяч")[0] == "f2"
    assert ids("75 thousand specialists")[0] == "f2"
    assert ids("2 млн")[0] == "f3"
    assert normalise_numbers("1 234,5 и 3,900") == "1234.5 и 3900"


def test_one_typo_is_forgiven() -> None:
    assert ids("technoprak")[:2] == ["parks", "f2"]  # swapped letters
    # An extra letter: the headline "Моспром помогает", then "Моспрома" in a summary.
    assert ids("мосспром") == ["f4", "industry"]
    assert ids("mosprom") == ["f4", "industry"]
    assert ids("technoparkz") and ids("tecnopark")  # a wrong and a missing letter
    assert near_prefixes("technoprak", {"technoparks", "tech"}) == {"technopark"}
    # Short words must match as typed: "part" is not "park".
    assert search(build_entries(pack()), "parz") == []


def test_typos_rank_below_exact_matches() -> None:
    hits = search(build_entries(pack()), "technopark")
    assert all(hit.tier != ranking.TYPO for hit in hits)
    typo = search(build_entries(pack()), "technoprak")
    assert {hit.tier for hit in typo} == {ranking.TYPO}


def test_publishers_and_series_titles_are_searched() -> None:
    assert ids("m24") == ["f3"]
    assert "f1" in ids("tass") and "f3" not in ids("tass")
    assert ids("ТАСС") == ids("tass")  # the Russian name of the publisher too
    hits = search(build_entries(pack()), "employment")
    assert hits[0].entry.kind == "series" and hits[0].entry.path == "parks"


def test_one_row_per_place() -> None:
    # The series and its section lead to the same place: one row.
    doubled = replace(
        pack(), series={"x": replace(pack().series["jobs"], title=L("Технопарки", "Technoparks"))}
    )
    hits = search(build_entries(doubled), "technoparks")
    places = [(hit.entry.path, hit.entry.fact_id) for hit in hits]
    assert len(places) == len(set(places))


def test_the_count_covers_more_than_the_listed_hits() -> None:
    index = build_entries(pack())
    job = index.start("t", 2)
    job.step()
    assert len(job.hits()) == 2 and job.count > 2 and job.complete
