"""The JSON export: the same data as before, one fact a line, encoded fast."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_format import make_pack

from bench.generate import generate
from tui.export.json import (
    export_json,
    export_json_chunks,
    json_document,
    readable_json,
    readable_json_chunks,
)
from tui.pack.load import load_pack
from tui.pack.model import Pack
from tui.text.units import format_value


def test_one_fact_a_line_and_the_same_data() -> None:
    pack = make_pack()
    text = export_json(pack, None, "en")
    data = json.loads(text)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    for fact in pack.facts:
        (line,) = [line for line in lines if line.startswith(f'    {{"id": "{fact.id}"')]
        assert json.loads(line.rstrip(","))["id"] == fact.id
    assert [fact["id"] for fact in data["facts"]] == [fact.id for fact in pack.facts]
    assert lines.count('  "facts": [') == 1 and lines.count('  "series": [') == 1


def test_readable_json_round_trips_awkward_values() -> None:
    data = {
        "empty": [],
        "text": 'line\nbreak \u2028 «ёлочки» "quoted" \\ </script>',
        "list": [{"a": None, "b": 1.5, "c": [1, 2]}, "x"],
        "number": 90000,
    }
    assert json.loads(readable_json(data)) == data
    assert readable_json(data).count("\n") == 9


def _indented_json(pack: Pack) -> str:
    """The export as `json.dumps(indent=2)` writes it: the pure-Python encoder it replaced."""
    document = {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in json_document(pack, None).items()
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


@pytest.fixture(scope="module")
def generated() -> Pack:
    """A generated pack of every kind of fact, with series and named places."""
    with tempfile.TemporaryDirectory() as folder:
        generate(400, Path(folder), entities=40)
        result = load_pack([Path(folder)])
    assert result.pack is not None and not result.errors, [str(p) for p in result.problems]
    return result.pack


@pytest.fixture(scope="module")
def shipped() -> Pack:
    result = load_pack()
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_same_data_as_the_indented_encoder(which: str, request: pytest.FixtureRequest) -> None:
    pack: Pack = request.getfixturevalue(which)
    text = export_json(pack, None, "en")
    data = json.loads(text)
    assert data == json.loads(_indented_json(pack))
    assert len(data["facts"]) == len(pack.facts) and data["series"] and data["sections"]
    if which == "generated":
        assert len(data["entities"]) == 40
        assert {fact["kind"] for fact in data["facts"]} >= {"target", "quote", "derived"}


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_every_entry_is_one_readable_line(which: str, request: pytest.FixtureRequest) -> None:
    pack: Pack = request.getfixturevalue(which)
    lines = export_json(pack, None, "en").splitlines()
    top_keys = ["title", "primary_source", "sections", "entities", "facts", "series"]
    assert [line for line in lines if line.startswith('  "')] == [
        line for line in lines if any(line.startswith(f'  "{key}": ') for key in top_keys)
    ]
    entries = [line for line in lines if line.startswith("    ")]
    counts = {"sections": len(pack.sections), "facts": len(pack.facts)}
    counts["series"] = len(pack.series)
    counts["entities"] = len(pack.entities)
    assert len(entries) == sum(counts.values())
    for line in entries:  # each one whole JSON object: a reader or grep sees a fact at a time
        assert isinstance(json.loads(line.removesuffix(",")), dict)
    # Around the entries, only the two small objects at the top take a line of their own.
    frame = [line for line in lines if not line.startswith("    ")]
    assert frame[0] == "{" and frame[-1] == "}" and len(frame) == 2 + 2 + 2 * 4
    assert frame[1].startswith('  "title": {') and frame[2].startswith('  "primary_source": {')
    assert all(len(line) <= 20 for line in frame[3:])  # '  "entities": [', '  ],'


def test_pieces_join_into_the_whole_export(generated: Pack) -> None:
    pieces = list(readable_json_chunks(json_document(generated, None), chunk_lines=50))
    assert len(pieces) > 5  # written as it is built, not held whole
    assert "".join(pieces) == export_json(generated, None, "en")
    assert "".join(pieces) == "".join(export_json_chunks(generated, None, "en"))


def test_a_section_path_limits_the_pieces_too(generated: Pack) -> None:
    leaf = next(path for path in generated.sections if generated.facts_in(path))
    data = json.loads("".join(export_json_chunks(generated, [leaf], "en")))
    assert [section["path"] for section in data["sections"]] == [leaf]
    assert data["facts"] and all(fact["section"] == leaf for fact in data["facts"])


def test_empty_lists_stay_on_their_key_line() -> None:
    data = {"a": [], "b": iter(()), "c": iter([{"x": 1}]), "d": None}
    text = readable_json(data)
    assert json.loads(text) == {"a": [], "b": [], "c": [{"x": 1}], "d": None}
    assert text.splitlines()[1:3] == ['  "a": [],', '  "b": [],']


def test_figures_formatted_once_read_as_each_alone(generated: Pack) -> None:
    facts = {fact["id"]: fact for fact in json.loads(export_json(generated, None, "en"))["facts"]}
    numeric = [fact for fact in generated.facts if fact.value is not None]
    shared = len({(fact.value, fact.unit, fact.qualifier) for fact in numeric})
    assert shared < len(numeric)  # some figures repeat, so the memo is used
    for fact in numeric:
        expected = {"ru": format_value(fact, "ru"), "en": format_value(fact, "en")}
        assert facts[fact.id]["display"] == expected
