"""The CSV export: one row per fact, with a header row; texts in one language.

No Textual or Rich import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from tui.export.select import plain_number, selected_facts
from tui.pack.model import Fact, Lang, Pack
from tui.text.citations import citation_line, inputs_of, is_computed, publisher_name
from tui.text.units import PointKey, format_value
from tui.text.words import t

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
    "entity",
    "attribute",
    "evidence",
    "inputs",
)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = frozenset("=+-@\t\r")


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet cannot run: one that starts a formula gets a leading `'`.

    Numbers are left as numbers, so a negative value stays a negative value. A carriage return
    becomes a newline: the writer quotes a cell with "\\n" but not one with a lone "\\r", which
    would break the row.
    """
    if not isinstance(value, str) or not value:
        return value
    if value[0] in _FORMULA_STARTS:
        value = "'" + value
    if "\r" in value:  # rare: the test skips two copies of almost every cell
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def export_csv(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """One row per fact, with a header row; texts in `lang`, formulas neutralised."""
    return "".join(export_csv_chunks(pack, paths, lang))


# Rows per piece of `export_csv_chunks`: about 0.5 MB, written as the rows are made.
CHUNK_ROWS = 2000


def export_csv_chunks(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> Iterator[str]:
    """`export_csv` in pieces of `CHUNK_ROWS` rows, so a large export is never held whole."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    memo: dict[PointKey, str] = {}  # figures that many facts share are formatted once
    for number, fact in enumerate(selected_facts(pack, paths), start=1):
        writer.writerow([safe_cell(cell) for cell in _row(pack, fact, lang, memo)])
        if number % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _inputs_cell(pack: Pack, fact: Fact, lang: Lang) -> str:
    """ "a (TASS, 22 Oct 2025); b (…)": the facts a computed figure comes from, cited."""
    cells = []
    for fact_id, one in inputs_of(pack, fact):
        source = None if one is None else pack.source_of(one)
        cited = "" if source is None else f" ({citation_line(source, lang)[2:]})"
        cells.append(fact_id + cited)
    return "; ".join(cells)


def _row(pack: Pack, fact: Fact, lang: Lang, memo: dict[PointKey, str]) -> list[object]:
    """One fact's cells, in the order of CSV_COLUMNS."""
    computed = is_computed(fact)
    source = None if computed else pack.source_of(fact)
    quote = fact.quote
    # A computed figure's publisher is moscow-tui; its sources are those of its inputs.
    publisher = "moscow-tui" if computed else publisher_name(source, lang) if source else ""
    title = t("computed", lang) if computed else source.title if source else ""
    return [
        fact.id,
        fact.section,
        fact.kind.value,
        fact.text.get(lang),
        "" if fact.value is None else plain_number(fact.value),
        fact.unit or "" if fact.value is not None else "",
        fact.qualifier.value if fact.qualifier and fact.value is not None else "",
        fact.year if fact.year is not None and fact.value is not None else "",
        fact.since if fact.since is not None else "",
        format_value(fact, lang, memo),
        quote.original if quote else "",
        quote.translation if quote else "",
        quote.speaker.get(lang) if quote else "",
        fact.derivation.get(lang) if fact.derivation else "",
        "" if computed else fact.source or "",
        publisher,
        title,
        source.date.isoformat() if source and source.date else "",
        source.url or "" if source else "",
        source.date_precision if source and source.date else "",
        fact.entity or "",
        fact.attribute or "",
        fact.evidence or "",
        _inputs_cell(pack, fact, lang) if computed else "",
    ]
