"""Check one parsed document against the schema: each entry's keys, types and key-to-key rules.

What passes is kept in `Entry.values` (sanitised and converted); every failure is a problem on
its line. Checks that look across entries come after, in `tui.pack.references`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.pack.kinds import KINDS, SLOW, SLUG, FastCheck
from tui.pack.problems import (
    ContentFile,
    Entry,
    KeyPath,
    ProblemLog,
    describe,
    did_you_mean,
    quoted,
    safe,
    type_name,
)
from tui.pack.sanitize import sanitize
from tui.pack.spec import ENTRIES, FieldSpec, TableSpec


@dataclass(frozen=True)
class _CompiledTable:
    """Per-table lookups made once: each key's spec and fast check, the required keys."""

    checkers: dict[str, tuple[FieldSpec, FastCheck]]
    required: tuple[str, ...]
    has_key_rules: bool  # any rule tying keys together: most tables (texts, points) have none


_COMPILED: dict[int, tuple[TableSpec, _CompiledTable]] = {}


def _compiled(table: TableSpec) -> _CompiledTable:
    # Keyed by identity: hashing a frozen TableSpec would hash its whole nested tree each time.
    found = _COMPILED.get(id(table))
    if found is not None and found[0] is table:
        return found[1]
    compiled = _CompiledTable(
        checkers={spec.name: (spec, KINDS[spec.kind].fast(spec)) for spec in table.fields},
        required=tuple(spec.name for spec in table.fields if spec.required),
        has_key_rules=any(
            (
                table.together,
                table.required_when,
                table.needs,
                table.only_when,
                table.required_unless,
                table.never_when,
            )
        ),
    )
    _COMPILED[id(table)] = (table, compiled)
    return compiled


def _entry_tables() -> str:
    return ", ".join(f"[{n}]" if not s.array else f"[[{n}]]" for n, s in ENTRIES.items())


