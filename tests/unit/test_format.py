"""Formatting of numbers, values, dates, citations, clipboard text and Markdown."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.export.copy import fact_clipboard_text, section_markdown
from tui.export.csv import CSV_COLUMNS, export_csv
from tui.export.json import export_json
from tui.pack.model import (
    UNITS,
    Basis,
    DatePrecision,
    Fact,
    FactKind,
    Localized,
    Pack,
    Qualifier,
    Quote,
    Section,
    Series,
    SeriesPoint,
    Source,
)
from tui.text.citations import citation_line
from tui.text.dates import format_date
from tui.text.numbers import NBSP, THIN_NBSP, format_number, qualifier_sign
from tui.text.units import format_point_value, format_value
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS

THIN = THIN_NBSP

TASS = Source(
    id="tass",
    publisher="TASS",
    title="Собянин: в Москве продолжится развитие высокотехнологичной инфраструктуры",
    date=date(2025, 10, 22),
    url="https://tass.ru/ekonomika/1",
    language="ru",
    primary=True,
)
UNDATED = Source(
    id="undated", publisher="Example [site]", title="No *date*", date=None, url=None, language="ru"
)


def L(ru: str, en: str) -> Localized:
    return Localized(ru=ru, en=en)


def make_fact(**changes: object) -> Fact:
    base: dict[str, object] = {
        "id": "jobs",
        "section": "infra/sez",
        "kind": FactKind.TARGET,
        "text": L("Новые рабочие места в ОЭЗ.", "New jobs in the SEZ."),
        "source": "tass",
        "value": 90000.0,
        "unit": "jobs",
        "qualifier": Qualifier.OVER,
        "year": 2030,
    }
    base.update(changes)
    return Fact(**base)  # type: ignore[arg-type]


def make_pack() -> Pack:
    sections = {
        "infra": Section(
            "infra",
            "infra",
            L("Инфраструктура", "Infrastructure"),
            L("Обзор.", "Overview."),
            1,
            None,
            ("infra/sez",),
        ),
        "infra/sez": Section(
            "sez",
            "infra/sez",
            L("ОЭЗ", "SEZ"),
            L("Зона [1] *важна*.", "The zone [1] *matters*."),
            1,
            "infra",
        ),
        "other": Section("other", "other", L("Другое", "Other"), L("", ""), 2, None),
    }
    facts = (
        make_fact(),
        make_fact(
            id="quote",
            kind=FactKind.QUOTE,
            text=L("Мэр о суверенитете.", "The mayor on sovereignty."),
            value=None,
            unit=None,
            qualifier=None,
            year=None,
            quote=Quote(
                original="Москва развивает проекты",
                translation="Moscow is developing projects",
                speaker=L("Сергей Собянин", "Sergei Sobyanin"),
            ),
        ),
        make_fact(
            id="derived",
            kind=FactKind.DERIVED,
            text=L("Рост площадей.", "Growth of floor space."),
            value=3.5,
            unit="times",
            qualifier=Qualifier.EXACTLY,
            year=2030,
            derivation=L("2030 к 2025.", "2030 over 2025."),
            source=None,
            inputs=("jobs",),
        ),
        make_fact(
            id="other-fact",
            section="other",
            kind=FactKind.REPORTED,
            text=L("Вне раздела.", "Outside the section."),
            value=3900.0,
            unit="contracts",
            since=2017,
            year=2025,
        ),
    )
    series = {
        "count": Series(
            id="count",
            section="infra/sez",
            title=L("Число компаний", "Companies"),
            unit="companies",
            basis=Basis.HISTORY,
            points=(
                SeriesPoint(2014, 6, "undated"),
                SeriesPoint(2016, 32, "tass", Qualifier.ABOUT),
            ),
        )
    }
    return Pack(
        title=L("Москва", "Moscow"),
        primary_source="tass",
        sources={"tass": TASS, "undated": UNDATED},
        sections=sections,
        facts=facts,
        series=series,
    )


@pytest.mark.parametrize(
    ("value", "ru", "en"),
    [
        (90000, f"90{THIN}000", "90,000"),
        (3900, f"3{THIN}900", "3,900"),
        (49, "49", "49"),
        (3.5, "3,5", "3.5"),
        (2_000_000, f"2{THIN}000{THIN}000", "2,000,000"),
        (1234.5678, f"1{THIN}234,568", "1,234.568"),
        (-12.0, "−12", "−12"),
        (-0.0001, "0", "0"),
        (0, "0", "0"),
        (float("nan"), "—", "—"),
    ],
)
def test_format_number(value: float, ru: str, en: str) -> None:
    assert format_number(value, "ru") == ru
    assert format_number(value, "en") == en


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_number_reads_back(value: float) -> None:
    en = format_number(value, "en")
    ru = format_number(value, "ru")
    assert ru == en.replace(",", THIN).replace(".", ",")
    assert " " not in ru  # only no-break spaces, so a number never wraps
    parsed = float(en.replace(",", "").replace("−", "-"))
    assert parsed == pytest.approx(round(value, 3), abs=1e-9)


def test_qualifier_signs() -> None:
    assert [qualifier_sign(q) for q in Qualifier] == [">", "≈", "", "≤"]


@pytest.mark.parametrize(
    ("changes", "ru", "en"),
    [
        ({}, "> 90 000 рабочих мест к 2030", "> 90,000 jobs by 2030"),
        (
            {
                "kind": FactKind.REPORTED,
                "value": 75000.0,
                "unit": "specialists",
                "qualifier": Qualifier.ABOUT,
                "year": 2025,
            },
            "≈ 75 000 специалистов",
            "≈ 75,000 specialists",
        ),
        (
            {"value": 3.5, "unit": "times", "qualifier": Qualifier.EXACTLY},
            "× 3,5 к 2030",
            "× 3.5 by 2030",
        ),
        (
            {"kind": FactKind.REPORTED, "value": 3900.0, "unit": "contracts", "since": 2017},
            "> 3 900 контрактов с 2017",
            "> 3,900 contracts since 2017",
        ),
        (
            {"kind": FactKind.REPORTED, "value": 2_000_000.0, "unit": "m2"},
            "> 2 млн м²",
            "> 2 million m²",
        ),
        (
            {
                "kind": FactKind.REPORTED,
                "value": 1.0,
                "unit": "companies",
                "qualifier": Qualifier.UP_TO,
            },
            "≤ 1 компания",
            "≤ 1 company",
        ),
        (
            {
                "kind": FactKind.REPORTED,
                "value": 22.0,
                "unit": "sites",
                "qualifier": Qualifier.EXACTLY,
            },
            "22 площадки",
            "22 sites",
        ),
        (
            {
                "kind": FactKind.REPORTED,
                "value": 12.0,
                "unit": "percent",
                "qualifier": Qualifier.EXACTLY,
            },
            "12 %",
            "12%",
        ),
        (
            {"value": 25.0, "unit": "events", "year": 2026, "timing": "in"},
            "> 25 мероприятий в 2026",
            "> 25 events in 2026",
        ),
        (
            {"value": 25.0, "unit": "events", "year": 2026, "timing": "by"},
            "> 25 мероприятий к 2026",
            "> 25 events by 2026",
        ),
        (
            {"kind": FactKind.REPORTED, "value": 500.0, "unit": "ha", "qualifier": Qualifier.ABOUT},
            "≈ 500 га",
            "≈ 500 ha",
        ),
        ({"value": None, "unit": None, "qualifier": None, "year": None}, "", ""),
    ],
)
def test_format_value(changes: dict[str, object], ru: str, en: str) -> None:
    fact = make_fact(**changes)
    assert format_value(fact, "ru").replace(NBSP, " ").replace(THIN, " ") == ru
    assert format_value(fact, "en").replace(NBSP, " ") == en


def test_thousands_are_grouped_as_each_language_writes_them() -> None:
    assert format_value(make_fact(), "en") == "> 90,000 jobs by 2030"
    assert format_value(make_fact(), "ru") == f"> 90{THIN}000 рабочих мест к 2030"


def test_point_value_with_unknown_unit_keeps_the_code() -> None:
    assert format_point_value(5, "widgets", Qualifier.ABOUT, "en") == "≈ 5 widgets"


def test_dates() -> None:
    assert format_date(date(2025, 10, 22), "en") == "22 Oct 2025"
    assert format_date(date(2025, 10, 22), "ru") == "22 окт. 2025"
    assert format_date(date(2018, 5, 1), "ru") == "1 мая 2018"
    assert format_date(None, "en") == "undated"
    assert format_date(None, "ru") == "без даты"


@pytest.mark.parametrize(
    ("when", "precision", "ru", "en"),
    [
        (date(2024, 11, 1), "month", "нояб. 2024", "Nov 2024"),
        # Without a day the Russian month is nominative: "май", not "мая".
        (date(2018, 5, 1), "month", "май 2018", "May 2018"),
        (date(2020, 3, 1), "month", "март 2020", "Mar 2020"),
        (date(2016, 1, 1), "year", "2016", "2016"),
        (date(2016, 1, 1), "day", "1 янв. 2016", "1 Jan 2016"),
        (None, "year", "без даты", "undated"),
    ],
)
def test_dates_of_coarser_precision(
    when: date | None, precision: DatePrecision, ru: str, en: str
) -> None:
    assert format_date(when, "ru", precision) == ru
    assert format_date(when, "en", precision) == en


MONTHLY = dataclasses.replace(
    UNDATED, id="monthly", publisher="ru24.pro", date=date(2024, 11, 1), date_precision="month"
)
YEARLY = dataclasses.replace(
    UNDATED, id="yearly", publisher="nanonewsnet.ru", date=date(2016, 1, 1), date_precision="year"
)


def test_citation_line_shows_only_what_the_page_dates() -> None:
    assert citation_line(MONTHLY, "en") == "— ru24.pro, Nov 2024"
    assert citation_line(MONTHLY, "ru") == "— ru24.pro, нояб. 2024"
    assert citation_line(YEARLY, "en") == "— nanonewsnet.ru, 2016"
    assert citation_line(YEARLY, "ru") == "— nanonewsnet.ru, 2016"


def _pack_with_partial_dates() -> Pack:
    pack = make_pack()
    sources = {**pack.sources, "undated": dataclasses.replace(YEARLY, id="undated")}
    series = pack.series["count"]
    points = (series.points[0], dataclasses.replace(series.points[1], source="monthly"))
    return dataclasses.replace(
        pack,
        sources={**sources, "monthly": MONTHLY},
        series={"count": dataclasses.replace(series, points=points)},
    )


def test_copies_and_markdown_keep_the_precision_of_a_date() -> None:
    pack = _pack_with_partial_dates()
    jobs = dataclasses.replace(pack.facts[0], source="undated")
    assert fact_clipboard_text(pack, jobs, "ru").splitlines()[-1] == "— nanonewsnet.ru, 2016"
    md = section_markdown(pack, "infra", "ru")
    sources = md[md.index("## Источники") :].splitlines()
    # Russian text quotes in «ёлочки».
    assert sources[3] == r"2. nanonewsnet.ru, «No \*date\*», 2016"
    assert sources[4] == r"3. ru24.pro, «No \*date\*», нояб. 2024"
    assert "1 янв. 2016" not in md and "1 нояб. 2024" not in md


def test_exports_keep_the_iso_date_and_say_its_precision() -> None:
    pack = _pack_with_partial_dates()
    data = json.loads(export_json(pack, None, "en"))
    first = data["series"][0]["points"][0]
    assert first["source"]["date"] == "2016-01-01"
    assert first["source"]["date_precision"] == "year"
    target = next(fact for fact in data["facts"] if fact["id"] == "jobs")
    assert "date_precision" not in target["source"]  # absent means a full date
    assert target["timing"] == "by"
    point = data["series"][0]["points"][1]
    assert (point["source"]["date"], point["source"]["date_precision"]) == ("2024-11-01", "month")
    yearly = dataclasses.replace(pack.facts[0], id="yearly", source="undated")
    pack = dataclasses.replace(pack, facts=(*pack.facts, yearly))
    rows = list(csv.reader(io.StringIO(export_csv(pack, None, "en"))))
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    by_id = {record["id"]: record for record in records}
    assert (by_id["yearly"]["source_date"], by_id["yearly"]["source_date_precision"]) == (
        "2016-01-01",
        "year",
    )
    assert by_id["jobs"]["source_date_precision"] == "day"


def test_units_carry_their_russian_symbols() -> None:
    assert UNITS["m2"].label(2, "ru") == "м²" and UNITS["m2"].label(2, "en") == "m²"
    assert UNITS["ha"].label(1, "ru") == "га" and UNITS["ha"].label(1, "en") == "ha"
    assert format_point_value(2_000_000, "m2", Qualifier.OVER, "ru") == f"> 2{NBSP}млн м²"
    for unit in UNITS.values():
        if unit.symbol:
            assert unit.label(5, "en") == unit.symbol
            # No Latin letters are left in a Russian label.
            assert not any("a" <= ch.lower() <= "z" for ch in unit.label(5, "ru")), unit.code


def test_citation_line() -> None:
    assert citation_line(TASS, "en") == "— TASS, 22 Oct 2025"
    assert citation_line(TASS, "ru") == "— ТАСС, 22 окт. 2025"  # the Russian name in Russian
    assert "tass.ru" not in citation_line(TASS, "en")


def test_labels_cover_every_enum_in_both_languages() -> None:
    for labels, enum in (
        (KIND_LABELS, FactKind),
        (QUALIFIER_LABELS, Qualifier),
        (BASIS_LABELS, Basis),
    ):
        assert set(labels) == set(enum)
        for label in labels.values():
            assert label.ru and label.en
    assert BASIS_LABELS[Basis.HISTORY].en == "history of dated statements"
    assert QUALIFIER_LABELS[Qualifier.OVER].ru == "более"


def test_clipboard_text_of_a_numeric_fact() -> None:
    pack = make_pack()
    text = fact_clipboard_text(pack, pack.facts[0], "en")
    assert text.splitlines() == [
        "New jobs in the SEZ.",
        "> 90,000 jobs by 2030",
        "— TASS, 22 Oct 2025",
        "https://tass.ru/ekonomika/1",
    ]


def test_clipboard_text_of_a_quote_has_original_translation_and_speaker() -> None:
    pack = make_pack()
    lines = fact_clipboard_text(pack, pack.facts[1], "ru").splitlines()
    assert lines[0] == "Мэр о суверенитете."
    assert "«Москва развивает проекты»" in lines
    # A Russian reader is not shown an English translation of a Russian quote.
    assert not any(line.startswith("Перевод") for line in lines)
    assert "Автор: Сергей Собянин" in lines
    assert lines[-2:] == ["— ТАСС, 22 окт. 2025", "https://tass.ru/ekonomika/1"]
    english = fact_clipboard_text(pack, pack.facts[1], "en").splitlines()
    assert "Translation: “Moscow is developing projects”" in english


def test_clipboard_text_of_a_derived_fact_without_url() -> None:
    pack = make_pack()
    lines = fact_clipboard_text(pack, pack.facts[2], "en").splitlines()
    assert f"×{NBSP}3.5" in lines  # "by YEAR" is for targets only
    assert "How it was derived: 2030 over 2025." in lines
    # Ours, not a publisher's: moscow-tui is named, and the input is cited with its source.
    assert "Computed by moscow-tui, not by a publisher: no source printed this figure." in lines
    assert "From the facts:" in lines
    assert (
        "- New jobs in the SEZ. (> 90,000 jobs by 2030) — TASS, 22 Oct 2025 "
        "https://tass.ru/ekonomika/1"
    ) in lines
    assert not any(line.startswith("— ") for line in lines)
    ru = fact_clipboard_text(pack, pack.facts[2], "ru")
    assert "Вычислено moscow-tui" in ru and "\n— " not in ru


def test_section_markdown_covers_subsections_and_cites_sources() -> None:
    pack = make_pack()
    md = section_markdown(pack, "infra", "en")
    lines = md.splitlines()
    assert lines[0] == "# Infrastructure"
    assert "## SEZ" in lines
    assert "Outside the section." not in md  # a sibling section is not included
    assert "- **> 90,000 jobs by 2030** — New jobs in the SEZ. _(target, over)_ [1]" in lines
    # Content text is data: Markdown characters in it are escaped.
    assert r"The zone \[1\] \*matters\*." in lines
    assert "  > «Москва развивает проекты»" in lines
    sources = lines[lines.index("## Sources") :]
    assert sources[2].startswith("1. TASS, “Собянин:") and sources[2].endswith(
        "22 Oct 2025. <https://tass.ru/ekonomika/1>"
    )
    assert sources[3] == r"2. Example \[site\], “No \*date\*”, undated"
    assert "2014: 6 companies · 2016: ≈ 32 companies [2, 1]" in md
    assert "history of dated statements" in md


def test_section_markdown_in_russian_of_a_leaf() -> None:
    pack = make_pack()
    md = section_markdown(pack, "other", "ru")
    assert md.startswith("# Другое\n")
    assert f"**> 3{THIN}900 контрактов с 2017** — Вне раздела. _(данные, более, 2025)_ [1]" in md
    assert md.rstrip().endswith("<https://tass.ru/ekonomika/1>")


def test_format_imports_no_ui() -> None:
    code = (
        "import sys, tui.text.units, tui.text.citations, tui.export.copy\n"
        "print(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
