"""JSON, Markdown and CSV exports, on a small pack built here and on the shipped content."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from test_format import make_pack

from tui.export.csv import CSV_COLUMNS, export_csv
from tui.export.json import export_json
from tui.export.markdown import export_markdown
from tui.export.select import subtree
from tui.pack.load import load_pack
from tui.pack.model import FactKind, Localized, Pack
from tui.text.units import format_value


@pytest.fixture(scope="module")
def shipped() -> Pack:
    result = load_pack()
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack


def test_subtree() -> None:
    pack = make_pack()
    assert subtree(pack, "infra") == ["infra", "infra/sez"]
    assert subtree(pack, "infra/sez") == ["infra/sez"]
    assert subtree(pack, "inf") == []  # a prefix of a path is not a parent


def test_json_fields_follow_the_fact() -> None:
    pack = make_pack()
    data = json.loads(export_json(pack, None, "en"))
    facts = {fact["id"]: fact for fact in data["facts"]}
    assert list(facts) == [fact.id for fact in pack.facts]

    target = facts["jobs"]
    assert target["value"] == 90000 and isinstance(target["value"], int)
    assert (target["unit"], target["qualifier"], target["year"]) == ("jobs", "over", 2030)
    assert "since" not in target and "quote" not in target and "derivation" not in target
    assert target["text"] == {"ru": "Новые рабочие места в ОЭЗ.", "en": "New jobs in the SEZ."}
    assert target["source"] == {
        "id": "tass",
        "publisher": "TASS",
        "title": pack.sources["tass"].title,
        "date": "2025-10-22",
        "url": "https://tass.ru/ekonomika/1",
    }
    assert target["display"]["ru"] == format_value(pack.facts[0], "ru")

    quote = facts["quote"]
    assert not {"value", "unit", "qualifier", "year"} & set(quote)
    assert quote["quote"]["speaker"] == {"ru": "Сергей Собянин", "en": "Sergei Sobyanin"}

    derived = facts["derived"]
    assert derived["value"] == 3.5
    assert derived["derivation"]["en"] == "2030 over 2025."
    assert derived["source"] is None  # ours: no publisher printed it
    assert derived["computed_by"] == "moscow-tui" and derived["inputs"] == ["jobs"]

    assert facts["other-fact"]["since"] == 2017

    (series,) = data["series"]
    assert [p["year"] for p in series["points"]] == [2014, 2016]
    assert series["missing_years"] == [2015]
    assert series["points"][1]["qualifier"] == "about"
    assert series["points"][1]["source"]["publisher"] == "TASS"


def test_json_filtered_by_section() -> None:
    pack = make_pack()
    data = json.loads(export_json(pack, subtree(pack, "other"), "ru"))
    assert [f["id"] for f in data["facts"]] == ["other-fact"]
    assert [s["path"] for s in data["sections"]] == ["other"]
    assert data["series"] == []


def test_csv_round_trips_awkward_text() -> None:
    pack = make_pack()
    awkward = 'Text with "quotes", commas,\nand a second line'
    first = replace(pack.facts[0], text=Localized(ru=awkward, en="plain"))
    pack = replace(pack, facts=(first, *pack.facts[1:]))
    rows = list(csv.reader(io.StringIO(export_csv(pack, None, "ru"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(pack.facts) + 1
    record = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert record["text"] == awkward
    assert record["value"] == "90000"
    assert record["source_date"] == "2025-10-22"
    quote = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert quote["value"] == "" and quote["speaker"] == "Сергей Собянин"


def test_csv_language_and_filter() -> None:
    pack = make_pack()
    rows = list(csv.DictReader(io.StringIO(export_csv(pack, subtree(pack, "infra"), "en"))))
    assert [row["id"] for row in rows] == ["jobs", "quote", "derived"]
    assert rows[0]["text"] == "New jobs in the SEZ."
    assert rows[0]["display"] == format_value(pack.facts[0], "en")


def test_markdown_export_is_filtered_and_not_repeated() -> None:
    pack = make_pack()
    md = export_markdown(pack, ["infra", "infra/sez"], "en")
    assert md.startswith("# Moscow\n")
    assert md.count("### SEZ") == 1  # the child is printed once, under its parent
    assert "Outside the section." not in md
    whole = export_markdown(pack, None, "ru")
    assert "## Другое" in whole and "## Источники" in whole
    assert whole.index("## Инфраструктура") < whole.index("## Другое")


def test_shipped_content_exports(shipped: Pack) -> None:
    data = json.loads(export_json(shipped, None, "en"))
    by_id = {fact.id: fact for fact in shipped.facts}
    assert len(data["facts"]) == len(shipped.facts)
    for fact in data["facts"]:
        model = by_id[fact["id"]]
        assert fact.get("value") == model.value
        if model.kind is FactKind.DERIVED:
            assert fact["source"] is None and fact["computed_by"] == "moscow-tui"
        else:
            assert fact["source"]["id"] == model.source
    assert len(data["series"]) == len(shipped.series)
    rows = list(csv.DictReader(io.StringIO(export_csv(shipped, None, "ru"))))
    assert len(rows) == len(shipped.facts)
    md = export_markdown(shipped, None, "en")
    for section in shipped.sections.values():
        assert section.title.en in md
    for fact in shipped.facts:
        if fact.is_numeric:
            assert format_value(fact, "en") in md
