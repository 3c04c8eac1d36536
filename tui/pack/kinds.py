"""Each kind of field once: its full check, its fast path, and its JSON Schema fragment.

A field of the schema (`tui.pack.spec.FieldSpec`) has a kind ("text", "year", "localized" …).
Everything the program knows about a kind is one `Kind` (`tui.pack.kind`), written side by side
in `scalar_kinds` and `table_kinds`, so a new kind (or a new rule for one) is written in one place
and the checker, its fast path and `content/schema.json` agree. This registry maps the names used
in `tui.pack.spec` to them.
"""

from __future__ import annotations

from tui.pack.kind import SLOW, SLUG, Checker, FastCheck, Kind
from tui.pack.scalar_kinds import (
    DATE,
    ENUM,
    INTEGER,
    LANGUAGE,
    NUMBER,
    PATH,
    SLUG_KIND,
    TEXT,
    URL,
    YEAR,
    over_limit,
)
from tui.pack.table_kinds import ARRAY, IDS, LOCALIZED_KIND, TABLE

__all__ = ["KINDS", "SLOW", "SLUG", "Checker", "FastCheck", "Kind", "over_limit"]

KINDS: dict[str, Kind] = {
    "text": TEXT,
    "url": URL,
    "language": LANGUAGE,
    "slug": SLUG_KIND,
    "path": PATH,
    "localized": LOCALIZED_KIND,
    "integer": INTEGER,
    "year": YEAR,
    "number": NUMBER,
    "date": DATE,
    "enum": ENUM,
    "table": TABLE,
    "array": ARRAY,
    "ids": IDS,
}
