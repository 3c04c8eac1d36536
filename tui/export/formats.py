"""The exports by format, under the names the command line looks up.

Each format lives in its own module (json, markdown, csv); this module only gathers them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from tui.export.csv import CSV_COLUMNS, export_csv, export_csv_chunks
from tui.export.json import export_json, export_json_chunks
from tui.export.markdown import export_markdown
from tui.export.select import subtree
from tui.pack.model import Lang, Pack

__all__ = [
    "CSV_COLUMNS",
    "export_chunks",
    "export_csv",
    "export_json",
    "export_markdown",
    "subtree",
]

Exporter = Callable[[Pack, Sequence[str] | None, Lang], Iterable[str]]


def _whole(export: Callable[[Pack, Sequence[str] | None, Lang], str]) -> Exporter:
    return lambda pack, paths, lang: (export(pack, paths, lang),)


# Each format's export as pieces to write in turn: a large JSON or CSV export is written as it
# is made; Markdown numbers its sources at the end, so it comes whole.
EXPORTERS: dict[str, Exporter] = {
    "json": export_json_chunks,
    "md": _whole(export_markdown),
    "csv": export_csv_chunks,
}


def export_chunks(fmt: str, pack: Pack, paths: Sequence[str] | None, lang: Lang) -> Iterable[str]:
    """The export of `fmt` ("json", "md" or "csv") in pieces; joined, they are the whole file."""
    return EXPORTERS[fmt](pack, paths, lang)
