"""The JSON export: sections, facts and series with both languages of every text.

No Textual or Rich import.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from tui.export.select import (
    localized_json,
    plain_number,
    selected_facts,
    selected_paths,
    selected_series,
)
from tui.pack.model import Entity, Fact, FactKind, Lang, Pack, Series, Source
from tui.text.citations import is_computed
from tui.text.units import PointKey, format_value

Json = dict[str, object]


# The last export's sources as JSON: most facts cite a few sources, so each is built once.
_source_cache: tuple[Pack, dict[str, Json]] | None = None


def _source_json(pack: Pack, source_id: str) -> Json:
    """A source as JSON, built once per pack and source (the dict is shared, never changed)."""
    global _source_cache
    if _source_cache is None or _source_cache[0] is not pack:
        _source_cache = (pack, {})
    cached = _source_cache[1].get(source_id)
    if cached is None:
        cached = _source_cache[1][source_id] = _build_source_json(pack, source_id)
    return cached


def _build_source_json(pack: Pack, source_id: str) -> Json:
    source: Source | None = pack.sources.get(source_id)
    if source is None:
        return {"id": source_id}
    data: Json = {
        "id": source.id,
        "publisher": source.publisher,
        "title": source.title,
        "date": source.date.isoformat() if source.date else None,
        "url": source.url,
    }
    # A month or year date is stored as its first day; say so, or it reads as that exact day.
    if source.date is not None and source.date_precision != "day":
        data["date_precision"] = source.date_precision
    return data


def _fact_json(pack: Pack, fact: Fact, memo: dict[PointKey, str]) -> Json:
    data: Json = {
        "id": fact.id,
        "section": fact.section,
        "kind": fact.kind.value,
        "text": localized_json(fact.text),
    }
    if fact.value is not None:
        data["value"] = plain_number(fact.value)
        data["unit"] = fact.unit
        data["qualifier"] = fact.qualifier.value if fact.qualifier else None
        data["year"] = fact.year
        if fact.since is not None:
            data["since"] = fact.since
        if fact.kind is FactKind.TARGET:
            data["timing"] = fact.timing
        data["display"] = {
            "ru": format_value(fact, "ru", memo),
            "en": format_value(fact, "en", memo),
        }
    if fact.quote is not None:
        data["quote"] = {
            "original": fact.quote.original,
            "translation": fact.quote.translation,
            "speaker": localized_json(fact.quote.speaker),
        }
    if fact.derivation is not None:
        data["derivation"] = localized_json(fact.derivation)
    if fact.series is not None:
        data["series"] = fact.series
    if fact.note is not None:
        data["note"] = localized_json(fact.note)
    if fact.evidence is not None:
        data["evidence"] = fact.evidence
    if fact.entity is not None:
        data["entity"] = fact.entity
        if fact.attribute is not None:
            data["attribute"] = fact.attribute
    if is_computed(fact):
        # Ours, not a publisher's: no source, and the facts it is computed from instead.
        data["computed_by"] = "moscow-tui"
        data["inputs"] = list(fact.inputs)
        data["source"] = None
    else:
        data["source"] = None if fact.source is None else _source_json(pack, fact.source)
    return data


def _entity_json(entity: Entity) -> Json:
    data: Json = {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": localized_json(entity.name),
        "section": entity.section,
    }
    if entity.summary is not None:
        data["summary"] = localized_json(entity.summary)
    if entity.note is not None:
        data["note"] = localized_json(entity.note)
    return data


def _series_json(pack: Pack, series: Series) -> Json:
    data: Json = {
        "id": series.id,
        "section": series.section,
        "title": localized_json(series.title),
        "unit": series.unit,
        "basis": series.basis.value,
    }
    if series.rule is not None:
        data["rule"] = localized_json(series.rule)
    if series.note is not None:
        data["note"] = localized_json(series.note)
    points: list[Json] = []
    for point in series.points:
        entry: Json = {
            "year": point.year,
            "value": plain_number(point.value),
            "qualifier": point.qualifier.value,
            "source": _source_json(pack, point.source),
        }
        if point.note is not None:
            entry["note"] = localized_json(point.note)
        points.append(entry)
    data["points"] = points
    data["missing_years"] = series.missing_years()
    return data


def export_json(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """The selected sections, facts and series as JSON; texts carry both languages.

    `lang` is accepted for a uniform signature: JSON always holds ru and en.
    """
    return "".join(export_json_chunks(pack, paths, lang))


def export_json_chunks(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> Iterator[str]:
    """`export_json` in pieces of about `CHUNK_LINES` lines, each entry built as it is written.

    The command line writes the pieces as they come: a 100,000-fact export never holds the
    whole document, nor a dict for every fact, at once.
    """
    del lang
    return readable_json_chunks(json_document(pack, paths))


def json_document(pack: Pack, paths: Sequence[str] | None) -> Json:
    """The export as a JSON object whose entities, facts and series are iterators, built as
    they are read (`readable_json_chunks` writes them one a line)."""
    sections = selected_paths(pack, paths)
    memo: dict[PointKey, str] = {}  # the figures formatted so far, for the facts that repeat one
    return {
        "title": localized_json(pack.title),
        "primary_source": _source_json(pack, pack.primary_source),
        "sections": [
            {
                "path": path,
                "parent": pack.sections[path].parent,
                "title": localized_json(pack.sections[path].title),
                "summary": localized_json(pack.sections[path].summary),
            }
            for path in sections
        ],
        "entities": (
            _entity_json(entity) for path in sections for entity in pack.entities_in(path)
        ),
        "facts": (_fact_json(pack, fact, memo) for fact in selected_facts(pack, paths)),
        "series": (_series_json(pack, series) for series in selected_series(pack, paths)),
    }


# One encoder for every entry: with no indent, `json` encodes in C. The entries are trees
# built here, so the check for circular references would only cost time.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)

# About 1 MB of JSON per piece: few enough writes to cost nothing, small enough to stream.
CHUNK_LINES = 2000


def readable_json(data: Json) -> str:
    """`data` as JSON with one top-level key a line and one list entry (a fact) a line."""
    return "".join(readable_json_chunks(data))


def readable_json_chunks(data: Json, chunk_lines: int = CHUNK_LINES) -> Iterator[str]:
    """`readable_json` in pieces; a list or an iterator value is written one entry a line.

    As readable as `indent=2` for a pack (each fact, section and series is one line to read or
    grep), but encoded by the C encoder: `indent` makes `json` fall back to pure Python, which
    took 4.9 s for 100,000 facts.
    """
    encode = _ENCODER.encode
    parts = ["{\n"]
    last = len(data) - 1
    for number, (key, value) in enumerate(data.items()):
        comma = "," if number < last else ""
        name = encode(key)
        if not isinstance(value, (list, Iterator)):
            parts.append(f"  {name}: {encode(value)}{comma}\n")
            continue
        entries = iter(value)
        first = next(entries, _END)
        if first is _END:  # an empty list stays on its key's line, as `indent=2` writes it
            parts.append(f"  {name}: []{comma}\n")
            continue
        parts.append(f"  {name}: [\n    {encode(first)}")
        for entry in entries:
            parts.append(f",\n    {encode(entry)}")
            if len(parts) >= chunk_lines:
                yield "".join(parts)
                parts.clear()
        parts.append(f"\n  ]{comma}\n")
    parts.append("}\n")
    yield "".join(parts)


# Marks the end of an iterator where None would be a real entry.
_END = object()
