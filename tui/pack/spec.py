"""The content schema as declarative tables: the loader validates with them and the JSON Schema
(`tui.pack.schema`) is written from them.

Keeping one declarative description means `content/schema.json` (what Taplo-based editors check
while you type) and `moscow-tui check` (what the program enforces) cannot drift apart. What each
kind of field means is in `tui.pack.kinds`; rules the JSON Schema cannot say (references between
entries, unique ids) live in `tui.pack.references`.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Literal

from tui.pack.model import (
    DATE_PRECISIONS,
    ENTITY_ATTRIBUTES,
    TIMINGS,
    UNITS,
    Basis,
    EntityKind,
    FactKind,
    Qualifier,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PATH_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$"
URL_PATTERN = r"^https?://[^\s]+$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
YEAR_MIN = 1700
YEAR_MAX = 2200
# Numbers beyond this (in either direction) are refused: charts subtract and scale values, and a
# float near 1.7e308 overflows to infinity there. 1e15 is far above any count or sum of roubles
# and leaves every difference exact in a float.
NUMBER_LIMIT = 1e15


@dataclass(frozen=True)
class TextLimit:
    """The most characters and lines one string of a field may hold (each translation alone).

    The limits keep the reader's screen, and the cost of laying a fact out, bounded whatever the
    content holds; `content/README.md` lists them.
    """

    name: str
    chars: int
    lines: int


LINE = TextLimit("line", 300, 1)  # titles, names, publishers, speakers
PARAGRAPH = TextLimit("paragraph", 2_000, 20)  # statements, summaries, notes, rules, quotes
EVIDENCE = TextLimit("evidence", 600, 3)  # a source's own words behind a fact

FieldKind = Literal[
    "text",  # a non-empty string shown to the reader (sanitised at load)
    "url",
    "language",
    "slug",
    "path",  # a section path: slugs joined by "/"
    "localized",  # {ru, en}
    "integer",
    "year",
    "number",  # integer or float, finite
    "date",  # a TOML local date (not a date-time)
    "enum",
    "table",  # a nested table described by `table`
    "array",  # an array of tables described by `table`
    "ids",  # an array of ids (slugs), each naming an entry of the kind `ref`
]
RefKind = Literal["source", "section", "series", "entity", "fact"]


@dataclass(frozen=True)
class FieldSpec:
    """One key of a table: its type, whether it is required, and what it means."""

    name: str
    kind: FieldKind
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    ref: RefKind | None = None  # the entry kind this value names (by id, or by path for sections)
    table: TableSpec | None = None  # for "table" and "array"
    min_items: int = 0  # for "array" and "ids"
    unique_by: str | None = None  # for "array": a key no two items may share
    limit: TextLimit = PARAGRAPH  # for strings (each translation of a "localized")


@dataclass(frozen=True)
class TableSpec:
    """A TOML table: its keys and the rules that tie keys together."""

    name: str  # used for $defs and in messages
    description: str
    fields: tuple[FieldSpec, ...]
    # Keys that must be given all together or not at all.
    together: tuple[str, ...] = ()
    # (key, value, needed): when `key` equals `value`, `needed` is required.
    required_when: tuple[tuple[str, str, str], ...] = ()
    # Keys that need another key: (key, needed).
    needs: tuple[tuple[str, str], ...] = ()
    # (key, other, value): `key` may be given only when `other` equals `value`.
    only_when: tuple[tuple[str, str, str], ...] = ()
    # (key, other, value): `key` is required, except when `other` equals `value` …
    required_unless: tuple[tuple[str, str, str], ...] = ()
    # … (key, other, value, why): and must not be given when `other` equals `value`.
    never_when: tuple[tuple[str, str, str, str], ...] = ()
    # (key, other, value): of `together`, `key` may stand alone when `other` equals `value`.
    alone_when: tuple[tuple[str, str, str], ...] = ()

    def field(self, name: str) -> FieldSpec | None:
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, FieldSpec]:
        return {spec.name: spec for spec in self.fields}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)


@dataclass(frozen=True)
class EntrySpec:
    """A top-level table of a content file: `[pack]` or an array of tables like `[[fact]]`."""

    table: TableSpec
    array: bool
    id_key: str | None  # the key that identifies an entry (sections: by path, built from id)


def _enum_values(
    enum: type[FactKind] | type[Qualifier] | type[Basis] | type[EntityKind],
) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


FACT_KINDS = _enum_values(FactKind)
QUALIFIERS = _enum_values(Qualifier)
BASES = _enum_values(Basis)
ENTITY_KINDS = _enum_values(EntityKind)
UNIT_CODES = tuple(UNITS)

LOCALIZED = TableSpec(
    "localized",
    "A text in Russian and English; both are required and must not be empty.",
    (
        FieldSpec("ru", "text", "Russian text.", required=True),
        FieldSpec("en", "text", "English text.", required=True),
    ),
)


@functools.cache
def localized_table(limit: TextLimit) -> TableSpec:
    """The {ru, en} table whose translations are each held to `limit`."""
    if limit == PARAGRAPH:
        return LOCALIZED
    fields = tuple(dataclasses.replace(spec, limit=limit) for spec in LOCALIZED.fields)
    return TableSpec(f"localized-{limit.name}", LOCALIZED.description, fields)


QUOTE = TableSpec(
    "quote",
    "A direct quote: the original words, an English translation, and who said them.",
    (
        FieldSpec("original", "text", "The words as published (Russian).", required=True),
        FieldSpec("translation", "text", "English translation.", required=True),
        FieldSpec(
            "speaker",
            "localized",
            "Who said it, in Russian and English.",
            required=True,
            limit=LINE,
        ),
    ),
)

POINT = TableSpec(
    "point",
    "One year's value of a series and the source it comes from.",
    (
        FieldSpec("year", "year", "The year of the value.", required=True),
        FieldSpec("value", "number", "The value in the series' unit (base units).", required=True),
        FieldSpec(
            "source", "slug", "Id of the [[source]] this value comes from.", True, ref="source"
        ),
        FieldSpec(
            "qualifier",
            "enum",
            "The source's hedge on the number; default: exactly.",
            enum=QUALIFIERS,
        ),
        FieldSpec("note", "localized", "Optional note, e.g. a conflicting source not used."),
    ),
)

PACK = TableSpec(
    "pack",
    "The pack itself: exactly one [pack] table across all files.",
    (
        FieldSpec("title", "localized", "Title of the pack.", required=True, limit=LINE),
        FieldSpec(
            "primary_source",
            "slug",
            "Id of the [[source]] the pack is built from (the report).",
            required=True,
            ref="source",
        ),
    ),
)

SOURCE = TableSpec(
    "source",
    "A publication that facts and series points cite.",
    (
        FieldSpec("id", "slug", "Unique id: a-z, 0-9 and '-'.", required=True),
        FieldSpec("publisher", "text", "Who published it, e.g. TASS.", required=True, limit=LINE),
        FieldSpec("title", "text", "The headline as published.", required=True, limit=LINE),
        FieldSpec("date", "date", "Publication date (a TOML local date); omit when undated."),
        FieldSpec(
            "date_precision",
            "enum",
            "How much of the date the page gives; default: day. For month or year, date is the"
            " first day of that month or year.",
            enum=DATE_PRECISIONS,
        ),
        FieldSpec("url", "url", "Address of the page; only where known."),
        FieldSpec("language", "language", "Language code of the page, e.g. ru.", required=True),
        FieldSpec("note", "localized", "Optional note about the source."),
    ),
    needs=(("date_precision", "date"),),
)

SECTION = TableSpec(
    "section",
    "A node of the section tree; its path is the ids from the root joined by '/'.",
    (
        FieldSpec("id", "slug", "Id among its siblings: a-z, 0-9 and '-'.", required=True),
        FieldSpec("parent", "path", "Path of the parent section; omit at the root.", ref="section"),
        FieldSpec("order", "integer", "Position among its siblings.", required=True),
        FieldSpec("title", "localized", "Section title.", required=True, limit=LINE),
        FieldSpec("summary", "localized", "One or two sentences about the section.", True),
    ),
)

FACT = TableSpec(
    "fact",
    "One statement of a source, in our own words, with its number where it has one.",
    (
        FieldSpec("id", "slug", "Unique id: a-z, 0-9 and '-'.", required=True),
        FieldSpec("section", "path", "Path of the section it belongs to.", True, ref="section"),
        FieldSpec("kind", "enum", "What sort of statement it is.", required=True, enum=FACT_KINDS),
        FieldSpec(
            "source",
            "slug",
            "Id of the [[source]] it comes from; required, except for kind = derived, which has"
            " none (it is ours: it names its inputs).",
            ref="source",
        ),
        FieldSpec("text", "localized", "The statement in our own words.", required=True),
        FieldSpec("value", "number", "The number in base units: 90000, 2000000, 3.5."),
        FieldSpec("unit", "enum", "Unit of the value.", enum=UNIT_CODES),
        FieldSpec("qualifier", "enum", "The source's hedge on the number.", enum=QUALIFIERS),
        FieldSpec("year", "year", "The year the number refers to (the target year for targets)."),
        FieldSpec("since", "year", "Start year of a cumulative figure ('since 2017')."),
        FieldSpec(
            "timing",
            "enum",
            "Targets only: reached by the year (default) or during it ('over 25 events in 2026').",
            enum=TIMINGS,
        ),
        FieldSpec("series", "slug", "Id of a [[series]] drawn beside the fact.", ref="series"),
        FieldSpec("note", "localized", "Optional note."),
        FieldSpec("quote", "table", "Required for kind = quote, and only for it.", table=QUOTE),
        FieldSpec(
            "derivation",
            "localized",
            "Required for kind = derived, and only for it: the rule in words.",
        ),
        FieldSpec(
            "inputs",
            "ids",
            "Required for kind = derived, and only for it: ids of the facts it is computed from.",
            ref="fact",
            min_items=1,
        ),
        FieldSpec(
            "entity",
            "slug",
            "Id of the [[entity]] the fact describes; the fact is in the entity's section.",
            ref="entity",
        ),
        FieldSpec(
            "attribute",
            "enum",
            "Which common attribute of its entity the fact gives (a column of the entity"
            " table); status-year may give `year` alone.",
            enum=ENTITY_ATTRIBUTES,
        ),
        FieldSpec(
            "evidence",
            "text",
            "The source's own words behind the fact, verbatim and in the source's language.",
            limit=EVIDENCE,
        ),
    ),
    together=("value", "unit", "qualifier", "year"),
    required_when=(
        ("kind", "quote", "quote"),
        ("kind", "derived", "derivation"),
        ("kind", "derived", "inputs"),
    ),
    needs=(("since", "value"), ("attribute", "entity")),
    only_when=(
        ("quote", "kind", "quote"),
        ("derivation", "kind", "derived"),
        ("inputs", "kind", "derived"),
        ("timing", "kind", "target"),
    ),
    required_unless=(("source", "kind", "derived"),),
    never_when=(
        (
            "source",
            "kind",
            "derived",
            "a derived figure is ours, not a source's: name the facts it is computed from in"
            " 'inputs'",
        ),
    ),
    alone_when=(("year", "attribute", "status-year"),),
)

ENTITY = TableSpec(
    "entity",
    "A named place or measure behind a city total: a technopark, an SEZ site, a service.",
    (
        FieldSpec("id", "slug", "Unique id among entities: a-z, 0-9 and '-'.", required=True),
        FieldSpec("kind", "enum", "What sort of entity it is.", required=True, enum=ENTITY_KINDS),
        FieldSpec(
            "section", "path", "Path of the section it is listed under.", True, ref="section"
        ),
        FieldSpec("name", "localized", "Its name, in Russian and English.", True, limit=LINE),
        FieldSpec("summary", "localized", "Optional: one or two sentences about it."),
        FieldSpec("note", "localized", "Optional note."),
    ),
)

SERIES = TableSpec(
    "series",
    "Year → value points drawn as a sparkline; missing years stay missing.",
    (
        FieldSpec("id", "slug", "Unique id: a-z, 0-9 and '-'.", required=True),
        FieldSpec("section", "path", "Path of the section it belongs to.", True, ref="section"),
        FieldSpec("title", "localized", "Title of the series.", required=True, limit=LINE),
        FieldSpec("unit", "enum", "Unit of every point.", required=True, enum=UNIT_CODES),
        FieldSpec("basis", "enum", "Where the points come from.", required=True, enum=BASES),
        FieldSpec("rule", "localized", "How the points were made; required for target, derived."),
        FieldSpec("note", "localized", "Optional note."),
        FieldSpec(
            "points",
            "array",
            "At least two points, one per year.",
            required=True,
            table=POINT,
            min_items=2,
            unique_by="year",
        ),
    ),
    required_when=(("basis", "target", "rule"), ("basis", "derived", "rule")),
)

ENTRIES: dict[str, EntrySpec] = {
    "pack": EntrySpec(PACK, array=False, id_key=None),
    "source": EntrySpec(SOURCE, array=True, id_key="id"),
    "section": EntrySpec(SECTION, array=True, id_key="id"),
    "fact": EntrySpec(FACT, array=True, id_key="id"),
    "series": EntrySpec(SERIES, array=True, id_key="id"),
    "entity": EntrySpec(ENTITY, array=True, id_key="id"),
}


def json_schema() -> dict[str, object]:
    """The JSON Schema of one content file (kept here too: `tui.pack.schema` writes it)."""
    from tui.pack.schema import json_schema as write

    return write()


def json_schema_text() -> str:
    """The text of `content/schema.json` (kept here too: `tui.pack.schema` writes it)."""
    from tui.pack.schema import json_schema_text as write

    return write()
