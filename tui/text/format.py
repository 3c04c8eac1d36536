"""Numbers, values, dates and citations as a reader sees them, gathered under one name.

The code lives in the modules by subject (numbers, units, dates, citations) and the copies in
tui.export.copy; this module keeps the names importable from one place.
"""

from __future__ import annotations

from tui.export.copy import fact_clipboard_text, section_markdown
from tui.export.markdown import md_escape, pack_markdown
from tui.text.citations import citation_line
from tui.text.dates import format_date, source_date
from tui.text.numbers import MINUS, NBSP, format_number, qualifier_sign
from tui.text.units import format_point_value, format_value, unit_label
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS

__all__ = [
    "BASIS_LABELS",
    "KIND_LABELS",
    "MINUS",
    "NBSP",
    "QUALIFIER_LABELS",
    "citation_line",
    "fact_clipboard_text",
    "format_date",
    "format_number",
    "format_point_value",
    "format_value",
    "md_escape",
    "pack_markdown",
    "qualifier_sign",
    "section_markdown",
    "source_date",
    "unit_label",
]
