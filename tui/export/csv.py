"""The CSV export: one row per fact, with a header row; texts in one language.

No Textual or Rich import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tui.export.select import plain_number, selected_facts
from tui.pack.model import Lang, Pack
from tui.text.units import format_value

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


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet cannot run: one that starts a formula gets a leading `'`.

    Numbers are left as numbers, so a negative value stays a negative value. A carriage return
    becomes a newline: the writer quotes a cell with "\\n" but not one with a lone "\\r", which
    would break the row.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def export_csv(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """One row per fact, with a header row; texts in `lang`, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in selected_facts(pack, paths):
        source = pack.source_of(fact)
        quote = fact.quote
        row: list[object] = [
            fact.id,
            fact.section,
            fact.kind.value,
            fact.text.get(lang),
            "" if fact.value is None else plain_number(fact.value),
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
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
