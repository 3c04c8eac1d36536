"""Numbers, values, dates and citations as a reader sees them, in Russian and English.

Metric cards, copies and exports all take their strings from here, so the same fact reads the
same everywhere. No Textual or Rich import: the command line uses this without the UI.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from tui.pack.model import (
    UNITS,
    Basis,
    DatePrecision,
    Fact,
    FactKind,
    Lang,
    Localized,
    Pack,
    Qualifier,
    Series,
    Source,
)

NBSP = "\u00a0"
MINUS = "\u2212"
# Enough for "3.5 times" and shares like "12.75 %"; trailing zeros are dropped.
_MAX_DECIMALS = 3

KIND_LABELS: dict[FactKind, Localized] = {
    FactKind.REPORTED: Localized(ru="данные", en="reported"),
    FactKind.TARGET: Localized(ru="цель", en="target"),
    FactKind.QUOTE: Localized(ru="цитата", en="quote"),
    FactKind.DESCRIPTION: Localized(ru="описание", en="description"),
    FactKind.DERIVED: Localized(ru="расчёт", en="derived"),
}

QUALIFIER_LABELS: dict[Qualifier, Localized] = {
    Qualifier.OVER: Localized(ru="более", en="over"),
    Qualifier.ABOUT: Localized(ru="около", en="about"),
    Qualifier.EXACTLY: Localized(ru="ровно", en="exactly"),
    Qualifier.UP_TO: Localized(ru="до", en="up to"),
}

BASIS_LABELS: dict[Basis, Localized] = {
    Basis.HISTORY: Localized(ru="история датированных сообщений", en="history of dated statements"),
    Basis.TARGET: Localized(ru="целевая траектория", en="target path"),
    Basis.DERIVED: Localized(ru="расчёт", en="derived"),
}

_QUALIFIER_SIGNS: dict[Qualifier, str] = {
    Qualifier.OVER: ">",
    Qualifier.ABOUT: "≈",
    Qualifier.EXACTLY: "",
    Qualifier.UP_TO: "≤",
}

_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    # Russian abbreviations in the genitive, as written after a day: "22 окт. 2025".
    "ru": (
        "янв.",
        "февр.",
        "марта",
        "апр.",
        "мая",
        "июня",
        "июля",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ),
}
# A month without a day takes the nominative in Russian: "нояб. 2024", "май 2024".
_MONTHS_ALONE: dict[Lang, tuple[str, ...]] = {
    "en": _MONTHS["en"],
    "ru": (
        "янв.",
        "февр.",
        "март",
        "апр.",
        "май",
        "июнь",
        "июль",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ),
}

# Large round figures read as the source wrote them: "2 млн м²", not "2 000 000 м²".
_SCALES: tuple[tuple[float, Localized], ...] = (
    (1e9, Localized(ru="млрд", en="billion")),
    (1e6, Localized(ru="млн", en="million")),
)

_WORDS: dict[str, Localized] = {
    "by": Localized(ru="к", en="by"),
    "in": Localized(ru="в", en="in"),
    "since": Localized(ru="с", en="since"),
    "undated": Localized(ru="без даты", en="undated"),
    "translation": Localized(ru="Перевод", en="Translation"),
    "speaker": Localized(ru="Автор", en="Speaker"),
    "derivation": Localized(ru="Как получено", en="How it was derived"),
    "note": Localized(ru="Примечание", en="Note"),
    "sources": Localized(ru="Источники", en="Sources"),
    "series": Localized(ru="Ряды", en="Series"),
    "rule": Localized(ru="правило", en="rule"),
}


def _word(key: str, lang: Lang) -> str:
    return _WORDS[key].get(lang)


def format_number(value: float, lang: Lang) -> str:
    """A number with a no-break space between thousands and the language's decimal mark.

    90000 → "90 000"; 3.5 → "3,5" (ru) or "3.5" (en). Non-finite values (which the loader
    rejects) come out as "—" rather than raising.
    """
    if not math.isfinite(value):
        return "—"
    rounded = round(value, _MAX_DECIMALS)
    sign = MINUS if rounded < 0 else ""
    text = f"{abs(rounded):,.{_MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", NBSP)
    if fraction:
        whole += ("," if lang == "ru" else ".") + fraction
    if whole == "0":
        sign = ""
    return sign + whole


def _scaled_number(value: float, lang: Lang) -> str:
    """`format_number`, but round millions and billions as "2 млн" / "2 million"."""
    for scale, word in _SCALES:
        if abs(value) >= scale and math.isfinite(value):
            scaled = value / scale
            # Only where the short form loses nothing: 2 000 000 or 1 500 000, not 1 234 567.
            if round(scaled, 2) == scaled:
                return f"{format_number(scaled, lang)}{NBSP}{word.get(lang)}"
            break
    return format_number(value, lang)


def qualifier_sign(q: Qualifier) -> str:
    """The sign a card shows before a number: over ">", about "≈", exactly "", up-to "≤"."""
    return _QUALIFIER_SIGNS[q]


def unit_label(value: float, unit: str, lang: Lang) -> str:
    """The unit's word or symbol for `value`; an unknown code is shown as it is."""
    known = UNITS.get(unit)
    return unit if known is None else known.label(value, lang)


