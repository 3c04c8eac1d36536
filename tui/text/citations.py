"""Citations: who said a figure and when, as one line a reader can quote.

No Textual or Rich import.
"""

from __future__ import annotations

from tui.pack.model import Lang, Source
from tui.text.dates import source_date


def citation_line(source: Source, lang: Lang) -> str:
    """ "— TASS, 22 Oct 2025": publisher and date, without the URL."""
    return f"— {source.publisher}, {source_date(source, lang)}"