class Validator:
    """Checks documents one by one and keeps their entries, by kind, for the later steps."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log
        self.entries: dict[str, list[Entry]] = {kind: [] for kind in ENTRIES}

    def check_document(self, file: ContentFile, document: dict[str, Any]) -> None:
        for name, value in document.items():
            spec = ENTRIES.get(name)
            if spec is None:
                where = file.locator.locate(name, isinstance(value, list), 0, ())
                line, column = where if where is not None else (None, None)
                self.log.add(
                    file.display,
                    line,
                    column,
                    "error",
                    f"unknown table {quoted(name)}{did_you_mean(name, ENTRIES)}; expected one of "
                    + _entry_tables(),
                )
                continue
            items = value if isinstance(value, list) else [value]
            shape_ok = isinstance(value, list) == spec.array
            for index, item in enumerate(items):
                entry = Entry(name, file, spec.array, index, len(self.entries[name]))
                entry.label = f"[[{name}]] #{index + 1}" if spec.array else f"[{name}]"
                if not shape_ok:
                    wanted = (
                        f"an array of tables, [[{name}]]" if spec.array else f"one table, [{name}]"
                    )
                    self.log.fail(entry, (), f"must be {wanted}, not {type_name(value)}")
                    break
                if not isinstance(item, dict):
                    self.log.fail(entry, (), f"must be a table, not {type_name(item)}")
                    continue
                ident = item.get(spec.id_key) if spec.id_key else None
                if isinstance(ident, str) and SLUG.match(ident):
                    entry.label += f' (id "{ident}")'
                entry.given = frozenset(item)
                entry.values, _ = self.check_table(entry, spec.table, item, ())
                self.entries[name].append(entry)

    def check_table(
        self, entry: Entry, table: TableSpec, data: dict[str, Any], keys: KeyPath
    ) -> tuple[dict[str, Any], bool]:
        """The values that passed their checks, and whether the whole table did."""
        values: dict[str, Any] = {}
        before = self.log.error_count
        compiled = _compiled(table)
        checkers = compiled.checkers
        for name, raw in data.items():
            found = checkers.get(name)
            if found is None:
                where = describe(entry, keys)
                hint = did_you_mean(name, table.names)
                self.log.at(
                    entry, (*keys, name), "error", f"unknown key '{safe(name)}' in {where}{hint}"
                )
                continue
            spec, fast = found
            # The fast check accepts only plainly valid values; anything else (and every
            # message) goes through the kind's full check.
            checked = fast(raw)
            if checked is SLOW:
                checked = KINDS[spec.kind].check(spec, raw, (*keys, name), _Checking(self, entry))
            if checked is not None:
                values[name] = checked
        for name in compiled.required:
            if name not in data:
                what = "translation" if table.name.startswith("localized") else "key"
                self.log.fail(entry, keys, f"missing {what} '{name}'")
        if compiled.has_key_rules:
            self.check_key_rules(entry, table, data, values, keys)
        return values, self.log.error_count == before

    def check_key_rules(
        self,
        entry: Entry,
        table: TableSpec,
        data: dict[str, Any],
        values: dict[str, Any],
        keys: KeyPath,
    ) -> None:
        """The rules that tie keys of one table together."""
        fail = self.log.fail
        if table.together:
            given = [name for name in table.together if name in data]
            if (
                given
                and len(given) < len(table.together)
                and not _may_stand_alone(given, table, data)
            ):
                missing = ", ".join(f"'{n}'" for n in table.together if n not in data)
                together = ", ".join(table.together[:-1]) + f" and {table.together[-1]}"
                fail(entry, (*keys, given[0]), f"{together} go together: missing {missing}")
        for key, other, value in table.required_unless:
            if key not in data and data.get(other) != value:
                fail(entry, keys, f"missing key '{key}'")
        for key, other, value, why in table.never_when:
            if key in data and values.get(other) == value:
                fail(entry, (*keys, key), f"{other} = \"{value}\" takes no key '{key}': {why}")
        for key, value, needed in table.required_when:
            if data.get(key) == value and needed not in data:
                fail(entry, (*keys, key), f"{key} = \"{value}\" needs key '{needed}'")
        for key, needed in table.needs:
            if key in data and needed not in data:
                fail(entry, (*keys, key), f"needs key '{needed}'")
        for key, other, value in table.only_when:
            # An invalid `other` has its own error already; judge only against a valid one.
            if key in data and other in values and values[other] != value:
                fail(
                    entry,
                    (*keys, key),
                    f'only for {other} = "{value}", not {other} = {quoted(values[other])}',
                )

    def clean(self, entry: Entry, text: str, keys: KeyPath) -> str:
        """`text` sanitised, with a warning naming each character replaced."""
        if text.isprintable():  # no control, bidi or zero-width character, no line break
            return text
        text = text.replace("\r\n", "\n")
        cleaned, notes = sanitize(text)
        if notes:
            self.log.at(entry, keys, "warning", f"{describe(entry, keys)}: {'; '.join(notes)}")
        return cleaned


def _may_stand_alone(given: list[str], table: TableSpec, data: dict[str, Any]) -> bool:
    """Whether the one key given of `table.together` may stand alone (`alone_when`)."""
    return any(
        given == [key] and data.get(other) == value for key, other, value in table.alone_when
    )


class _Checking:
    """The validator as a kind's full check sees it: bound to the entry being checked."""

    def __init__(self, validator: Validator, entry: Entry) -> None:
        self.validator = validator
        self.entry = entry

    def fail(self, keys: KeyPath, message: str) -> None:
        self.validator.log.fail(self.entry, keys, message)

    def clean(self, text: str, keys: KeyPath) -> str:
        return self.validator.clean(self.entry, text, keys)

    def check_table(
        self, table: TableSpec, data: dict[str, Any], keys: KeyPath
    ) -> tuple[dict[str, Any], bool]:
        return self.validator.check_table(self.entry, table, data, keys)