def format_point_value(value: float, unit: str, qualifier: Qualifier, lang: Lang) -> str:
    """A value with its qualifier sign and unit: "> 90 000 jobs", "≈ 2 млн м²", "× 3,5"."""
    sign = qualifier_sign(qualifier)
    number = _scaled_number(value, lang)
    # The label agrees with the number as shown: 0.0004 shows "0", so it takes the plural of 0.
    value = round(value, _MAX_DECIMALS) if math.isfinite(value) else value
    if unit == "times":
        body = f"× {number}"
    else:
        label = unit_label(value, unit, lang)
        if label == "%" and lang == "en":
            body = f"{number}%"
        else:
            body = f"{number} {label}" if label else number
    return f"{sign} {body}" if sign else body


def format_value(fact: Fact, lang: Lang) -> str:
    """A fact's figure as a card shows it; "" when the fact has no number.

    "> 90 000 jobs by 2030" (the year only for targets: "by" it, or "in" it for a target
    set for that year), "> 3 900 contracts since 2017".
    """
    if fact.value is None:
        return ""
    text = format_point_value(
        fact.value, fact.unit or "", fact.qualifier or Qualifier.EXACTLY, lang
    )
    if fact.since is not None:
        text += f" {_word('since', lang)} {fact.since}"
    if fact.kind is FactKind.TARGET and fact.year is not None:
        text += f" {_word(fact.timing, lang)} {fact.year}"
    return text


