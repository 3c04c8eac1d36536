"""Checks across entries: one [pack], unique ids, references that resolve, and the rules that
need two entries at once (a series point's source must be dated, units of a fact and its series,
a fact in its entity's section, a derived fact's inputs) or a whole series (no drop below an
earlier lower bound).

Run only when every file parsed: with a file missing, every reference into it would be noise.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tui.pack.problems import Entry, KeyPath, ProblemLog, describe, quoted, safe, suggest
from tui.pack.spec import ENTRIES, FieldSpec, TableSpec

Registry = dict[str, dict[str, Entry]]  # entry kind → id (or section path) → entry


def section_path(entry: Entry) -> str | None:
    """The section's path, or None when its id or its parent is unusable."""
    ident = entry.values.get("id")
    if ident is None or ("parent" in entry.given and "parent" not in entry.values):
        return None
    parent = entry.values.get("parent")
    return f"{parent}/{ident}" if parent else str(ident)


class References:
    """The cross-entry checks of one load, over the entries the validator kept."""

    def __init__(self, log: ProblemLog, entries: dict[str, list[Entry]]) -> None:
        self.log = log
        self.entries = entries
        self.registry: Registry = {kind: {} for kind in ENTRIES}

    def check(self, folders: list[Path]) -> None:
        self.check_pack_count(folders)
        self.register()
        for kind, entries in self.entries.items():
            table = ENTRIES[kind].table
            for entry in entries:
                self.check_refs(entry, table, entry.values, ())
        for entry in self.entries["source"]:
            self.check_date_precision(entry)
        for entry in self.entries["series"]:
            self.check_points_dated(entry)
            self.check_no_drop_below_a_bound(entry)
        for entry in self.entries["fact"]:
            values = entry.values
            if "series" in values:
                self.check_series_unit(entry)
            if "entity" in values:
                self.check_entity_section(entry)
            if "inputs" in values:
                self.check_inputs_not_self(entry)

    def check_pack_count(self, folders: list[Path]) -> None:
        packs = self.entries["pack"]
        if not packs:
            self.log.add(
                safe(str(folders[0]), limit=400) if folders else "<content>",
                None,
                None,
                "error",
                "no [pack] table in any file: exactly one is needed",
                rank=self.log.rank + 1,
            )
        for extra in packs[1:]:
            first = self.log.line_of(packs[0])
            self.log.fail(extra, (), f"more than one [pack] table (the first is {first})")

    def register(self) -> None:
        """Index entries by id (sections by path); a second entry with an id is an error."""
        for kind in self.registry:
            if kind == "pack":
                continue
            for entry in self.entries[kind]:
                if kind == "section":
                    ident = section_path(entry)
                    noun = "section path"
                else:
                    ident = entry.values.get("id")
                    noun = f"{kind} id"
                if ident is None:
                    continue
                first = self.registry[kind].get(ident)
                if first is None:
                    self.registry[kind][ident] = entry
                    continue
                self.log.fail(
                    entry,
                    ("id",),
                    f'duplicate {noun} "{ident}" (first defined at'
                    f" {self.log.line_of(first, ('id',))})",
                )

    def check_refs(
        self, entry: Entry, table: TableSpec, values: dict[str, Any], keys: KeyPath
    ) -> None:
        """Every value naming another entry names one that exists (arrays of tables too)."""
        for spec in _ref_fields(table):
            value = values.get(spec.name)
            if value is None:
                continue
            if spec.kind == "array" and spec.table is not None:
                for index, item in enumerate(value):
                    self.check_refs(entry, spec.table, item, (*keys, spec.name, index))
                continue
            if spec.ref is None:
                continue
            named = value if isinstance(value, tuple) else (value,)
            for index, name in enumerate(named):
                if name in self.registry[spec.ref]:
                    continue
                what = "path" if spec.ref == "section" else "id"
                hint = suggest(name, self.registry[spec.ref])
                where = (
                    (*keys, spec.name, index) if isinstance(value, tuple) else (*keys, spec.name)
                )
                self.log.fail(entry, where, f"no [[{spec.ref}]] with {what} {quoted(name)}{hint}")

    def check_date_precision(self, entry: Entry) -> None:
        """A month or year date must be written as the first day of that month or year."""
        when = entry.values.get("date")
        precision = entry.values.get("date_precision", "day")
        if not isinstance(when, date) or precision == "day":
            return
        first = when.replace(day=1) if precision == "month" else when.replace(month=1, day=1)
        if when != first:
            self.log.fail(
                entry,
                ("date",),
                f'date_precision = "{precision}" needs the first day of the {precision}'
                f" ({first.isoformat()}), not {when.isoformat()}",
            )

    def check_points_dated(self, entry: Entry) -> None:
        """Every point of a series must cite a dated source: the point sits on a time axis."""
        sources = self.registry["source"]
        for index, point in enumerate(entry.values.get("points") or []):
            source = sources.get(str(point.get("source")))
            # A date that was written but is invalid has its own error already.
            if source is None or "date" in source.given:
                continue
            self.log.fail(
                entry,
                ("points", index, "source"),
                f"source {quoted(point['source'])} has no date: an undated source cannot place a"
                " point on the time axis",
            )

    def check_series_unit(self, entry: Entry) -> None:
        """Warn when a fact and the series drawn beside it count in different units."""
        unit = entry.values.get("unit")
        linked = self.registry["series"].get(str(entry.values.get("series")))
        if unit is None or linked is None:
            return
        other = linked.values.get("unit")
        if other is not None and other != unit:
            self.log.at(
                entry,
                ("series",),
                "warning",
                f"{describe(entry, ('series',))}: the fact's unit {quoted(unit)} differs from"
                f" the unit {quoted(other)} of series {quoted(linked.values['id'])}",
            )

    def check_entity_section(self, entry: Entry) -> None:
        """A fact of an entity is listed where the entity is: in the entity's section."""
        entity = self.registry["entity"].get(str(entry.values.get("entity")))
        section = entry.values.get("section")
        if entity is None or section is None:
            return
        home = entity.values.get("section")
        if home is not None and home != section:
            self.log.fail(
                entry,
                ("entity",),
                f"entity {quoted(entity.values['id'])} is in section {quoted(home)}, not"
                f" {quoted(section)}: a fact of an entity belongs to the entity's section"
                f" ({self.log.line_of(entity, ('section',))})",
            )

    def check_inputs_not_self(self, entry: Entry) -> None:
        """A derived fact is computed from other facts, never from itself."""
        ident = entry.values.get("id")
        for index, name in enumerate(entry.values.get("inputs") or ()):
            if name == ident:
                self.log.fail(
                    entry, ("inputs", index), f"names the fact itself ({quoted(name)}) as an input"
                )

    def check_no_drop_below_a_bound(self, entry: Entry) -> None:
        """In a history series no point may fall below an earlier "over X" point.

        "Over 2,200" in 2024, then "2,000" in 2025, claims a drop no source made: the later
        figure is rounder or older, not smaller.
        """
        if entry.values.get("basis") != "history":
            return
        points = [
            (point["year"], index, point)
            for index, point in enumerate(entry.values.get("points") or [])
            if "year" in point and "value" in point
        ]
        bound: tuple[int, dict[str, Any]] | None = None
        for year, index, point in sorted(points, key=lambda item: item[:2]):
            if bound is not None and point["value"] < bound[1]["value"]:
                earlier_index, earlier = bound
                self.log.fail(
                    entry,
                    ("points", index, "value"),
                    f"point #{index + 1} ({year}: {_number(point['value'])}) is below point"
                    f" #{earlier_index + 1} ({earlier['year']}: over"
                    f" {_number(earlier['value'])}), an earlier lower bound: a drop no source"
                    " claims",
                )
            if point.get("qualifier") == "over" and (
                bound is None or point["value"] > bound[1]["value"]
            ):
                bound = (index, point)


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


_REF_FIELDS: dict[int, tuple[TableSpec, tuple[FieldSpec, ...]]] = {}


def _ref_fields(table: TableSpec) -> tuple[FieldSpec, ...]:
    """The fields naming another entry, and the arrays of tables to descend into."""
    found = _REF_FIELDS.get(id(table))
    if found is not None and found[0] is table:
        return found[1]
    fields = tuple(
        spec
        for spec in table.fields
        if spec.ref is not None or (spec.kind == "array" and spec.table is not None)
    )
    _REF_FIELDS[id(table)] = (table, fields)
    return fields
