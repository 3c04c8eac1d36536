"""The loader: a valid pack becomes the model; each kind of broken content, a precise problem."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tui.pack.files as content_files
from tui.pack.load import MAX_FILE_BYTES, ContentProblem, LoadResult, load_pack
from tui.pack.model import Basis, FactKind, Qualifier
from tui.pack.sanitize import sanitize

VALID_PACK_DIR = Path(__file__).resolve().parents[1] / "data" / "valid"
BROKEN_DIR = Path(__file__).resolve().parents[1] / "data" / "broken"
MakePack = Callable[..., Path]  # the `make_pack` fixture of conftest.py


def find(result: LoadResult, file: str, line: int | None, text: str) -> ContentProblem:
    """The one problem in `file` at `line` whose message contains `text`."""
    hits = [
        problem
        for problem in result.problems
        if Path(problem.path).name == file and problem.line == line and text in problem.message
    ]
    listing = "\n".join(str(problem) for problem in result.problems)
    assert len(hits) == 1, f"no single {file}:{line} problem with {text!r} in:\n{listing}"
    return hits[0]


# --- the valid pack ------------------------------------------------------------------------------


def test_valid_pack_loads_into_the_model() -> None:
    result = load_pack([VALID_PACK_DIR])
    assert result.problems == []
    pack = result.pack
    assert pack is not None
    assert [path.name for path in result.files] == [
        "facts.toml",
        "pack.toml",
        "sections.toml",
        "series.toml",
    ]
    assert pack.title.en == "Test pack"
    assert pack.primary_source == "report-2025"
    assert pack.sources["report-2025"].primary
    assert not pack.sources["archive-undated"].primary
    assert pack.sources["archive-undated"].date is None
    assert pack.sources["archive-undated"].url == "https://example.org/archive"
    assert pack.sources["report-2025"].date_precision == "day"  # the default
    assert pack.sources["bulletin-2017-03"].date_precision == "month"
    assert pack.sources["yearbook-2020"].date == date(2020, 1, 1)
    assert pack.sources["yearbook-2020"].date_precision == "year"
    # Depth-first; siblings by order then id, whatever the order in the file.
    assert list(pack.sections) == [
        "beta",
        "beta/two",
        "beta/two/deep",
        "beta/b-side",
        "beta/one",
        "alpha",
    ]
    assert pack.sections["beta"].children == ("beta/two", "beta/b-side", "beta/one")
    assert pack.sections["beta/two/deep"].parent == "beta/two"
    assert [section.path for section in pack.roots] == ["beta", "alpha"]
    # Facts by section display order, then file order.
    assert [fact.id for fact in pack.facts] == [
        "two-list",
        "two-derived",
        "deep-contracts",
        "one-quote",
        "alpha-jobs",
    ]
    quote = next(fact for fact in pack.facts if fact.id == "one-quote")
    assert quote.kind is FactKind.QUOTE
    assert quote.quote is not None
    assert quote.quote.speaker.en == "Sergei Sobyanin"
    jobs = next(fact for fact in pack.facts if fact.id == "alpha-jobs")
    assert (jobs.value, jobs.unit, jobs.qualifier, jobs.year) == (
        90000,
        "jobs",
        Qualifier.OVER,
        2030,
    )
    assert jobs.timing == "by"
    contracts = next(fact for fact in pack.facts if fact.id == "deep-contracts")
    assert (contracts.since, contracts.series) == (2017, "contracts")
    listing = next(fact for fact in pack.facts if fact.id == "two-list")
    assert listing.text.ru == "Список:\nплощадки и сервисы."
    # Points sorted by year whatever the file order, in both TOML spellings.
    series = pack.series["contracts"]
    assert [point.year for point in series.points] == [2017, 2020, 2025]
    assert series.points[0].note is not None
    assert series.points[1].qualifier is Qualifier.EXACTLY
    assert series.points[2].qualifier is Qualifier.OVER
    target = pack.series["area-target"]
    assert target.basis is Basis.TARGET
    assert [point.value for point in target.points] == [2_000_000, 7_000_000]
    assert list(pack.series) == ["contracts", "area-target"]


def test_shipped_content_loads_without_errors_or_warnings() -> None:
    started = time.perf_counter()
    result = load_pack()
    elapsed = time.perf_counter() - started
    assert [str(problem) for problem in result.problems] == []
    assert result.pack is not None
    assert result.pack.facts and result.pack.sections and result.pack.sources
    assert elapsed < 2.0


def test_shipped_content_keeps_its_promises() -> None:
    pack = load_pack().pack
    assert pack is not None
    # Every point sits on the time axis by a dated source (the loader enforces it too).
    for series in pack.series.values():
        for point in series.points:
            assert pack.sources[point.source].date is not None, (series.id, point.year)
    # Pages dated only to a month or a year say so, and say how the date was inferred.
    assert pack.sources["ru24pro-2024-11"].date == date(2024, 11, 1)
    assert pack.sources["ru24pro-2024-11"].date_precision == "month"
    assert pack.sources["nanonewsnet-2016"].date == date(2016, 1, 1)
    assert pack.sources["nanonewsnet-2016"].date_precision == "year"
    for source in pack.sources.values():
        if source.date_precision != "day":
            assert source.date is not None and source.note is not None, source.id
            year = str(source.date.year)
            assert year in source.note.ru and year in source.note.en, source.id
    # "over 25 events in 2026" is a target for that year, not by it.
    events = next(fact for fact in pack.facts if fact.id == "export-made-in-moscow-events")
    assert (events.kind, events.timing, events.year) == (FactKind.TARGET, "in", 2026)
    assert all(fact.timing == "by" for fact in pack.facts if fact is not events)
    # A card and the sparkline beside it count in the same unit.
    for fact in pack.facts:
        if fact.series is not None and fact.unit is not None:
            assert fact.unit == pack.series[fact.series].unit, fact.id
    # The title fits the header at 80 columns beside the citation.
    assert len(pack.title.ru) <= 30 and len(pack.title.en) <= 30


def test_several_folders_make_one_pack(make_pack: MakePack, tmp_path: Path) -> None:
    first = make_pack(drop=("series.toml", "facts.toml"))
    second = tmp_path / "more"
    second.mkdir()
    for name in ("series.toml", "facts.toml"):
        (second / name).write_bytes((VALID_PACK_DIR / name).read_bytes())
    result = load_pack([first, second])
    assert result.errors == []
    assert result.pack is not None
    assert len(result.pack.facts) == 5


def test_problem_formats_compiler_style() -> None:
    problem = ContentProblem("content/a.toml", 12, 5, "error", "unknown key 'vaule'")
    assert str(problem) == "content/a.toml:12:5: error: unknown key 'vaule'"
    assert str(ContentProblem("content", None, None, "warning", "x")) == "content: warning: x"
    assert str(ContentProblem("a.toml", 3, None, "error", "x")) == "a.toml:3: error: x"


def test_path_is_the_folder_given_joined_with_the_file_name(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack({"bad.toml": "x = [\n"})
    monkeypatch.chdir(folder.parent)
    result = load_pack([Path(folder.name)])
    assert [problem.path for problem in result.errors] == [os.path.join(folder.name, "bad.toml")]


# --- schema errors, each with its file, line and message --------------------------------------

FACT = """
[[fact]]
id = "{id}"
section = "{section}"
kind = "{kind}"
source = "{source}"
text = {{ ru = "Текст", en = "Text" }}
"""


def fact(
    id: str = "extra", section: str = "alpha", kind: str = "reported", source: str = "report-2025"
) -> str:
    return FACT.format(id=id, section=section, kind=kind, source=source)


SERIES = """
[[series]]
id = "s"
section = "alpha"
title = { ru = "Ряд", en = "Series" }
unit = "jobs"
basis = "history"
points = [
  { year = 2020, value = 1, source = "report-2025" },
  { year = 2021, value = 2, source = "report-2025" },
]
"""

SECTION = """
[[section]]
id = "{id}"
parent = "{parent}"
order = 0
title = {{ ru = "Т", en = "T" }}
summary = {{ ru = "С", en = "S" }}
"""

SOURCE = '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n'

# (name, file text, line, text the message must contain)
SCHEMA_CASES: list[tuple[str, str, int, str]] = [
    (
        "unknown-key",
        fact() + "vaule = 3\n",
        8,
        "unknown key 'vaule' in [[fact]] #1 (id \"extra\") (did you mean 'value'?)",
    ),
    ("unknown-table", "[[facts]]\nid = 'x'\n", 1, "unknown table \"facts\" (did you mean 'fact'?)"),
    ("fact-as-table", "[fact]\nid = 'x'\n", 1, "must be an array of tables, [[fact]]"),
    (
        "nested-unknown-key",
        fact(kind="quote")
        + '[fact.quote]\noriginal = "О"\ntranslation = "T"\nspeakr = { ru = "А", en = "A" }\n',
        11,
        "unknown key 'speakr' in [[fact]] #1 (id \"extra\") key 'quote' (did you mean 'speaker'?)",
    ),
    (
        "bool-is-not-a-number",
        fact() + "value = true\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\n",
        8,
        "[[fact]] #1 (id \"extra\") key 'value': expected a number, not a boolean",
    ),
    (
        "string-is-not-a-number",
        "\n" + SERIES.replace("value = 2,", 'value = "2",'),
        11,
        "points #2 key 'value': expected a number, not a string",
    ),
    (
        "datetime-is-not-a-date",
        '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n'
        "date = 2025-10-22T10:00:00\n",
        6,
        "key 'date': expected a date like 2025-10-22 (a TOML local date), not a date-time",
    ),
    (
        "time-is-not-a-date",
        '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\ndate = 10:00:00\n',
        6,
        "not a time",
    ),
    ("bad-slug", fact(id="Bad Id"), 3, "key 'id': \"Bad Id\" is not a slug"),
    (
        "bad-enum",
        fact(kind="reportd"),
        5,
        'key \'kind\': unknown kind "reportd" (did you mean "reported"?)',
    ),
    (
        "bad-unit",
        fact() + "value = 1\nunit = 'job'\nqualifier = 'over'\nyear = 2020\n",
        9,
        'unknown unit "job" (did you mean "jobs"?)',
    ),
    (
        "year-out-of-range",
        fact() + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 20300\n",
        11,
        "key 'year': year 20300 is outside",
    ),
    ("missing-key", fact().replace('kind = "reported"\n', ""), 2, "missing key 'kind'"),
    (
        "missing-translation",
        fact().replace('text = { ru = "Текст", en = "Text" }', 'text = { ru = "Текст" }'),
        7,
        "[[fact]] #1 (id \"extra\") key 'text': missing translation 'en'",
    ),
    (
        "empty-translation",
        fact().replace('ru = "Текст"', 'ru = "  "'),
        7,
        "key 'text.ru': empty translation",
    ),
    (
        "nan",
        fact() + "value = nan\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\n",
        8,
        "key 'value': not a finite number (nan)",
    ),
    ("inf-in-point", SERIES.replace("value = 2,", "value = -inf,"), 10, "not a finite number"),
    (
        "partial-number",
        fact() + "value = 5\nunit = 'jobs'\n",
        8,
        "value, unit, qualifier and year go together: missing 'qualifier', 'year'",
    ),
    ("since-alone", fact() + "since = 2017\n", 8, "key 'since': needs key 'value'"),
    ("quote-without-quote", fact(kind="quote"), 5, "kind = \"quote\" needs key 'quote'"),
    ("derived-without-rule", fact(kind="derived"), 5, "kind = \"derived\" needs key 'derivation'"),
    (
        "target-series-without-rule",
        SERIES.replace('"history"', '"target"'),
        7,
        "basis = \"target\" needs key 'rule'",
    ),
    (
        "derived-series-without-rule",
        SERIES.replace('"history"', '"derived"'),
        7,
        "basis = \"derived\" needs key 'rule'",
    ),
    (
        "one-point",
        SERIES.replace('  { year = 2021, value = 2, source = "report-2025" },\n', ""),
        8,
        "key 'points': needs at least 2 points, has 1",
    ),
    (
        "duplicate-year",
        SERIES.replace("year = 2021", "year = 2020"),
        10,
        "points #2 key 'year': duplicate year 2020 (also in points #1)",
    ),
    ("duplicate-fact-id", fact(id="alpha-jobs"), 3, 'duplicate fact id "alpha-jobs"'),
    (
        "duplicate-source-id",
        '[[source]]\nid = "report-2025"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n',
        2,
        'duplicate source id "report-2025" (first defined at ',
    ),
    ("duplicate-series-id", SERIES.replace('id = "s"', 'id = "contracts"'), 3, "duplicate series"),
    (
        "duplicate-section-path",
        SECTION.format(id="deep", parent="beta/two"),
        3,
        'duplicate section path "beta/two/deep"',
    ),
    (
        "dangling-fact-section",
        fact(section="alpha/nope"),
        4,
        "key 'section': no [[section]] with path \"alpha/nope\"",
    ),
    (
        "dangling-fact-source",
        fact(source="report-2024"),
        6,
        'no [[source]] with id "report-2024" (did you mean "report-2025"?)',
    ),
    ("dangling-fact-series", fact() + 'series = "nope"\n', 8, 'no [[series]] with id "nope"'),
    (
        "dangling-series-section",
        SERIES.replace('section = "alpha"', 'section = "gamma"'),
        4,
        'no [[section]] with path "gamma"',
    ),
    (
        "dangling-point-source",
        SERIES.replace('value = 2, source = "report-2025"', 'value = 2, source = "x"'),
        10,
        "points #2 key 'source': no [[source]] with id \"x\"",
    ),
    (
        "dangling-parent",
        SECTION.format(id="x", parent="beta/three"),
        4,
        "key 'parent': no [[section]] with path \"beta/three\"",
    ),
    # A parent is a path, which is always a prefix of the child's own path, so a parent cycle
    # cannot be written; the nearest attempt, a section naming itself, is a dangling parent.
    ("self-parent", SECTION.format(id="x", parent="x"), 4, 'no [[section]] with path "x"'),
    (
        "second-pack",
        '[pack]\ntitle = { ru = "П", en = "P" }\nprimary_source = "report-2025"\n',
        1,
        "more than one [pack] table (the first is ",
    ),
    (
        "precision-without-date",
        SOURCE + 'date_precision = "month"\n',
        6,
        "key 'date_precision': needs key 'date'",
    ),
    (
        "bad-precision",
        SOURCE + 'date = 2024-11-01\ndate_precision = "week"\n',
        7,
        'unknown date_precision "week"; expected one of: day, month, year',
    ),
    (
        "month-not-on-the-first",
        SOURCE + 'date = 2024-11-15\ndate_precision = "month"\n',
        6,
        "key 'date': date_precision = \"month\" needs the first day of the month (2024-11-01),"
        " not 2024-11-15",
    ),
    (
        "year-not-on-the-first",
        SOURCE + 'date_precision = "year"\ndate = 2016-03-01\n',
        7,
        'date_precision = "year" needs the first day of the year (2016-01-01), not 2016-03-01',
    ),
    (
        "point-from-an-undated-source",
        SERIES.replace(
            'value = 2, source = "report-2025"', 'value = 2, source = "archive-undated"'
        ),
        10,
        "points #2 key 'source': source \"archive-undated\" has no date: an undated source"
        " cannot place a point on the time axis",
    ),
    (
        "timing-on-a-reported-fact",
        fact() + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\ntiming = 'in'\n",
        12,
        'key \'timing\': only for kind = "target", not kind = "reported"',
    ),
    (
        "bad-timing",
        fact(kind="target")
        + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\ntiming = 'during'\n",
        12,
        'unknown timing "during"; expected one of: by, in',
    ),
    (
        "quote-on-a-reported-fact",
        fact()
        + 'quote = { original = "О", translation = "T", speaker = { ru = "А", en = "A" } }\n',
        8,
        'key \'quote\': only for kind = "quote", not kind = "reported"',
    ),
    (
        "quote-table-on-a-description",
        fact(kind="description")
        + '[fact.quote]\noriginal = "О"\ntranslation = "T"\nspeaker = { ru = "А", en = "A" }\n',
        8,
        'key \'quote\': only for kind = "quote", not kind = "description"',
    ),
    (
        "derivation-on-a-target",
        fact(kind="target") + 'derivation = { ru = "Р", en = "D" }\n',
        8,
        'key \'derivation\': only for kind = "derived", not kind = "target"',
    ),
    (
        "dangling-primary-source",
        "",  # replaced below: the pack file itself is rewritten
        6,
        "key 'primary_source': no [[source]] with id \"nope\"",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [case[1:] for case in SCHEMA_CASES],
    ids=[case[0] for case in SCHEMA_CASES],
)
def test_schema_error_has_file_line_and_message(
    make_pack: MakePack, text: str, line: int, message: str
) -> None:
    if text:
        folder = make_pack({"zz-extra.toml": text})
        file = "zz-extra.toml"
    else:
        pack_text = (VALID_PACK_DIR / "pack.toml").read_text(encoding="utf-8")
        folder = make_pack({"pack.toml": pack_text.replace('= "report-2025"', '= "nope"', 1)})
        file = "pack.toml"
    result = load_pack([folder])
    assert result.pack is None
    problem = find(result, file, line, message)
    assert problem.severity == "error"
    assert problem.column is not None
    assert str(problem).startswith(f"{folder / file}:{line}:{problem.column}: error: ")


def test_a_kind_error_does_not_also_blame_the_kind_only_keys(make_pack: MakePack) -> None:
    text = fact(kind="quot") + 'derivation = { ru = "Р", en = "D" }\n'
    result = load_pack([make_pack({"zz.toml": text})])
    assert [p.message.split(": ", 1)[1] for p in result.errors] == [
        'unknown kind "quot" (did you mean "quote"?); expected one of: '
        "reported, target, quote, description, derived"
    ]


def test_timing_in_loads_into_the_model(make_pack: MakePack) -> None:
    text = (
        fact(id="events", kind="target")
        + "value = 25\nunit = 'events'\nqualifier = 'over'\nyear = 2026\ntiming = 'in'\n"
    )
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.problems == []
    assert result.pack is not None
    events = next(f for f in result.pack.facts if f.id == "events")
    assert events.timing == "in"
    assert all(f.timing == "by" for f in result.pack.facts if f.id != "events")


@pytest.mark.parametrize(
    ("when", "precision"),
    [("2024-11-01", "month"), ("2016-01-01", "year"), ("2024-11-15", "day"), ("2024-11-15", None)],
)
def test_dates_on_the_first_of_their_period_load(
    make_pack: MakePack, when: str, precision: str | None
) -> None:
    text = SOURCE + f"date = {when}\n" + (f'date_precision = "{precision}"\n' if precision else "")
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.problems == []
    assert result.pack is not None
    source = result.pack.sources["s"]
    assert source.date is not None and source.date.isoformat() == when
    assert source.date_precision == (precision or "day")


def test_a_point_from_a_dated_source_of_any_precision_is_fine(make_pack: MakePack) -> None:
    text = SERIES.replace(
        'value = 2, source = "report-2025"', 'value = 2, source = "yearbook-2020"'
    )
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.problems == []


def test_every_point_from_an_undated_source_is_an_error(make_pack: MakePack) -> None:
    text = SERIES.replace('"report-2025"', '"archive-undated"')
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.pack is None
    assert [(p.line, "has no date" in p.message) for p in result.errors] == [
        (9, True),
        (10, True),
    ]


def test_a_unit_differing_from_the_linked_series_is_a_warning(make_pack: MakePack) -> None:
    text = (
        fact(id="jobs-beside-contracts")
        + "value = 5\nunit = 'jobs'\nqualifier = 'over'\nyear = 2025\nseries = 'contracts'\n"
    )
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.errors == []
    assert result.pack is not None  # a warning does not stop the pack
    problem = find(
        result,
        "zz.toml",
        12,
        'key \'series\': the fact\'s unit "jobs" differs from the unit "contracts" of series'
        ' "contracts"',
    )
    assert problem.severity == "warning"
    assert len(result.warnings) == 1


def test_a_unitless_fact_beside_a_series_gets_no_unit_warning(make_pack: MakePack) -> None:
    result = load_pack([make_pack({"zz.toml": fact() + "series = 'contracts'\n"})])
    assert result.problems == []


def test_no_pack_table(make_pack: MakePack) -> None:
    text = (VALID_PACK_DIR / "pack.toml").read_text(encoding="utf-8")
    folder = make_pack({"pack.toml": text.replace("[pack]", "[ignored]")})
    result = load_pack([folder])
    assert result.pack is None
    assert any("no [pack] table in any file" in str(p) for p in result.errors)


def test_every_problem_of_a_run_is_reported(make_pack: MakePack) -> None:
    text = fact(id="a", kind="reportd") + fact(id="a", source="nope") + "[[fact]]\nvaule = 1\n"
    result = load_pack([make_pack({"zz.toml": text})])
    messages = [problem.message for problem in result.errors]
    assert any("unknown kind" in m for m in messages)
    assert any('no [[source]] with id "nope"' in m for m in messages)
    assert any('duplicate fact id "a"' in m for m in messages)
    assert any("unknown key 'vaule' in [[fact]] #3" in m for m in messages)
    assert sum("[[fact]] #3" in m and "missing key" in m for m in messages) == 5
    lines = [problem.line or 0 for problem in result.errors]
    assert lines == sorted(lines)


def test_inline_array_of_tables_locates_lines(make_pack: MakePack) -> None:
    text = 'fact = [\n  { id = "x", section = "alpha", kind = "reported",\n    vaule = 1 },\n]\n'
    result = load_pack([make_pack({"zz.toml": text})])
    problem = find(result, "zz.toml", 3, "unknown key 'vaule'")
    assert problem.column == 5


def test_header_like_lines_inside_strings_are_not_headers(make_pack: MakePack) -> None:
    text = fact(id="x").replace(
        'text = { ru = "Текст", en = "Text" }',
        "text.ru = \"\"\"\n[[fact]]\n\"\"\"\ntext.en = '''\n[[fact]]\n'''",
    ) + fact(id="y", kind="reportd")
    result = load_pack([make_pack({"zz.toml": text})])
    problem = find(result, "zz.toml", 17, 'unknown kind "reportd"')
    assert "[[fact]] #2" in problem.message


def test_sections_with_the_same_id_under_different_parents_are_fine(make_pack: MakePack) -> None:
    text = SECTION.format(id="same", parent="alpha") + SECTION.format(id="same", parent="beta")
    result = load_pack([make_pack({"zz.toml": text})])
    assert result.errors == []
    assert result.pack is not None
    # Same order as "two": ties are broken by id.
    assert result.pack.sections["beta"].children[:2] == ("beta/same", "beta/two")
    assert result.pack.sections["alpha"].children == ("alpha/same",)


# --- the golden broken pack ------------------------------------------------------------------


def test_broken_fixture_gives_exactly_the_expected_problems() -> None:
    folder = BROKEN_DIR / "many"
    result = load_pack([folder])
    assert result.pack is None
    shown = [str(problem).replace(str(folder), "many") for problem in result.problems]
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert shown == expected


# --- files and folders -----------------------------------------------------------------------


def test_invalid_utf8_reports_the_line_of_the_first_bad_byte(make_pack: MakePack) -> None:
    data = b'# ok\n[[fact]]\nid = "x"\ntext = "caf\xe9"\n'
    result = load_pack([make_pack({"zz.toml": data})])
    problem = find(result, "zz.toml", 4, "not valid UTF-8: byte 0xE9")
    assert problem.column == 12
    assert result.pack is None


def test_utf16_is_invalid_utf8(make_pack: MakePack) -> None:
    data = "a = 1\n".encode("utf-16")
    result = load_pack([make_pack({"zz.toml": data})])
    find(result, "zz.toml", 1, "not valid UTF-8")


def test_bom_is_stripped_with_a_warning(make_pack: MakePack) -> None:
    text = (VALID_PACK_DIR / "facts.toml").read_bytes()
    result = load_pack([make_pack({"facts.toml": b"\xef\xbb\xbf" + text})])
    assert result.errors == []
    assert result.pack is not None
    problem = find(result, "facts.toml", 1, "byte order mark")
    assert problem.severity == "warning"


def test_crlf_is_fine(make_pack: MakePack) -> None:
    files = {
        name: (VALID_PACK_DIR / name).read_bytes().replace(b"\n", b"\r\n")
        for name in ("facts.toml", "series.toml", "pack.toml", "sections.toml")
    }
    result = load_pack([make_pack(files)])
    assert result.problems == []
    assert result.pack is not None
    listing = next(fact for fact in result.pack.facts if fact.id == "two-list")
    assert listing.text.ru == "Список:\nплощадки и сервисы."


def test_crlf_file_reports_right_lines(make_pack: MakePack) -> None:
    text = fact(kind="reportd").replace("\n", "\r\n")
    result = load_pack([make_pack({"zz.toml": text})])
    find(result, "zz.toml", 5, "unknown kind")


def test_folder_named_like_a_toml_file_is_skipped_with_a_warning(make_pack: MakePack) -> None:
    folder = make_pack()
    (folder / "odd.toml").mkdir()
    result = load_pack([folder])
    assert result.errors == []
    assert result.pack is not None
    assert [p.message for p in result.warnings] == ["a folder named like a content file; skipped"]


def test_symlink_loop_and_broken_symlink_are_errors(make_pack: MakePack) -> None:
    folder = make_pack()
    os.symlink(folder / "loop.toml", folder / "loop.toml")
    os.symlink(folder / "missing", folder / "broken.toml")
    result = load_pack([folder])
    assert result.pack is None
    find(result, "loop.toml", None, "symbolic link loop")
    find(result, "broken.toml", None, "broken symbolic link")


def test_symlink_to_a_good_file_is_read(make_pack: MakePack) -> None:
    folder = make_pack(drop=("series.toml",))
    os.symlink(VALID_PACK_DIR / "series.toml", folder / "series.toml")
    result = load_pack([folder])
    assert result.problems == []


def test_unreadable_file_is_an_error(make_pack: MakePack, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, where chmod 000 does not stop reading, so the denial is simulated.
    folder = make_pack()
    real_open = os.open

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("facts.toml"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(content_files.os, "open", deny)
    result = load_pack([folder])
    assert result.pack is None
    find(result, "facts.toml", None, "cannot read: Permission denied")


def test_fifo_is_not_read(make_pack: MakePack) -> None:
    folder = make_pack()
    os.mkfifo(folder / "pipe.toml")
    result = load_pack([folder])  # would block forever if the FIFO were opened
    find(result, "pipe.toml", None, "not a regular file")


def test_missing_folder_file_folder_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not toml")
    a_file = tmp_path / "file.toml"
    a_file.write_text("a = 1\n")
    missing = tmp_path / "missing"
    result = load_pack([missing, a_file, empty])
    assert result.pack is None
    messages = {problem.path: problem.message for problem in result.errors}
    assert messages[str(missing)] == "content folder does not exist"
    assert messages[str(a_file)].startswith("not a folder")
    assert messages[str(empty)] == "no *.toml files in this folder"


def test_no_folder_at_all() -> None:
    result = load_pack([])
    assert result.pack is None
    assert [str(problem) for problem in result.problems] == [
        "<content>: error: no content folder given"
    ]


def test_file_above_the_size_limit_is_refused_unread(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_pack()
    with open(folder / "huge.toml", "wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no disk space used
    opened: list[str] = []
    real_read = os.read

    def spy(descriptor: int, size: int) -> bytes:
        opened.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        return real_read(descriptor, size)

    monkeypatch.setattr(content_files.os, "read", spy)
    result = load_pack([folder])
    problem = find(result, "huge.toml", None, "larger than the limit of 33,554,432 bytes (32 MiB)")
    assert "62,914,560" in problem.message
    assert not any(name.endswith("huge.toml") for name in opened)
    assert MAX_FILE_BYTES == 32 * 1024 * 1024


def test_deep_nesting_is_an_error_not_a_crash(make_pack: MakePack) -> None:
    deep = "a = " + "[" * 5000 + "]" * 5000 + "\n"
    nested = "[[fact]]\nextra = " + "[" * 200 + "1" + "]" * 200 + "\n"
    result = load_pack([make_pack({"deep.toml": deep, "nested.toml": nested})])
    deep_problem = [p for p in result.errors if p.path.endswith("deep.toml")]
    assert len(deep_problem) == 1
    assert deep_problem[0].message.startswith("invalid TOML:")
    find(result, "nested.toml", 2, "unknown key 'extra'")


@pytest.mark.parametrize("ahead", [False, True], ids=["here", "in-a-worker"])
def test_an_unexpected_exception_in_one_file_is_an_error_for_that_file(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch, ahead: bool
) -> None:
    import tui.pack.parse as parse_module

    if ahead:  # the worker is forked after the patch below, so it explodes there too
        monkeypatch.setattr(parse_module, "PARALLEL_CHARS", 0)
        monkeypatch.setattr(parse_module, "_core_free", lambda: True)
    real_loads = tomli.loads

    def explode(text: str, **kwargs: Any) -> dict[str, Any]:
        if "[[series]]" in text:
            raise ValueError("boom")
        result: dict[str, Any] = real_loads(text, **kwargs)
        return result

    monkeypatch.setattr(tomli, "loads", explode)
    result = load_pack([make_pack()])
    assert result.pack is None
    find(result, "series.toml", None, "cannot load file: ValueError: boom")


def test_syntax_error_carries_tomli_line_and_column(make_pack: MakePack) -> None:
    result = load_pack([make_pack({"zz.toml": "a = 1\nb = [1,\n2 3]\n"})])
    problem = find(result, "zz.toml", 3, "invalid TOML: Unclosed array")
    assert problem.column == 3
    # References are not checked when a file could not be parsed: they would all be noise.
    assert [p.message for p in result.warnings] == [
        "references between entries were not checked: 1 file(s) or folder(s) could not be read"
    ]


def test_hidden_and_non_toml_files_are_ignored(make_pack: MakePack) -> None:
    folder = make_pack({".#facts.toml": "broken [", "notes.md": "broken ["})
    result = load_pack([folder])
    assert result.problems == []


# --- sanitising ------------------------------------------------------------------------------


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    return []


def test_control_characters_become_marks_with_a_warning(make_pack: MakePack) -> None:
    hostile = fact(id="hostile").replace(
        'en = "Text"', 'en = "a\\u001b]0;title\\u001b\\\\ b\\u202e c\\u200b"'
    )
    source = (
        '[[source]]\nid = "hostile-src"\npublisher = "P\\u009b2J"\ntitle = "T"\n'
        'language = "ru"\nurl = "https://x.org/\\u001b"\n'
    )
    result = load_pack([make_pack({"zz.toml": hostile, "zz2.toml": source})])
    assert result.errors == []
    assert result.pack is not None
    text = next(f for f in result.pack.facts if f.id == "hostile").text.en
    assert text == "a␛]0;title␛\\ b\ufffd c\ufffd"
    problem = find(result, "zz.toml", 7, "key 'text.en': control character U+001B replaced with ␛")
    assert problem.severity == "warning"
    assert "(2 times)" in problem.message
    assert "bidi control U+202E replaced with \ufffd" in problem.message
    assert "zero-width character U+200B" in problem.message
    find(result, "zz2.toml", 3, "key 'publisher': control character U+009B replaced with")
    find(result, "zz2.toml", 6, "key 'url': control character U+001B")
    for string in _strings(result.pack):
        assert sanitize(string) == (string, []), string


def test_problem_messages_never_carry_raw_control_characters(make_pack: MakePack) -> None:
    text = '[[fact]]\n"\\u001b[2J" = 1\nid = "\\u001b]52;c;SGk=\\u0007"\n'
    result = load_pack([make_pack({"zz\x1b.toml": text})])
    assert len(result.errors) >= 2
    for problem in result.problems:
        assert sanitize(str(problem))[1] == [], str(problem)


# --- robustness properties --------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_result_never_an_exception(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "any.toml").write_bytes(data)
    result = load_pack([tmp_path])
    assert result.pack is not None or result.errors


TOML_ISH = st.lists(
    st.sampled_from(
        [
            "[[fact]]",
            "[pack]",
            "[[series]]",
            "id = ",
            '"x"',
            "'y'",
            "[",
            "]",
            "{",
            "}",
            "=",
            ",",
            "\n",
            "points",
            "nan",
            "1",
            "2025-01-01",
            '"""',
            "#",
            ".",
            "\\u001b",
            " ",
        ]
    ),
    max_size=60,
).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TOML_ISH)
def test_toml_like_text_gives_a_result_never_an_exception(tmp_path: Path, text: str) -> None:
    (tmp_path / "any.toml").write_text(text, encoding="utf-8")
    result = load_pack([tmp_path])
    assert result.pack is not None or result.errors


