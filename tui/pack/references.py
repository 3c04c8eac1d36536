"""Checks across entries: one [pack], unique ids, references that resolve, and the rules that
need two entries at once (a series point's source must be dated, units of a fact and its series).

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
        for entry in self.entries["fact"]:
            self.check_series_unit(entry)

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
            if spec.ref is None or value in self.registry[spec.ref]:
                continue
            what = "path" if spec.ref == "section" else "id"
            hint = suggest(value, self.registry[spec.ref])
            self.log.fail(
                entry, (*keys, spec.name), f"no [[{spec.ref}]] with {what} {quoted(value)}{hint}"
            )

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
