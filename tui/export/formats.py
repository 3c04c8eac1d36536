"""Exports of a pack (or part of it) as JSON, Markdown or CSV text.

`paths` is the list of section paths to include (None: all); `subtree` turns one path given on
the command line into that list. No Textual or Rich import.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from tui.pack.model import Fact, FactKind, Lang, Localized, Pack, Series, Source
from tui.text.format import format_value, pack_markdown

Json = dict[str, object]


def subtree(pack: Pack, path: str) -> list[str]:
    """`path` and every section below it, in display order; [] when the path is unknown."""
    if path not in pack.sections:
        return []
    return [p for p in pack.sections if p == path or p.startswith(path + "/")]


def _selected(pack: Pack, paths: Sequence[str] | None) -> list[str]:
    if paths is None:
        return list(pack.sections)
    wanted = set(paths)
    return [path for path in pack.sections if path in wanted]


def _facts(pack: Pack, paths: Sequence[str] | None) -> list[Fact]:
    chosen = set(_selected(pack, paths))
    return [fact for fact in pack.facts if fact.section in chosen]


def _series(pack: Pack, paths: Sequence[str] | None) -> list[Series]:
    chosen = set(_selected(pack, paths))
    return [series for series in pack.series.values() if series.section in chosen]


def _number(value: float) -> float | int:
    """90000.0 → 90000, so JSON reads as the content was written."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _localized(text: Localized | None) -> dict[str, str] | None:
    return None if text is None else {"ru": text.ru, "en": text.en}


def _source_json(pack: Pack, source_id: str) -> Json:
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


def _fact_json(pack: Pack, fact: Fact) -> Json:
    data: Json = {
        "id": fact.id,
        "section": fact.section,
        "kind": fact.kind.value,
        "text": _localized(fact.text),
    }
    if fact.value is not None:
        data["value"] = _number(fact.value)
        data["unit"] = fact.unit
        data["qualifier"] = fact.qualifier.value if fact.qualifier else None
        data["year"] = fact.year
        if fact.since is not None:
            data["since"] = fact.since
        if fact.kind is FactKind.TARGET:
            data["timing"] = fact.timing
        data["display"] = {"ru": format_value(fact, "ru"), "en": format_value(fact, "en")}
    if fact.quote is not None:
        data["quote"] = {
            "original": fact.quote.original,
            "translation": fact.quote.translation,
            "speaker": _localized(fact.quote.speaker),
        }
    if fact.derivation is not None:
        data["derivation"] = _localized(fact.derivation)
    if fact.series is not None:
        data["series"] = fact.series
    if fact.note is not None:
        data["note"] = _localized(fact.note)
    data["source"] = None if fact.source is None else _source_json(pack, fact.source)
    return data


def _series_json(pack: Pack, series: Series) -> Json:
    data: Json = {
        "id": series.id,
        "section": series.section,
        "title": _localized(series.title),
        "unit": series.unit,
        "basis": series.basis.value,
    }
    if series.rule is not None:
        data["rule"] = _localized(series.rule)
    if series.note is not None:
        data["note"] = _localized(series.note)
    points: list[Json] = []
    for point in series.points:
        entry: Json = {
            "year": point.year,
            "value": _number(point.value),
            "qualifier": point.qualifier.value,
            "source": _source_json(pack, point.source),
        }
        if point.note is not None:
            entry["note"] = _localized(point.note)
        points.append(entry)
    data["points"] = points
    data["missing_years"] = series.missing_years()
    return data


def export_json(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """The selected sections, facts and series as JSON; texts carry both languages.

    `lang` is accepted for a uniform signature: JSON always holds ru and en.
    """
    del lang
    sections = _selected(pack, paths)
    data: Json = {
        "title": _localized(pack.title),
        "primary_source": _source_json(pack, pack.primary_source),
        "sections": [
            {
                "path": path,
                "parent": pack.sections[path].parent,
                "title": _localized(pack.sections[path].title),
                "summary": _localized(pack.sections[path].summary),
            }
            for path in sections
        ],
        "facts": [_fact_json(pack, fact) for fact in _facts(pack, paths)],
        "series": [_series_json(pack, series) for series in _series(pack, paths)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_markdown(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """The selected sections as Markdown in `lang`, citing their sources at the end."""
    selected = _selected(pack, paths)
    return pack_markdown(pack, None if paths is None else selected, lang)


CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "section",
    "kind",
    "text",
    "value",
    "unit",
    "qualifier",
    "year",
    "since",
    "display",
    "quote_original",
    "quote_translation",
    "speaker",
    "derivation",
    "source_id",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
    "source_date_precision",
)


def export_csv(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """One row per fact, with a header row; texts in `lang`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in _facts(pack, paths):
        source = pack.source_of(fact)
        quote = fact.quote
        row: list[object] = [
            fact.id,
            fact.section,
            fact.kind.value,
            fact.text.get(lang),
            "" if fact.value is None else _number(fact.value),
            fact.unit or "" if fact.value is not None else "",
            fact.qualifier.value if fact.qualifier and fact.value is not None else "",
            fact.year if fact.year is not None and fact.value is not None else "",
            fact.since if fact.since is not None else "",
            format_value(fact, lang),
            quote.original if quote else "",
            quote.translation if quote else "",
            quote.speaker.get(lang) if quote else "",
            fact.derivation.get(lang) if fact.derivation else "",
            fact.source,
            source.publisher if source else "",
            source.title if source else "",
            source.date.isoformat() if source and source.date else "",
            source.url or "" if source else "",
            source.date_precision if source and source.date else "",
        ]
        writer.writerow(row)
    return buffer.getvalue()
