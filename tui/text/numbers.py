"""Numbers as a reader sees them: thousands grouped, the language's decimal mark, a real minus.

No Textual or Rich import: the command line and the exports use this without the UI.
"""

from __future__ import annotations

import math

from tui.pack.model import Lang, Qualifier
from tui.text.words import t

NBSP = "\u00a0"
# Russian groups thousands with a thin no-break space ("90 000"); English with a comma ("90,000").
THIN_NBSP = "\u202f"
MINUS = "\u2212"
# Enough for "3.5 times" and shares like "12.75 %"; trailing zeros are dropped.
MAX_DECIMALS = 3

_QUALIFIER_SIGNS: dict[Qualifier, str] = {
    Qualifier.OVER: ">",
    Qualifier.ABOUT: "≈",
    Qualifier.EXACTLY: "",
    Qualifier.UP_TO: "≤",
}

# Large round figures read as the source wrote them: "2 млн м²", not "2 000 000 м²".
_SCALES: tuple[tuple[float, str], ...] = ((1e9, "scale.billion"), (1e6, "scale.million"))


def format_number(value: float, lang: Lang) -> str:
    """A number grouped and marked as the language writes it, never broken across lines.

    90000 → "90 000" (ru, a thin no-break space) or "90,000" (en); 3.5 → "3,5" (ru) or "3.5"
    (en). Non-finite values (which the loader rejects) come out as "—" rather than raising.
    """
    if not math.isfinite(value):
        return "—"
    shown = shown_value(value)
    whole_number = int(shown)
    if whole_number != shown:
        return _format_fraction(shown, lang)
    # Most figures are whole: grouping the int skips the decimals and their stripping,
    # which an export of 100,000 facts does 200,000 times.
    text = f"{abs(whole_number):,}"
    if lang == "ru":
        text = text.replace(",", THIN_NBSP)
    return MINUS + text if whole_number < 0 else text


def shown_value(value: float) -> float:
    """`value` as a reader sees it, rounded to `MAX_DECIMALS` (a whole number is left as it is,
    which is cheaper than rounding it); non-finite values pass through."""
    if not math.isfinite(value) or value == int(value):
        return value
    return round(value, MAX_DECIMALS)


def _format_fraction(rounded: float, lang: Lang) -> str:
    """`format_number` for any finite value already rounded to `MAX_DECIMALS`."""
    sign = MINUS if rounded < 0 else ""
    text = f"{abs(rounded):,.{MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    if lang == "ru":
        whole = whole.replace(",", THIN_NBSP)
    if fraction:
        whole += ("," if lang == "ru" else ".") + fraction
    return sign + whole


def scaled_number(value: float, lang: Lang) -> str:
    """`format_number`, but round millions and billions as "2 млн" / "2 million"."""
    magnitude = abs(value)
    if magnitude >= _SCALES[-1][0] and math.isfinite(magnitude):
        for scale, word in _SCALES:
            if magnitude >= scale:
                scaled = value / scale
                # Only where the short form loses nothing: 2 000 000 or 1 500 000, not 1 234 567.
                if round(scaled, 2) == scaled:
                    return f"{format_number(scaled, lang)}{NBSP}{t(word, lang)}"
                break
    return format_number(value, lang)


def qualifier_sign(q: Qualifier) -> str:
    """The sign a card shows before a number: over ">", about "≈", exactly "", up-to "≤"."""
    return _QUALIFIER_SIGNS[q]
