"""content/schema.json: up to date, well formed, in step with the model and with the loader."""

from __future__ import annotations

import json
import re
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import tomli

from tui.pack.load import load_pack
from tui.pack.model import UNITS, Basis, FactKind, Qualifier
from tui.pack.spec import json_schema, json_schema_text
from tui.paths import default_content_dir

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "content" / "schema.json"
VALID_PACK_DIR = Path(__file__).resolve().parents[1] / "data" / "valid"


def test_schema_file_is_not_stale() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "content/schema.json is stale: regenerate it with `moscow-tui schema > content/schema.json`"
    )


def test_schema_is_draft_2020_12_json() -> None:
    schema = json.loads(json_schema_text())
    assert schema == json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {"pack", "source", "section", "fact", "series", "entity"}


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_every_table_is_closed_and_every_key_described() -> None:
    objects = _objects(json_schema())
    assert len(objects) >= 9  # the document, 5 entry tables, localized, quote, point
    for table in objects:
        assert table["additionalProperties"] is False
        assert table["description"]
        for name, prop in table["properties"].items():
            assert prop.get("description"), name


def test_kind_only_keys_and_new_enums_are_described() -> None:
    defs: Any = json_schema()["$defs"]
    fact = defs["fact"]
    assert fact["properties"]["timing"]["enum"] == ["by", "in"]
    assert defs["source"]["properties"]["date_precision"]["enum"] == ["day", "month", "year"]
    assert defs["source"]["dependentRequired"] == {"date_precision": ["date"]}
    only = {
        rule["if"]["required"][0]: rule["then"]["properties"]["kind"]["const"]
        for rule in fact["allOf"]
        if set(rule["if"]) == {"required"}
    }
    assert only == {
        "quote": "quote",
        "derivation": "derived",
        "inputs": "derived",
        "timing": "target",
    }


def test_enums_match_the_model() -> None:
    defs: Any = json_schema()["$defs"]
    units = list(UNITS)
    assert defs["fact"]["properties"]["kind"]["enum"] == [kind.value for kind in FactKind]
    assert defs["fact"]["properties"]["qualifier"]["enum"] == [q.value for q in Qualifier]
    assert defs["point"]["properties"]["qualifier"]["enum"] == [q.value for q in Qualifier]
    assert defs["series"]["properties"]["basis"]["enum"] == [basis.value for basis in Basis]
    assert defs["fact"]["properties"]["unit"]["enum"] == units
    assert defs["series"]["properties"]["unit"]["enum"] == units
    assert defs["fact"]["properties"]["id"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"


# A validator for the keywords the schema uses, so the schema itself is exercised on real files
# (no JSON Schema library is a dependency).


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, date | time):
        return value.isoformat()  # what Taplo hands to JSON Schema for TOML dates
    return value


def _check(root: dict[str, Any], node: dict[str, Any], value: Any, where: str) -> list[str]:
    if "$ref" in node:
        target = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return _check(root, target, value, where)
    errors: list[str] = []
    kind = node.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": int | float,
    }
    if kind and (not isinstance(value, types[kind]) or isinstance(value, bool)):
        return [f"{where}: not {kind}"]
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{where}: not in enum")
    if "not" in node and not _check(root, node["not"], value, where):
        errors.append(f"{where}: matches what it must not")
    if "const" in node and value != node["const"]:
        errors.append(f"{where}: not const")
    if "pattern" in node and not re.search(node["pattern"], value):
        errors.append(f"{where}: pattern")
    if len(value) < node.get("minLength", 0) if isinstance(value, str) else False:
        errors.append(f"{where}: too short")
    if len(value) > node.get("maxLength", len(value)) if isinstance(value, str) else False:
        errors.append(f"{where}: too long")
    if "minimum" in node and value < node["minimum"]:
        errors.append(f"{where}: below minimum")
    if "maximum" in node and value > node["maximum"]:
        errors.append(f"{where}: above maximum")
    if kind == "array":
        if len(value) < node.get("minItems", 0):
            errors.append(f"{where}: too few items")
        for index, item in enumerate(value):
            errors.extend(_check(root, node["items"], item, f"{where}[{index}]"))
    if isinstance(value, dict):  # as in JSON Schema, these apply without "type" too (if/then)
        for key, item in value.items():
            if key in node.get("properties", {}):
                errors.extend(_check(root, node["properties"][key], item, f"{where}.{key}"))
            elif node.get("additionalProperties") is False:
                errors.append(f"{where}.{key}: not allowed")
        for key in node.get("required", []):
            if key not in value:
                errors.append(f"{where}: {key} required")
        for key, needed in node.get("dependentRequired", {}).items():
            if key in value:
                errors.extend(f"{where}: {key} needs {n}" for n in needed if n not in value)
        for rule in node.get("allOf", []):
            if not _check(root, rule["if"], value, where):
                errors.extend(_check(root, rule["then"], value, where))
    return errors


