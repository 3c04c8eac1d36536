"""Exports of named places (entities) and of figures moscow-tui computed (derived facts)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from markdown_it import MarkdownIt
from test_format import L, make_fact, make_pack

from tui.export.copy import section_markdown
from tui.export.csv import export_csv
from tui.export.json import export_json
from tui.export.markdown import export_markdown
from tui.pack.model import Entity, EntityKind, FactKind, Pack


def pack_with_entity() -> Pack:
    pack = make_pack()
    kalibr = Entity(
        "kalibr",
        EntityKind.TECHNOPARK,
        L("Технопарк «Калибр»", "Kalibr Technopark"),
        "infra/sez",
        summary=L("Бывший завод.", "A former plant."),
    )
    area = make_fact(
        id="kalibr-area",
        kind=FactKind.REPORTED,
        text=L("Площадь технопарка.", "The technopark's floor area."),
        value=12000.0,
        unit="m2",
        year=2024,
        entity="kalibr",
        attribute="area",
        evidence="площадью 12 тыс. кв. м",
    )
    return replace(pack, facts=(*pack.facts, area), entities={"kalibr": kalibr})


def test_json_has_entities_and_facts_name_theirs() -> None:
    data = json.loads(export_json(pack_with_entity(), None, "en"))
    assert data["entities"] == [
        {
            "id": "kalibr",
            "kind": "technopark",
            "name": {"ru": "Технопарк «Калибр»", "en": "Kalibr Technopark"},
            "section": "infra/sez",
            "summary": {"ru": "Бывший завод.", "en": "A former plant."},
        }
    ]
    facts = {fact["id"]: fact for fact in data["facts"]}
    assert facts["kalibr-area"]["entity"] == "kalibr"
    assert facts["kalibr-area"]["attribute"] == "area"
    assert facts["kalibr-area"]["evidence"] == "площадью 12 тыс. кв. м"
    assert "entity" not in facts["jobs"]
    # Only the entities of the exported sections.
    other = json.loads(export_json(pack_with_entity(), ["other"], "en"))
    assert other["entities"] == []


def test_csv_has_entity_evidence_and_inputs_columns() -> None:
    rows = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(export_csv(pack_with_entity(), None, "en")))
    }
    assert (rows["kalibr-area"]["entity"], rows["kalibr-area"]["attribute"]) == ("kalibr", "area")
    assert rows["kalibr-area"]["evidence"] == "площадью 12 тыс. кв. м"
    derived = rows["derived"]
    assert derived["source_publisher"] == "moscow-tui"
    assert derived["source_id"] == "" and derived["source_url"] == ""
    assert derived["inputs"] == "jobs (TASS, 22 Oct 2025)"
    assert "TASS" not in derived["source_title"]


def test_markdown_lists_each_entity_with_its_facts() -> None:
    markdown = export_markdown(pack_with_entity(), None, "en")
    lines = markdown.splitlines()
    item = lines.index("- **Kalibr Technopark** _(technopark)_")
    assert lines[item + 1] == "  A former plant."
    fact = lines[item + 2]
    assert fact.startswith("  - **> 12,000 m²** — The technopark's floor area.")
    assert markdown.count("The technopark's floor area.") == 1  # not repeated among the facts
    tokens = MarkdownIt("commonmark").parse(markdown)
    nested = [tok for tok in tokens if tok.type == "bullet_list_open" and tok.level > 0]
    assert len(nested) == 1  # the entity's facts, nested under it


def test_derived_fact_is_ours_in_markdown_and_the_section_copy() -> None:
    pack = make_pack()
    for markdown in (export_markdown(pack, None, "en"), section_markdown(pack, "infra", "en")):
        lines = markdown.splitlines()
        head = next(line for line in lines if "Growth of floor space." in line)
        assert not head.rstrip().endswith("]")  # no source number on the derived figure itself
        block = "\n".join(lines[lines.index(head) : lines.index(head) + 4])
        assert "Computed by moscow-tui, not by a publisher" in block
        assert "From the facts: New jobs in the SEZ. (**> 90,000 jobs by 2030**) [1]" in block
        assert "How it was derived: 2030 over 2025." in block
    ru = section_markdown(pack, "infra", "ru")
    assert "Вычислено moscow-tui" in ru and "Из фактов:" in ru
