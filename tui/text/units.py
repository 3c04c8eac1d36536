"""Values with their units and qualifiers: "> 90 000 jobs by 2030", "≈ 2 млн м²", "× 3,5".

Metric cards, copies and exports all take a fact's figure from here, so it reads the same
everywhere. No Textual or Rich import.
"""

from __future__ import annotations

from tui.pack.model import UNITS, Fact, FactKind, Lang, Qualifier
from tui.text.numbers import NBSP, qualifier_sign, scaled_number, shown_value
from tui.text.words import t


def unit_label(value: float, unit: str, lang: Lang) -> str:
    """The unit's word or symbol for `value`; an unknown code is shown as it is."""
    known = UNITS.get(unit)
    return unit if known is None else known.label(value, lang)


# The arguments of `format_point_value`: equal values (90000 and 90000.0, 0.0 and -0.0)
# make one key and format alike, so a memo keyed by them is exact.
PointKey = tuple[float, str, Qualifier, Lang]


def format_point_value(value: float, unit: str, qualifier: Qualifier, lang: Lang) -> str:
    """A value with its qualifier sign and unit: "> 90 000 jobs", "≈ 2 млн м²", "× 3,5"."""
    sign = qualifier_sign(qualifier)
    number = scaled_number(value, lang)
    # The label agrees with the number as shown: 0.0004 shows "0", so it takes the plural of 0.
    value = shown_value(value)
    if unit == "times":
        body = f"×{NBSP}{number}"
    else:
        label = unit_label(value, unit, lang)
        if label == "%" and lang == "en":
            body = f"{number}%"
        else:
            body = f"{number} {label}" if label else number
    return f"{sign} {body}" if sign else body


def format_range(low: float, high: float, unit: str, lang: Lang) -> str:
    """A span of values with the unit said once: "6 – 2,300 companies", "× 1 – 3.5", "5–12%"."""
    first, last = scaled_number(low, lang), scaled_number(high, lang)
    if unit == "times":
        return f"×{NBSP}{first} – {last}"
    label = unit_label(shown_value(high), unit, lang)
    if label == "%" and lang == "en":
        return f"{first}–{last}%"
    return f"{first} – {last} {label}" if label else f"{first} – {last}"


def format_value(fact: Fact, lang: Lang, memo: dict[PointKey, str] | None = None) -> str:
    """A fact's figure as a card shows it; "" when the fact has no number.

    "> 90 000 jobs by 2030" (the year only for targets: "by" it, or "in" it for a target
    set for that year), "> 3 900 contracts since 2017". An export of many facts passes a
    `memo` it keeps for the run: a figure that many facts share is formatted once.
    """
    if fact.value is None:
        return ""
    key = (fact.value, fact.unit or "", fact.qualifier or Qualifier.EXACTLY, lang)
    text = None if memo is None else memo.get(key)
    if text is None:
        text = format_point_value(*key)
        if memo is not None:
            memo[key] = text
    if fact.since is not None:
        text += f" {t('since', lang)} {fact.since}"
    if fact.kind is FactKind.TARGET and fact.year is not None:
        text += f" {t('timing.' + fact.timing, lang)} {fact.year}"
    return text
