"""A series as text to paste: every point with its own citation, or a Markdown table.

The chart's `c` copies `series_text` and its `C` copies `series_markdown_table`, whose numbered
sources match the table's rows one to one (row k cites [k]), so a reader can tell which page
gave which year's figure even when one page gave several. No Textual or Rich import.
"""

from __future__ import annotations

from tui.export.markdown import md_escape
from tui.pack.model import Lang, Pack, Series, SeriesPoint
from tui.text.citations import citation_line
from tui.text.dates import source_date
from tui.text.units import format_point_value, unit_label
from tui.text.words import BASIS_LABELS, qualifier_words, t


def unit_name(series: Series, lang: Lang) -> str:
    """The series' unit named on its own: "technoparks" / «технопарк», "m²", "%"."""
    return unit_label(2 if lang == "en" else 1, series.unit, lang)


def point_value(series: Series, point: SeriesPoint, lang: Lang) -> str:
    """ "> 23 000 specialists", as a card shows it."""
    return format_point_value(point.value, series.unit, point.qualifier, lang)


def point_citation(pack: Pack, point: SeriesPoint, lang: Lang) -> str:
    """ "— TASS, 22 Oct 2025, https://…" (the URL when the page has one)."""
    source = pack.sources.get(point.source)
    if source is None:
        return f"— {point.source}"
    line = citation_line(source, lang)
    return f"{line}, {source.url}" if source.url else line


def _missing_line(series: Series, lang: Lang) -> str | None:
    missing = series.missing_years()
    if not missing:
        return None
    return f"{t('series.missing', lang)}: {', '.join(map(str, missing))}"


def series_text(pack: Pack, series: Series, lang: Lang) -> str:
    """The series as plain text: its title and basis, then a line per point with its source."""
    unit = unit_name(series, lang)
    lines = [
        series.title.get(lang),
        f"{t('series.basis', lang)}: {BASIS_LABELS[series.basis].get(lang)}; "
        f"{t('series.unit', lang)}: {unit}",
    ]
    if series.rule is not None:
        lines.append(f"{t('detail.rule', lang)}: {series.rule.get(lang)}")
    if series.note is not None:
        lines.append(f"{t('detail.note', lang)}: {series.note.get(lang)}")
    lines.append("")
    for point in series.points:
        words = qualifier_words(point.qualifier, lang)
        lines.append(
            f"{point.year}: {point_value(series, point, lang)} ({words}) "
            f"{point_citation(pack, point, lang)}"
        )
        if point.note is not None:
            lines.append(f"  {t('detail.note', lang)}: {point.note.get(lang)}")
    missing = _missing_line(series, lang)
    if missing:
        lines += ["", missing]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Table cell text: Markdown escaped, and no line break to split the row.

    ">" only means something at the start of a line, which a cell never is.
    """
    escaped = "".join("\\" + ch if ch in "\\`*_[]<|" else ch for ch in text)
    return " ".join(escaped.split("\n"))


def series_markdown_table(pack: Pack, series: Series, lang: Lang) -> str:
    """The series as a Markdown table, row k citing source [k] of the list below it."""
    heads = ["detail.year", "detail.value", "chart.qualifier", "detail.source", "detail.note"]
    lines = [f"### {md_escape(series.title.get(lang))}", ""]
    lines.append(f"_{BASIS_LABELS[series.basis].get(lang)}_")
    if series.rule is not None:
        lines.append(f"{t('detail.rule', lang)}: {md_escape(series.rule.get(lang))}")
    if series.note is not None:
        lines.append(f"{t('detail.note', lang)}: {md_escape(series.note.get(lang))}")
    lines += ["", "| " + " | ".join(t(head, lang) for head in heads) + " |"]
    lines.append("|" + "---|" * len(heads))
    for number, point in enumerate(series.points, start=1):
        note = point.note.get(lang) if point.note is not None else ""
        cells = [
            str(point.year),
            _cell(point_value(series, point, lang)),
            _cell(qualifier_words(point.qualifier, lang)),
            f"[{number}]",
            _cell(note),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    missing = _missing_line(series, lang)
    if missing:
        lines += ["", missing]
    lines += ["", f"{t('series.sources', lang)}:", ""]
    for number, point in enumerate(series.points, start=1):
        lines.append(f"{number}. {_source_entry(pack, point, lang)}")
    return "\n".join(lines) + "\n"


def _source_entry(pack: Pack, point: SeriesPoint, lang: Lang) -> str:
    source = pack.sources.get(point.source)
    if source is None:
        return f"({point.year}) {md_escape(point.source)}"
    entry = (
        f"({point.year}) {md_escape(source.publisher)}, {md_escape(source.title)}, "
        f"{source_date(source, lang)}"
    )
    url = source.url
    if url:
        safe = not any(ch.isspace() or ch in "<>" for ch in url)
        entry += f". <{url}>" if safe else f". {md_escape(url)}"
    return entry
