"""Each kind of field once: its full check, its fast path, and its JSON Schema fragment.

A field of the schema (`tui.pack.spec.FieldSpec`) has a kind ("text", "year", "localized" …).
Everything the program knows about a kind is here, side by side, so a new kind (or a new rule for
one) is written in one place and the checker, its fast path and `content/schema.json` agree.

The fast path returns the checked value of a plainly valid raw value, or `SLOW` for anything
else; the full check then looks at it again and words the problem. Keeping every message in the
full check means the fast path can never word an error differently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from tui.pack.model import Localized
from tui.pack.problems import KeyPath, quoted, suggest, type_name
from tui.pack.spec import (
    LANGUAGE_PATTERN,
    NUMBER_LIMIT,
    PATH_PATTERN,
    SLUG_PATTERN,
    URL_PATTERN,
    YEAR_MAX,
    YEAR_MIN,
    FieldSpec,
    TableSpec,
    TextLimit,
    localized_table,
)

SLOW: Any = object()
FastCheck = Callable[[Any], Any]

SLUG = re.compile(SLUG_PATTERN)
_PATH = re.compile(PATH_PATTERN)
_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class Checker(Protocol):
    """What a full check may ask of the validator, for the entry being checked."""

    def fail(self, keys: KeyPath, message: str) -> None: ...

    def clean(self, text: str, keys: KeyPath) -> str: ...

    def check_table(
        self, table: TableSpec, data: dict[str, Any], keys: KeyPath
    ) -> tuple[dict[str, Any], bool]: ...


FullCheck = Callable[[FieldSpec, Any, KeyPath, Checker], Any]
SchemaOf = Callable[[FieldSpec], dict[str, object]]


@dataclass(frozen=True)
class Kind:
    """One kind of field: how to check it fully, quickly, and how JSON Schema says it."""

    check: FullCheck  # the checked value, or None after reporting a problem
    fast: Callable[[FieldSpec], FastCheck]
    schema: SchemaOf


def _wrong(checker: Checker, keys: KeyPath, expected: str, raw: Any) -> None:
    checker.fail(keys, f"expected {expected}, not {type_name(raw)}")


def _no_fast_path(spec: FieldSpec) -> FastCheck:
    return lambda raw: SLOW


def _always(fast: FastCheck) -> Callable[[FieldSpec], FastCheck]:
    return lambda spec: fast


# --- text ---------------------------------------------------------------------------------------


def _fast_text_within(chars: int) -> FastCheck:
    def fast(raw: Any) -> Any:
        # isprintable: no control, bidi or zero-width character (nothing to sanitise), no
        # newline (so one line); isspace is False for "" too, hence the emptiness test.
        if (
            type(raw) is str
            and raw
            and len(raw) <= chars
            and raw.isprintable()
            and not raw.isspace()
        ):
            return raw
        return SLOW

    return fast


def over_limit(text: str, limit: TextLimit) -> str | None:
    """Why `text` breaks `limit`, or None. Counted in C (len, count): fast on 10 MB too."""
    if len(text) > limit.chars:
        return f"{len(text):,} characters, over the limit of {limit.chars:,}"
    lines = text.count("\n") + 1
    if lines > limit.lines:
        allowed = "1 line" if limit.lines == 1 else f"{limit.lines} lines"
        return f"{lines:,} lines, over the limit of {allowed}"
    return None


def _check_text(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, str):
        _wrong(checker, keys, "a string", raw)
        return None
    if not raw.strip():
        what = "translation" if spec.name in ("ru", "en") else "text"
        checker.fail(keys, f"empty {what}")
        return None
    # Before sanitising: that costs a Python call per unsafe character.
    over = over_limit(raw.replace("\r\n", "\n"), spec.limit)
    if over is not None:
        checker.fail(keys, over)
        return None
    return checker.clean(raw, keys)


def _text_schema(spec: FieldSpec) -> dict[str, object]:
    schema: dict[str, object] = {"type": "string", "minLength": 1, "maxLength": spec.limit.chars}
    if spec.limit.lines == 1:
        schema["pattern"] = "^[^\\n]*$"
    return schema


TEXT = Kind(_check_text, lambda spec: _fast_text_within(spec.limit.chars), _text_schema)


# --- strings of a pattern -----------------------------------------------------------------------


def _pattern_kind(pattern: re.Pattern[str], what: str, printable: bool, clean: bool) -> Kind:
    """A string matching `pattern` (`printable`: and nothing to sanitise on the fast path)."""
    match = pattern.match

    def fast_within(spec: FieldSpec) -> FastCheck:
        chars = spec.limit.chars

        def fast(raw: Any) -> Any:
            ok = type(raw) is str and len(raw) <= chars and match(raw)
            return raw if ok and (not printable or raw.isprintable()) else SLOW

        return fast

    def check(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
        if not isinstance(raw, str):
            _wrong(checker, keys, "a string", raw)
            return None
        if len(raw) > spec.limit.chars:
            checker.fail(keys, f"{len(raw):,} characters, over the limit of {spec.limit.chars:,}")
            return None
        if not match(raw):
            checker.fail(keys, f"{quoted(raw)} is not {what}")
            return None
        return checker.clean(raw, keys) if clean else raw

    def schema(spec: FieldSpec) -> dict[str, object]:
        return {"type": "string", "pattern": pattern.pattern, "maxLength": spec.limit.chars}

    return Kind(check, fast_within, schema)


URL = _pattern_kind(_URL, "an http(s) address without spaces", printable=True, clean=True)
LANGUAGE = _pattern_kind(_LANGUAGE, "a language code such as ru or en", False, False)
SLUG_KIND = _pattern_kind(SLUG, "a slug: a-z, 0-9 and single '-' between", False, False)
PATH = _pattern_kind(_PATH, "a section path: slugs joined by '/'", False, False)


# --- enum ---------------------------------------------------------------------------------------


def _fast_enum(spec: FieldSpec) -> FastCheck:
    allowed = frozenset(spec.enum)
    return lambda raw: raw if type(raw) is str and raw in allowed else SLOW


def _check_enum(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, str):
        _wrong(checker, keys, "a string", raw)
        return None
    if raw not in spec.enum:
        choices = ", ".join(spec.enum)
        checker.fail(
            keys,
            f"unknown {spec.name} {quoted(raw)}{suggest(raw, spec.enum)};"
            f" expected one of: {choices}",
        )
        return None
    return raw


ENUM = Kind(_check_enum, _fast_enum, lambda spec: {"type": "string", "enum": list(spec.enum)})


# --- integers, years, numbers, dates ------------------------------------------------------------


def _check_integer(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, int):
        _wrong(checker, keys, "an integer", raw)
        return None
    return raw


def _check_year(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if _check_integer(spec, raw, keys, checker) is None:
        return None
    if not YEAR_MIN <= raw <= YEAR_MAX:
        checker.fail(keys, f"year {raw} is outside {YEAR_MIN}–{YEAR_MAX}")
        return None
    return raw


def _fast_number(raw: Any) -> Any:
    kind = type(raw)
    if kind is float:
        return raw if -NUMBER_LIMIT <= raw <= NUMBER_LIMIT else SLOW  # False for nan too
    if kind is int and -NUMBER_LIMIT <= raw <= NUMBER_LIMIT:
        return float(raw)
    return SLOW


def _check_number(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        _wrong(checker, keys, "a number", raw)
        return None
    try:
        number = float(raw)
    except OverflowError:
        checker.fail(keys, "number too large")
        return None
    if not math.isfinite(number):
        checker.fail(keys, f"not a finite number ({raw})")
        return None
    if not -NUMBER_LIMIT <= number <= NUMBER_LIMIT:
        checker.fail(
            keys,
            f"{raw} is outside ±{NUMBER_LIMIT:,.0f}, the range the program can draw and"
            " compute with",
        )
        return None
    return number


def _check_date(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if isinstance(raw, datetime) or not isinstance(raw, date):
        _wrong(checker, keys, "a date like 2025-10-22 (a TOML local date)", raw)
        return None
    return raw


INTEGER = Kind(
    _check_integer,
    _always(lambda raw: raw if type(raw) is int else SLOW),
    lambda spec: {"type": "integer"},
)
YEAR = Kind(
    _check_year,
    _always(lambda raw: raw if type(raw) is int and YEAR_MIN <= raw <= YEAR_MAX else SLOW),
    lambda spec: {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
)
NUMBER = Kind(
    _check_number,
    _always(_fast_number),
    lambda spec: {"type": "number", "minimum": -NUMBER_LIMIT, "maximum": NUMBER_LIMIT},
)
DATE = Kind(
    _check_date,
    _always(lambda raw: raw if type(raw) is date else SLOW),
    # Taplo presents TOML dates to JSON Schema as strings with a date format.
    lambda spec: {"type": "string", "format": "date"},
)


# --- tables -------------------------------------------------------------------------------------


def _fast_localized(spec: FieldSpec) -> FastCheck:
    fast_text = _fast_text_within(spec.limit.chars)

    def fast(raw: Any) -> Any:
        if type(raw) is dict and len(raw) == 2:
            ru: Any = raw.get("ru")
            en: Any = raw.get("en")
            if fast_text(ru) is not SLOW and fast_text(en) is not SLOW:
                return Localized(ru, en)
        return SLOW

    return fast


def _check_localized(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, dict):
        _wrong(checker, keys, "a table { ru = …, en = … }", raw)
        return None
    values, ok = checker.check_table(localized_table(spec.limit), raw, keys)
    return Localized(values["ru"], values["en"]) if ok else None


def _check_table(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    if not isinstance(raw, dict):
        _wrong(checker, keys, "a table", raw)
        return None
    assert spec.table is not None
    values, ok = checker.check_table(spec.table, raw, keys)
    return values if ok else None


def _check_array(spec: FieldSpec, raw: Any, keys: KeyPath, checker: Checker) -> Any:
    """An array of tables: each item checked, then `unique_by` across the items."""
    assert spec.table is not None
    if not isinstance(raw, list):
        _wrong(checker, keys, "an array of tables", raw)
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
        _wrong(checker, keys, "an array of ids", raw)
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
TABLE = Kind(_check_table, _no_fast_path, _table_ref)
ARRAY = Kind(_check_array, _no_fast_path, _array_schema)

KINDS: dict[str, Kind] = {
    "text": TEXT,
    "url": URL,
    "language": LANGUAGE,
    "slug": SLUG_KIND,
    "path": PATH,
    "localized": LOCALIZED_KIND,
    "integer": INTEGER,
    "year": YEAR,
    "number": NUMBER,
    "date": DATE,
    "enum": ENUM,
    "table": TABLE,
    "array": ARRAY,
    "ids": Kind(_check_ids, _fast_ids, _ids_schema),
}
