"""The kinds of single values: texts, strings of a pattern, enums, integers, years, numbers and
dates (see `tui.pack.kind` for what a kind is)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from tui.pack.kind import SLOW, SLUG, Checker, FastCheck, Kind, always, wrong
from tui.pack.problems import KeyPath, quoted, suggest
from tui.pack.spec import (
    LANGUAGE_PATTERN,
    NUMBER_LIMIT,
    PATH_PATTERN,
    URL_PATTERN,
    YEAR_MAX,
    YEAR_MIN,
    FieldSpec,
    TextLimit,
)

_PATH = re.compile(PATH_PATTERN)
_URL = re.compile(URL_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


# --- text ---------------------------------------------------------------------------------------


def fast_text_within(chars: int) -> FastCheck:
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
        wrong(checker, keys, "a string", raw)
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


TEXT = Kind(_check_text, lambda spec: fast_text_within(spec.limit.chars), _text_schema)


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
            wrong(checker, keys, "a string", raw)
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
        wrong(checker, keys, "a string", raw)
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
        wrong(checker, keys, "an integer", raw)
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
        wrong(checker, keys, "a number", raw)
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
        wrong(checker, keys, "a date like 2025-10-22 (a TOML local date)", raw)
        return None
    return raw


INTEGER = Kind(
    _check_integer,
    always(lambda raw: raw if type(raw) is int else SLOW),
    lambda spec: {"type": "integer"},
)
YEAR = Kind(
    _check_year,
    always(lambda raw: raw if type(raw) is int and YEAR_MIN <= raw <= YEAR_MAX else SLOW),
    lambda spec: {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
)
NUMBER = Kind(
    _check_number,
    always(_fast_number),
    lambda spec: {"type": "number", "minimum": -NUMBER_LIMIT, "maximum": NUMBER_LIMIT},
)
DATE = Kind(
    _check_date,
    always(lambda raw: raw if type(raw) is date else SLOW),
    # Taplo presents TOML dates to JSON Schema as strings with a date format.
    lambda spec: {"type": "string", "format": "date"},
)
