"""The exports by format, under the names the command line looks up.

Each format lives in its own module (json, markdown, csv); this module only gathers them.
"""

from __future__ import annotations

from tui.export.csv import CSV_COLUMNS, export_csv
from tui.export.json import export_json
from tui.export.markdown import export_markdown
from tui.export.select import subtree

__all__ = ["CSV_COLUMNS", "export_csv", "export_json", "export_markdown", "subtree"]