def format_date(d: date | None, lang: Lang, precision: DatePrecision = "day") -> str:
    """A date at the precision its page gives it; "undated" / "без даты" for None.

    Day: "22 Oct 2025" / "22 окт. 2025"; month: "Nov 2024" / "нояб. 2024"; year: "2016".
    """
    if d is None:
        return _word("undated", lang)
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{_MONTHS_ALONE[lang][d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"


def source_date(source: Source, lang: Lang) -> str:
    """The source's date at the precision the page gives it."""
    return format_date(source.date, lang, source.date_precision)


def citation_line(source: Source, lang: Lang) -> str:
    """ "— TASS, 22 Oct 2025": publisher and date, without the URL."""
    return f"— {source.publisher}, {source_date(source, lang)}"


def fact_clipboard_text(pack: Pack, fact: Fact, lang: Lang) -> str:
    """A fact as plain text to paste elsewhere, ending with its citation and URL."""
    lines = [fact.text.get(lang)]
    if fact.quote is not None:
        lines.append(f"«{fact.quote.original}»")
        lines.append(f"{_word('translation', lang)}: “{fact.quote.translation}”")
        lines.append(f"{_word('speaker', lang)}: {fact.quote.speaker.get(lang)}")
    if fact.is_numeric:
        lines.append(format_value(fact, lang))
    if fact.derivation is not None:
        lines.append(f"{_word('derivation', lang)}: {fact.derivation.get(lang)}")
    if fact.note is not None:
        lines.append(f"{_word('note', lang)}: {fact.note.get(lang)}")
    source = pack.source_of(fact)
    if source is not None:
        lines.append(citation_line(source, lang))
        if source.url:
            lines.append(source.url)
    return "\n".join(lines) + "\n"


# --- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = set("\\`*_[]<>|")


def md_escape(text: str) -> str:
    """Escape what would turn content text into Markdown markup (links, emphasis, HTML)."""
    escaped = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    # Several lines inside a list item: keep them in the item.
    return escaped.replace("\n", "  \n  ")


def _md_value(text: str) -> str:
    # The value's ">" and "≈" are plain inside bold; only emphasis characters need escaping.
    return "".join("\\" + ch if ch in "\\`*_[]<|" else ch for ch in text)


class _SourceList:
    """Sources numbered in the order they are first cited."""

    def __init__(self, pack: Pack) -> None:
        self._pack = pack
        self.order: list[str] = []

    def ref(self, source_id: str) -> str:
        if source_id not in self.order:
            self.order.append(source_id)
        return f"[{self.order.index(source_id) + 1}]"

    def refs(self, source_ids: Iterable[str]) -> str:
        numbers = [self.ref(source_id)[1:-1] for source_id in dict.fromkeys(source_ids)]
        return f"[{', '.join(numbers)}]"

    def markdown(self, lang: Lang) -> list[str]:
        lines: list[str] = []
        for number, source_id in enumerate(self.order, start=1):
            source = self._pack.sources.get(source_id)
            if source is None:
                lines.append(f"{number}. {md_escape(source_id)}")
                continue
            entry = (
                f"{number}. {md_escape(source.publisher)}, “{md_escape(source.title)}”, "
                f"{source_date(source, lang)}"
            )
            if source.url:
                url = source.url
                safe = not any(ch.isspace() or ch in "<>" for ch in url)
                entry += f". <{url}>" if safe else f". {md_escape(url)}"
            lines.append(entry)
        return lines


def _fact_markdown(fact: Fact, lang: Lang, sources: _SourceList) -> list[str]:
    tags = [KIND_LABELS[fact.kind].get(lang)]
    if fact.is_numeric and fact.qualifier is not None:
        tags.append(QUALIFIER_LABELS[fact.qualifier].get(lang))
    if fact.is_numeric and fact.year is not None and fact.kind is not FactKind.TARGET:
        tags.append(str(fact.year))
    head = "- "
    if fact.is_numeric:
        head += f"**{_md_value(format_value(fact, lang))}** — "
    ref = sources.ref(fact.source) if fact.source else ""
    lines = [f"{head}{md_escape(fact.text.get(lang))} _({', '.join(tags)})_ {ref}"]
    if fact.quote is not None:
        lines.append(f"  > «{md_escape(fact.quote.original)}»")
        lines.append("  >")
        lines.append(
            f"  > “{md_escape(fact.quote.translation)}” — {md_escape(fact.quote.speaker.get(lang))}"
        )
    if fact.derivation is not None:
        lines.append(f"  {_word('derivation', lang)}: {md_escape(fact.derivation.get(lang))}")
    if fact.note is not None:
        lines.append(f"  {_word('note', lang)}: {md_escape(fact.note.get(lang))}")
    return lines


def _series_markdown(series: Series, lang: Lang, sources: _SourceList) -> list[str]:
    points = " · ".join(
        f"{point.year}: "
        + _md_value(format_point_value(point.value, series.unit, point.qualifier, lang))
        for point in series.points
    )
    line = (
        f"- **{md_escape(series.title.get(lang))}** "
        f"_({BASIS_LABELS[series.basis].get(lang)})_: {points} "
        f"{sources.refs(point.source for point in series.points)}"
    )
    lines = [line]
    if series.rule is not None:
        lines.append(f"  {_word('rule', lang).capitalize()}: {md_escape(series.rule.get(lang))}")
    if series.note is not None:
        lines.append(f"  {_word('note', lang)}: {md_escape(series.note.get(lang))}")
    missing = series.missing_years()
    if missing and len(missing) <= 20:
        gap = Localized(ru="нет данных за", en="no data for")
        lines.append(f"  {gap.get(lang).capitalize()}: {', '.join(map(str, missing))}")
    return lines


def _section_lines(
    pack: Pack, path: str, lang: Lang, level: int, sources: _SourceList
) -> list[str]:
    section = pack.sections[path]
    lines = [f"{'#' * min(level, 6)} {md_escape(section.title.get(lang))}", ""]
    summary = section.summary.get(lang).strip()
    if summary:
        lines += [md_escape(summary), ""]
    facts = pack.facts_in(path)
    if facts:
        for fact in facts:
            lines += _fact_markdown(fact, lang, sources)
        lines.append("")
    series = pack.series_in(path)
    if series:
        lines += [f"{_word('series', lang)}:", ""]
        for one in series:
            lines += _series_markdown(one, lang, sources)
        lines.append("")
    for child in section.children:
        if child in pack.sections:
            lines += _section_lines(pack, child, lang, level + 1, sources)
    return lines


def pack_markdown(pack: Pack, paths: Iterable[str] | None, lang: Lang) -> str:
    """Several sections (each with its subsections) under the pack's title, sources at the end.

    `paths` None means every root section; a path inside another given path is not repeated.
    """
    chosen = [s.path for s in pack.roots] if paths is None else list(dict.fromkeys(paths))
    tops = [p for p in chosen if not any(p.startswith(o + "/") for o in chosen if o != p)]
    sources = _SourceList(pack)
    lines = [f"# {md_escape(pack.title.get(lang))}", ""]
    for path in tops:
        lines += _section_lines(pack, path, lang, 2, sources)
    return _finish(lines, sources, lang, level=2)


def section_markdown(pack: Pack, path: str, lang: Lang) -> str:
    """A section and its subsections as Markdown, with a numbered list of its sources."""
    sources = _SourceList(pack)
    lines = _section_lines(pack, path, lang, 1, sources)
    return _finish(lines, sources, lang, level=2)


def _finish(lines: list[str], sources: _SourceList, lang: Lang, level: int) -> str:
    if sources.order:
        lines += [f"{'#' * level} {_word('sources', lang)}", ""]
        lines += sources.markdown(lang)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
