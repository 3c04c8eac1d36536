"""The JSON Schema of a content file (`content/schema.json`), written from `tui.pack.spec`.

Each field's fragment comes from its kind (`tui.pack.kinds`); the rules that tie keys together
(`together`, `needs`, `required_when`, `only_when`) become `dependentRequired` and `if`/`then`.
"""

from __future__ import annotations

from tui.pack.kinds import KINDS
from tui.pack.spec import ENTRIES, LOCALIZED, FieldSpec, TableSpec, localized_table


def nested_tables() -> list[TableSpec]:
    """The tables used inside entries (each gets its own $defs entry), in order of first use."""
    found: dict[str, TableSpec] = {LOCALIZED.name: LOCALIZED}
    todo = [entry.table for entry in ENTRIES.values()]
    while todo:
        table = todo.pop(0)
        for spec in table.fields:
            nested = localized_table(spec.limit) if spec.kind == "localized" else spec.table
            if nested is not None and nested.name not in found:
                found[nested.name] = nested
                todo.append(nested)
    return list(found.values())


def field_schema(spec: FieldSpec) -> dict[str, object]:
    """The schema of one key: its kind's fragment and a description naming what it refers to."""
    description = spec.description
    if spec.ref == "section":
        description += " Must name an existing [[section]] path."
    elif spec.ref is not None:
        description += f" Must name an existing [[{spec.ref}]]."
    return {"description": description, **KINDS[spec.kind].schema(spec)}


def table_schema(table: TableSpec) -> dict[str, object]:
    schema: dict[str, object] = {
        "type": "object",
        "description": table.description,
        "properties": {spec.name: field_schema(spec) for spec in table.fields},
        "additionalProperties": False,
    }
    required = [spec.name for spec in table.fields if spec.required]
    if required:
        schema["required"] = required
    dependent: dict[str, list[str]] = {}
    alone = {key for key, _, _ in table.alone_when}
    for key in table.together:
        if key not in alone:
            dependent[key] = [other for other in table.together if other != key]
    for key, needed in table.needs:
        dependent.setdefault(key, []).append(needed)
    if dependent:
        schema["dependentRequired"] = dependent
    rules = _conditional_rules(table)
    if rules:
        schema["allOf"] = rules
    return schema


def _is(key: str, value: str) -> dict[str, object]:
    """JSON Schema for "the table has `key` = `value`"."""
    return {"properties": {key: {"const": value}}, "required": [key]}


def _conditional_rules(table: TableSpec) -> list[dict[str, object]]:
    """The rules that depend on a key's value, as `if`/`then` pairs."""
    rules: list[dict[str, object]] = [
        {
            "if": {"properties": {key: {"const": value}}, "required": [key]},
            "then": {"required": [needed]},
        }
        for key, value, needed in table.required_when
    ]
    rules += [
        {"if": {"required": [key]}, "then": {"properties": {other: {"const": value}}}}
        for key, other, value in table.only_when
    ]
    rules += [
        {"if": {"not": _is(other, value)}, "then": {"required": [key]}}
        for key, other, value in table.required_unless
    ]
    rules += [
        {"if": _is(other, value), "then": {"not": {"required": [key]}}}
        for key, other, value, _ in table.never_when
    ]
    for key, other, value in table.alone_when:
        rest = [name for name in table.together if name != key]
        rules.append(
            {"if": {"required": [key], "not": _is(other, value)}, "then": {"required": rest}}
        )
    return rules


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of one content file."""
    defs = {table.name: table_schema(table) for table in nested_tables()}
    properties: dict[str, object] = {}
    for name, entry in ENTRIES.items():
        defs[name] = table_schema(entry.table)
        ref = {"$ref": f"#/$defs/{name}"}
        if entry.array:
            properties[name] = {
                "description": f"[[{name}]]: {entry.table.description}",
                "type": "array",
                "items": ref,
            }
        else:
            properties[name] = {"description": f"[{name}]: {entry.table.description}", **ref}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "moscow-tui content file",
        "description": (
            "One TOML file of a moscow-tui content pack. Every *.toml file of a content folder"
            " is read and together they make one pack; see content/README.md."
        ),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": defs,
    }


def json_schema_text() -> str:
    """The JSON Schema as the text of `content/schema.json`."""
    import json  # only `schema` and the staleness test need it

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