def _toml_string(text: str) -> str:
    escaped = "".join(
        ch if " " <= ch <= "~" and ch not in '"\\' else f"\\U{ord(ch):08X}" for ch in text
    )
    return f'"{escaped}"'


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != ""))
def test_any_unicode_text_loads_sanitised(tmp_path: Path, text: str) -> None:
    work = tmp_path / "pack"
    if not work.exists():
        shutil.copytree(VALID_PACK_DIR, work)
    body = fact(id="any").replace('"Text"', _toml_string(text))
    (work / "zz.toml").write_text(body, encoding="utf-8")
    result = load_pack([work])
    assert result.errors == [], [str(p) for p in result.errors]
    assert result.pack is not None
    loaded = next(f for f in result.pack.facts if f.id == "any").text.en
    assert loaded == sanitize(text.replace("\r\n", "\n"))[0]
    assert bool(result.warnings) == (loaded != text.replace("\r\n", "\n"))


# --- speed and import hygiene ------------------------------------------------------------------


def _big_pack(folder: Path, count: int, hostile: bool) -> None:
    text = "\\u001b" if hostile else ""
    lines = []
    for index in range(count):
        lines.append(
            f'[[fact]]\nid = "f{index}"\nsection = "alpha"\nkind = "reported"\n'
            f'source = "report-2025"\n'
            f'text = {{ ru = "Текст {index}{text}", en = "Text {index}" }}\n'
            f'value = {index}\nunit = "jobs"\nqualifier = "over"\nyear = 2025\n'
        )
    (folder / "big.toml").write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("hostile", [False, True], ids=["clean", "every-fact-warns"])
