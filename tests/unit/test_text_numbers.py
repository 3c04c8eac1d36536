"""Numbers, ranges, publishers and quotation marks as each language writes them."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from test_format import TASS

from tui.text.citations import citation_line, publisher_name
from tui.text.numbers import NBSP, THIN_NBSP, format_number
from tui.text.units import format_range
from tui.text.words import quoted


def test_english_groups_with_commas_and_russian_with_a_thin_no_break_space() -> None:
    assert format_number(90000, "en") == "90,000"
    assert format_number(90000, "ru") == f"90{THIN_NBSP}000"
    assert format_number(1234567.25, "en") == "1,234,567.25"
    assert format_number(1234567.25, "ru") == f"1{THIN_NBSP}234{THIN_NBSP}567,25"


def test_ranges_say_the_unit_once() -> None:
    assert format_range(1, 3.5, "times", "en") == f"×{NBSP}1 – 3.5"
    assert format_range(1, 3.5, "times", "ru") == f"×{NBSP}1 – 3,5"
    assert format_range(6, 2300, "companies", "en") == "6 – 2,300 companies"
    assert format_range(6, 2300, "companies", "ru") == f"6 – 2{THIN_NBSP}300 компаний"
    assert format_range(5, 12, "percent", "en") == "5–12%"


def test_the_publisher_of_the_report_is_tass_in_russian_text() -> None:
    assert publisher_name(TASS, "ru") == "ТАСС"
    assert publisher_name(TASS, "en") == "TASS"
    other = replace(TASS, publisher="m24.ru")
    assert publisher_name(other, "ru") == "m24.ru"
    assert citation_line(TASS, "ru").startswith("— ТАСС, ")


def test_quotation_marks_follow_the_language() -> None:
    assert quoted("Калибр", "ru") == "«Калибр»"
    assert quoted("Kalibr", "en") == "“Kalibr”"


def _grouped_as_before(value: float, lang: str) -> str:
    """The one general way: three decimals, trailing zeros dropped (the fast path must agree)."""
    rounded = round(value, 3)
    text = f"{abs(rounded):,.3f}".rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", THIN_NBSP) if lang == "ru" else whole
    text = whole + (("," if lang == "ru" else ".") + fraction if fraction else "")
    return "\u2212" + text if rounded < 0 and text != "0" else text


@given(
    st.one_of(
        st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
        st.integers(min_value=-(10**12), max_value=10**12).map(float),
        st.decimals(min_value=-(10**7), max_value=10**7, places=4).map(float),
    )
)
def test_whole_numbers_take_a_shortcut_to_the_same_text(value: float) -> None:
    for lang in ("ru", "en"):
        assert format_number(value, lang) == _grouped_as_before(value, lang)


def test_the_shortcut_edges() -> None:
    for value in (0.0, -0.0, 0.0004, -0.0004, 0.9995, -0.9995, 1e15, 2.0**53, 1e300, -1e300):
        for lang in ("ru", "en"):
            assert format_number(value, lang) == _grouped_as_before(value, lang), value
    assert format_number(-0.0004, "en") == "0" and format_number(-0.9995, "en") == "\u22121"
