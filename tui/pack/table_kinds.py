"""The kinds that hold other values: {ru, en} texts, tables, arrays of tables and arrays of ids
(see `tui.pack.kind` for what a kind is)."""

from __future__ import annotations

from typing import Any

from tui.pack.kind import SLOW, SLUG, Checker, FastCheck, Kind, no_fast_path, wrong
from tui.pack.model import Localized
from tui.pack.problems import KeyPath, quoted, type_name
from tui.pack.spec import (
    SLUG_PATTERN,
    FieldSpec,
    localized_table,
)

# --- tables -------------------------------------------------------------------------------------


def _fast_localized(spec: FieldSpec) -> FastCheck:
    chars = spec.limit.chars

    def fast(raw: Any) -> Any:
        # The text fast path (`fast_text_within`) for both translations, written out: this runs
        # for nearly every entry.
        if type(raw) is dict and len(raw) == 2:
            ru: Any = raw.get("ru")
            en: Any = raw.get("en")
            if (
                type(ru) is str
                and type(en) is str
                and 0 < len(ru) <= chars
                and 0 < len(en) <= chars
                and ru.isprintable()
                and en.isprintable()
                and not ru.isspace()
                and not en.isspace()
            ):
                return Localized(ru, en)
        return SLOW

    return fast


def _check_localized(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, dict):
        wrong(checker, keys, "a table { ru = …, en = … }", raw)
        return None
    values, ok = checker.check_table(localized_table(spec.limit), raw, keys)
    return Localized(values["ru"], values["en"]) if ok else None


def _check_table(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, dict):
        wrong(checker, keys, "a table", raw)
        return None
    assert spec.table is not None
    values, ok = checker.check_table(spec.table, raw, keys)
    return values if ok else None


def _check_array(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    """An array of tables: each item checked, then `unique_by` across the items."""
    assert spec.table is not None
    if not isinstance(raw, list):
        wrong(checker, keys, "an array of tables", raw)
        return None
    if len(raw) < spec.min_items:
        checker.fail(keys, f"needs at least {spec.min_items} {spec.name}, has {len(raw)}")
        return None
    items: list[dict[str, Any]] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            checker.fail((*keys, index), f"must be a table, not {type_name(item)}")
            items.append({})
            continue
        checked, _ = checker.check_table(spec.table, item, (*keys, index))
        items.append(checked)
    if spec.unique_by:
        seen: dict[object, int] = {}
        for index, checked in enumerate(items):
            value = checked.get(spec.unique_by)
            if value is None:
                continue
            if value in seen:
                checker.fail(
                    (*keys, index, spec.unique_by),
                    f"duplicate {spec.unique_by} {value} (also in {spec.name} #{seen[value] + 1})",
                )
            else:
                seen[value] = index
    return items


def _array_schema(spec: FieldSpec) -> dict[str, object]:
    assert spec.table is not None
    schema: dict[str, object] = {"type": "array", "items": {"$ref": f"#/$defs/{spec.table.name}"}}
    if spec.min_items:
        schema["minItems"] = spec.min_items
    return schema


def _table_ref(spec: FieldSpec) -> dict[str, object]:
    assert spec.table is not None
    return {"$ref": f"#/$defs/{spec.table.name}"}


# --- ids -----------------------------------------------------------------------------------------


def _fast_ids(spec: FieldSpec) -> FastCheck:
    least = spec.min_items
    chars = spec.limit.chars
    match = SLUG.match

    def fast(raw: Any) -> Any:
        ok = type(raw) is list and len(raw) >= least
        ok = ok and all(type(item) is str and len(item) <= chars and match(item) for item in raw)
        return tuple(raw) if ok and len(set(raw)) == len(raw) else SLOW

    return fast


def _check_ids(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    """An array of ids, each a slug, none twice; what they name is checked across entries."""
    if not isinstance(raw, list):
        wrong(checker, keys, "an array of ids", raw)
        return None
    if len(raw) < spec.min_items:
        checker.fail(keys, f"needs at least {spec.min_items} id(s), has {len(raw)}")
        return None
    ok = True
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        if not isinstance(item, str):
            checker.fail((*keys, index), f"expected an id (a string), not {type_name(item)}")
        elif len(item) > spec.limit.chars or not SLUG.match(item):
            checker.fail((*keys, index), f"{quoted(item)} is not an id: a-z, 0-9 and single '-'")
        elif item in seen:
            checker.fail((*keys, index), f"{quoted(item)} is named twice")
        else:
            seen[item] = index
            continue
        ok = False
    return tuple(raw) if ok else None


def _ids_schema(spec: FieldSpec) -> dict[str, object]:
    schema: dict[str, object] = {
        "type": "array",
        "items": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": spec.limit.chars},
        "uniqueItems": True,
    }
    if spec.min_items:
        schema["minItems"] = spec.min_items
    return schema


LOCALIZED_KIND = Kind(
    _check_localized,
    _fast_localized,
    lambda spec: {"$ref": f"#/$defs/{localized_table(spec.limit).name}"},
)
TABLE = Kind(_check_table, no_fast_path, _table_ref)
ARRAY = Kind(_check_array, no_fast_path, _array_schema)
IDS = Kind(_check_ids, _fast_ids, _ids_schema)