def test_ten_thousand_facts_load_fast(make_pack: MakePack, hostile: bool) -> None:
    folder = make_pack()
    _big_pack(folder, 10_000, hostile)
    started = time.perf_counter()
    result = load_pack([folder])
    elapsed = time.perf_counter() - started
    assert result.errors == []
    assert result.pack is not None
    assert len(result.pack.facts) == 10_005
    assert len(result.warnings) == (10_000 if hostile else 0)
    if hostile:
        assert result.warnings[-1].line == 10_000 * 10 - 4
    # Generous bounds for a loaded CI machine; a quadratic scan would take minutes.
    assert elapsed < (10.0 if hostile else 5.0)


def test_loader_imports_no_textual_or_rich() -> None:
    code = (
        "import sys, tui.pack.load, tui.pack.model, tui.pack.spec, tui.pack.sanitize\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad)\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "[]"


# Parsing in a second process (tui.pack.parse.parse_many) ------------------------------------


def _problem_texts(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_parsing_in_a_worker_gives_the_same_pack(
    valid_pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.pack.parse as parse_module

    alone = load_pack([valid_pack_dir])
    monkeypatch.setattr(parse_module, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(parse_module, "_core_free", lambda: True)
    calls: list[int] = []
    real_worker = parse_module._worker

    def counted_worker() -> Any:
        pool = real_worker()
        calls.append(0 if pool is None else 1)
        return pool

    monkeypatch.setattr(parse_module, "_worker", counted_worker)
    ahead = load_pack([valid_pack_dir])
    assert calls == [1]  # the worker did run
    assert ahead.pack is not None and ahead.pack == alone.pack
    assert _problem_texts(ahead) == _problem_texts(alone)
    assert ahead.files == alone.files


def test_parsing_in_a_worker_reports_the_same_problems(
    make_pack: MakePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.pack.parse as parse_module

    folder = make_pack(
        {
            "broken.toml": '[[fact]]\nid = "x"\ntext = { en = "a", ru = \n',
            "latin1.toml": b'title = "caf\xe9"\n',
            "bom.toml": b"\xef\xbb\xbf# nothing\n",
        }
    )
    alone = load_pack([folder])
    monkeypatch.setattr(parse_module, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(parse_module, "_core_free", lambda: True)
    ahead = load_pack([folder])
    assert ahead.pack is None
    assert _problem_texts(ahead) == _problem_texts(alone)
    texts = _problem_texts(ahead)
    assert any("broken.toml:3:" in text and "invalid TOML" in text for text in texts)


def test_a_failed_worker_falls_back_to_parsing_here(
    valid_pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.pack.parse as parse_module

    alone = load_pack([valid_pack_dir])

    class BrokenPool:
        def submit(self, *args: object) -> object:
            raise RuntimeError("the worker died")

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(parse_module, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(parse_module, "_worker", BrokenPool)
    result = load_pack([valid_pack_dir])
    assert result.pack == alone.pack


def test_facts_built_without_their_constructor_equal_constructed_ones(
    valid_pack_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.pack.build as build_module
    from tui.pack.model import Fact

    fast = load_pack([valid_pack_dir]).pack
    monkeypatch.setattr(build_module, "_FACT_BY_DICT", False)
    constructed = load_pack([valid_pack_dir]).pack
    assert fast is not None and constructed is not None and fast.facts
    assert fast.facts == constructed.facts
    names = [field.name for field in dataclasses.fields(Fact)]
    for fact, other in zip(fast.facts, constructed.facts, strict=True):
        assert list(vars(fact)) == names == list(vars(other))
        assert hash(fact) == hash(other)
