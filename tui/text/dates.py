"""Dates at the precision their page gives them, in Russian and English.

No Textual or Rich import.
"""

from __future__ import annotations

from datetime import date

from tui.pack.model import DatePrecision, Lang, Source
from tui.text.words import t

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


def format_date(d: date | None, lang: Lang, precision: DatePrecision = "day") -> str:
    """A date at the precision its page gives it; "undated" / "без даты" for None.

    Day: "22 Oct 2025" / "22 окт. 2025"; month: "Nov 2024" / "нояб. 2024"; year: "2016".
    """
    if d is None:
        return t("undated", lang)
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{_MONTHS_ALONE[lang][d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"


def source_date(source: Source, lang: Lang) -> str:
    """The source's date at the precision the page gives it."""
    return format_date(source.date, lang, source.date_precision)
