"""Numbers, ranges, publishers and quotation marks as each language writes them."""

from __future__ import annotations

from dataclasses import replace

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
