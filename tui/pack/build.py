"""The model from checked entries: called only when the whole load found no error."""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

from tui.pack.model import (
    Basis,
    Entity,
    EntityKind,
    Fact,
    FactKind,
    Pack,
    Qualifier,
    Quote,
    Section,
    Series,
    SeriesPoint,
    Source,
)
from tui.pack.problems import Entry

# Enum lookups by value without the cost of calling the enum class per fact.
_KINDS = {member.value: member for member in FactKind}
_QUALIFIERS = {member.value: member for member in Qualifier}
_ENTITY_KINDS = {member.value: member for member in EntityKind}


def build_pack(entries: dict[str, list[Entry]]) -> Pack:
    """The pack made of every entry (each already checked and free of errors)."""
    pack_values = entries["pack"][0].values
    primary = pack_values["primary_source"]
    sections = build_sections(entries["section"])
    rank = {path: index for index, path in enumerate(sections)}

    def in_section_order(items: list[Entry]) -> list[Entry]:
        return sorted(items, key=lambda e: (rank.get(e.values["section"], len(rank)), e.seq))

    return Pack(
        title=pack_values["title"],
        primary_source=primary,
        sources={v["id"]: build_source(v, primary) for v in _values(entries["source"])},
        sections=sections,
        facts=tuple(build_fact(entry.values) for entry in in_section_order(entries["fact"])),
        series={
            entry.values["id"]: build_series(entry.values)
            for entry in in_section_order(entries["series"])
        },
        entities={v["id"]: build_entity(v) for v in _values(entries["entity"])},
    )


def _values(entries: list[Entry]) -> list[dict[str, Any]]:
    return [entry.values for entry in entries]


def build_source(v: dict[str, Any], primary: str) -> Source:
    return Source(
        id=v["id"],
        publisher=v["publisher"],
        title=v["title"],
        date=v.get("date"),
        url=v.get("url"),
        language=v["language"],
        primary=v["id"] == primary,
        note=v.get("note"),
        date_precision=v.get("date_precision", "day"),
    )


def build_sections(entries: list[Entry]) -> dict[str, Section]:
    """Sections by path, depth-first in display order (siblings by `order`, then id)."""
    children: dict[str | None, list[Entry]] = {}
    for entry in entries:
        children.setdefault(entry.values.get("parent"), []).append(entry)
    for siblings in children.values():
        siblings.sort(key=lambda e: (e.values["order"], e.values["id"]))
    sections: dict[str, Section] = {}
    # Depth-first, iterative so that a deep tree cannot hit the recursion limit.
    stack = [list(reversed(children.get(None, [])))]
    while stack:
        todo = stack[-1]
        if not todo:
            stack.pop()
            continue
        v = todo.pop().values
        path = f"{v['parent']}/{v['id']}" if v.get("parent") else v["id"]
        kids = children.get(path, [])
        sections[path] = Section(
            id=v["id"],
            path=path,
            title=v["title"],
            summary=v["summary"],
            order=v["order"],
            parent=v.get("parent"),
            children=tuple(f"{path}/{child.values['id']}" for child in kids),
        )
        stack.append(list(reversed(kids)))
    return sections


def _shared(text: str | None) -> str | None:
    """One string object for a value many facts repeat (a section path, a source id, a unit).

    Less memory, and the cache stores each such string once rather than once per fact.
    """
    return None if text is None else sys.intern(text)


def build_fact(v: dict[str, Any]) -> Fact:
    quote = v.get("quote")
    return _new_fact(
        {
            "id": v["id"],
            "section": sys.intern(v["section"]),
            "kind": _KINDS[v["kind"]],
            "text": v["text"],
            "source": _shared(v.get("source")),
            "value": v.get("value"),
            "unit": _shared(v.get("unit")),
            "qualifier": _QUALIFIERS[v["qualifier"]] if "qualifier" in v else None,
            "year": v.get("year"),
            "since": v.get("since"),
            "quote": Quote(quote["original"], quote["translation"], quote["speaker"])
            if quote
            else None,
            "derivation": v.get("derivation"),
            "series": _shared(v.get("series")),
            "note": v.get("note"),
            "timing": v.get("timing", "by"),
            "evidence": v.get("evidence"),
            "inputs": v.get("inputs", ()),
            "entity": _shared(v.get("entity")),
            "attribute": _shared(v.get("attribute")),
        }
    )


_FACT_FIELDS = frozenset(field.name for field in dataclasses.fields(Fact))
# A frozen dataclass's __init__ sets each field through object.__setattr__: a fifth of a cold
# load at 100,000 facts. A Fact has no slots and no __post_init__, so its __dict__ can be given
# whole; should the model ever gain either, the constructor is used again.
_FACT_BY_DICT = not hasattr(Fact, "__slots__") and not hasattr(Fact, "__post_init__")


def _new_fact(values: dict[str, Any]) -> Fact:
    """`Fact(**values)`, made faster where that is the same thing (every field given)."""
    if not _FACT_BY_DICT or values.keys() != _FACT_FIELDS:
        return Fact(**values)
    fact = object.__new__(Fact)
    object.__setattr__(fact, "__dict__", values)
    return fact


def build_series(v: dict[str, Any]) -> Series:
    points = sorted(
        (
            SeriesPoint(
                year=p["year"],
                value=p["value"],
                source=p["source"],
                qualifier=Qualifier(p.get("qualifier", Qualifier.EXACTLY.value)),
                note=p.get("note"),
            )
            for p in v["points"]
        ),
        key=lambda point: point.year,
    )
    return Series(
        id=v["id"],
        section=v["section"],
        title=v["title"],
        unit=v["unit"],
        basis=Basis(v["basis"]),
        points=tuple(points),
        rule=v.get("rule"),
        note=v.get("note"),
    )


def build_entity(v: dict[str, Any]) -> Entity:
    return Entity(
        id=v["id"],
        kind=_ENTITY_KINDS[v["kind"]],
        name=v["name"],
        section=v["section"],
        summary=v.get("summary"),
        note=v.get("note"),
    )