def schema_errors(text: str) -> list[str]:
    root = json_schema()
    return _check(root, root, _as_json(tomli.loads(text)), "$")


def _content_files() -> list[Path]:
    return sorted(default_content_dir().glob("*.toml")) + sorted(VALID_PACK_DIR.glob("*.toml"))


@pytest.mark.parametrize(
    "path", _content_files(), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_valid_content_passes_the_json_schema(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8")) == []


def test_shipped_content_files_point_at_the_schema() -> None:
    for path in sorted(default_content_dir().glob("*.toml")):
        assert path.read_text(encoding="utf-8").startswith("#:schema ./schema.json\n"), path


FACT = """[[fact]]
id = "x"
section = "s"
kind = "reported"
source = "src"
text = { ru = "Т", en = "T" }
"""

ENTITY = """[[entity]]
id = "e"
kind = "technopark"
section = "s"
name = { ru = "К", en = "K" }
"""

# Mistakes that both the JSON Schema (in the editor) and the loader must reject.
BOTH_REJECT = {
    "unknown-key": FACT + "vaule = 1\n",
    "unknown-table": "[[facts]]\nid = 'x'\n",
    "bad-enum": FACT.replace('"reported"', '"reportd"'),
    "bad-slug": FACT.replace('id = "x"', 'id = "X y"'),
    "bool-as-number": FACT + "value = true\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\n",
    "missing-translation": FACT.replace(', en = "T"', ""),
    "empty-translation": FACT.replace('en = "T"', 'en = ""'),
    "partial-number": FACT + "value = 1\n",
    "since-alone": FACT + "since = 2017\n",
    "quote-without-quote": FACT.replace('"reported"', '"quote"'),
    "derived-without-derivation": FACT.replace('"reported"', '"derived"'),
    "year-out-of-range": FACT + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 99\n",
    "one-point": (
        '[[series]]\nid = "s"\nsection = "a"\ntitle = { ru = "Р", en = "S" }\nunit = "jobs"\n'
        'basis = "history"\npoints = [{ year = 2020, value = 1, source = "x" }]\n'
    ),
    "target-without-rule": (
        '[[series]]\nid = "s"\nsection = "a"\ntitle = { ru = "Р", en = "S" }\nunit = "jobs"\n'
        'basis = "target"\npoints = [{ year = 2020, value = 1, source = "x" },'
        ' { year = 2021, value = 2, source = "x" }]\n'
    ),
    "quote-on-a-reported-fact": FACT
    + 'quote = { original = "О", translation = "T", speaker = { ru = "А", en = "A" } }\n',
    "derivation-on-a-quote": FACT.replace('"reported"', '"quote"')
    + 'quote = { original = "О", translation = "T", speaker = { ru = "А", en = "A" } }\n'
    + 'derivation = { ru = "Р", en = "D" }\n',
    "timing-on-a-reported-fact": FACT
    + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\ntiming = 'in'\n",
    "bad-timing": FACT.replace('"reported"', '"target"')
    + "value = 1\nunit = 'jobs'\nqualifier = 'over'\nyear = 2020\ntiming = 'during'\n",
    "precision-without-date": (
        '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n'
        'date_precision = "month"\n'
    ),
    "bad-precision": (
        '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n'
        'date = 2024-11-01\ndate_precision = "week"\n'
    ),
    "text-too-long": FACT.replace('en = "T"', 'en = "' + "T" * 2_001 + '"'),
    "title-on-two-lines": (
        '[[section]]\nid = "s"\norder = 1\ntitle = { ru = "Р", en = "A\\nB" }\n'
        'summary = { ru = "С", en = "S" }\n'
    ),
    "number-out-of-range": FACT + "value = 1e16\nunit = 'rub'\nqualifier = 'over'\nyear = 2020\n",
    "derived-with-source": FACT.replace('"reported"', '"derived"')
    + 'derivation = { ru = "Р", en = "D" }\ninputs = ["y"]\n',
    "derived-without-inputs": FACT.replace('"reported"', '"derived"').replace(
        'source = "src"\n', ""
    )
    + 'derivation = { ru = "Р", en = "D" }\n',
    "reported-without-source": FACT.replace('source = "src"\n', ""),
    "inputs-on-a-reported-fact": FACT + 'inputs = ["y"]\n',
    "bad-attribute": FACT + 'entity = "e"\nattribute = "floor"\n',
    "attribute-without-entity": FACT + 'attribute = "area"\n',
    "year-alone-without-status-year": FACT + 'entity = "e"\nattribute = "area"\nyear = 2016\n',
    "evidence-too-long": FACT + 'evidence = "' + "ж" * 601 + '"\n',
    "entity-bad-kind": ENTITY.replace('"technopark"', '"park"'),
    "entity-without-name": ENTITY.replace('name = { ru = "К", en = "K" }\n', ""),
    "entity-name-on-two-lines": ENTITY.replace('en = "K"', 'en = "K\\nL"'),
    "bad-url": (
        '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\nurl = "ftp://x"\n'
    ),
}


@pytest.mark.parametrize("text", BOTH_REJECT.values(), ids=BOTH_REJECT.keys())
def test_schema_and_loader_reject_the_same_mistakes(tmp_path: Path, text: str) -> None:
    assert schema_errors(text) != []
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    result = load_pack([tmp_path])
    assert result.pack is None
    assert any(p.path.endswith("a.toml") and "no [[" not in p.message for p in result.errors)


# Files that both the JSON Schema and the loader accept: the new keys used where they belong.
BOTH_ACCEPT = {
    "timing-in": FACT.replace('"reported"', '"target"')
    + "value = 25\nunit = 'events'\nqualifier = 'over'\nyear = 2026\ntiming = 'in'\n",
    "derived-with-inputs": FACT.replace('"reported"', '"derived"').replace('source = "src"\n', "")
    + 'derivation = { ru = "Р", en = "D" }\ninputs = ["y", "z"]\n',
    "entity": ENTITY + 'summary = { ru = "С", en = "S" }\nnote = { ru = "П", en = "N" }\n',
    "fact-of-an-entity": FACT
    + 'entity = "e"\nattribute = "area"\nevidence = "около 100 тыс. кв. м"\nvalue = 1\n'
    "unit = 'm2'\nqualifier = 'about'\nyear = 2024\n",
    "status-year-alone": FACT + 'entity = "e"\nattribute = "status-year"\nyear = 2016\n',
    "month-date": '[[source]]\nid = "s"\npublisher = "P"\ntitle = "T"\nlanguage = "ru"\n'
    'date = 2024-11-01\ndate_precision = "month"\n',
}


@pytest.mark.parametrize("text", BOTH_ACCEPT.values(), ids=BOTH_ACCEPT.keys())
def test_schema_and_loader_accept_the_new_keys(tmp_path: Path, text: str) -> None:
    assert schema_errors(text) == []
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    result = load_pack([tmp_path])
    # Alone the file lacks a [pack] and what it refers to; no other error may be about it.
    assert not [p for p in result.errors if p.path.endswith("a.toml") and "no [[" not in p.message]
