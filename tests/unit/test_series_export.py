"""A series copied from the chart: a citation on every point; a table whose sources match rows."""

from __future__ import annotations

import re

from evidence_helpers import evidence_pack

from tui.export.series import series_markdown_table, series_text


def test_text_cites_every_point_with_its_own_source() -> None:
    pack = evidence_pack()
    series = pack.series["technoparks-count"]
    text = series_text(pack, series, "en")
    lines = text.splitlines()
    assert lines[0] == "Number of technoparks"
    assert lines[1] == "Basis: history of dated statements; Unit: technoparks"
    assert "Note: Statements as of a date." in lines
    points = [line for line in lines if re.match(r"^\d{4}: ", line)]
    assert len(points) == len(series.points)
    for line, point in zip(points, series.points, strict=True):
        source = pack.sources[point.source]
        assert line.startswith(f"{point.year}: ")
        assert f"— {source.publisher}, " in line
        if source.url:
            assert line.endswith(source.url)
    assert "2018: > 33 technoparks (more than) — Chel.org, 25 Oct 2018" in points
    assert "  Note: Counted as jobs." in lines
    assert lines[-1] == "No data for: 2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024"


def test_markdown_table_numbers_one_source_per_row() -> None:
    pack = evidence_pack()
    series = pack.series["technoparks-count"]
    table = series_markdown_table(pack, series, "ru")
    rows = [line for line in table.splitlines() if re.match(r"^\| \d{4} \|", line)]
    sources = [line for line in table.splitlines() if re.match(r"^\d+\. \(\d{4}\) ", line)]
    assert len(rows) == len(sources) == len(series.points)
    for number, (row, entry, point) in enumerate(
        zip(rows, sources, series.points, strict=True), start=1
    ):
        assert f"| [{number}] |" in row
        assert entry.startswith(f"{number}. ({point.year}) {pack.sources[point.source].publisher}")
    assert "| Год | Значение | Оговорка | Источник | Примечание |" in table
    assert "| 2018 | > 33 технопарка | более | [3] | Рабочие места. |" in table
    assert "<https://tass.ru/ekonomika/1>" in sources[-1]


def test_markdown_cells_cannot_break_the_table() -> None:
    import dataclasses

    from app_helpers import L

    pack = evidence_pack()
    series = pack.series["technoparks-count"]
    point = dataclasses.replace(series.points[0], note=L("a | b\nc", "a | b\nc"))
    odd = dataclasses.replace(series, points=(point, *series.points[1:]))
    table = series_markdown_table(pack, odd, "en")
    row = next(line for line in table.splitlines() if line.startswith("| 2014 |"))
    assert row.count(" | ") == 4 and "a \\| b c" in row
