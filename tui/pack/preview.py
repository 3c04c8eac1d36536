"""A cheap first pass over a large pack: its title and section tree, before the whole load.

A cold load of 100,000 facts takes seconds; the sections that make the tree are a few hundred
lines of one or two files. Only the files that can hold a `[pack]` or a `[[section]]` table are
parsed, their entries go through the same checks as in the full load (so titles are sanitised
the same way), and the tree is built by the same `build_sections`. Nothing here is trusted
further than drawing a tree: the full load, run beside it, decides what the reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.pack.build import build_sections
from tui.pack.files import Decoded, content_names, decode, read_content
from tui.pack.locate import Locator
from tui.pack.model import Pack
from tui.pack.parse import parse
from tui.pack.problems import ContentFile, ProblemLog
from tui.pack.validate import Validator

# Where a `[pack]` or `[[section]]` table (or a table inside `pack`) may open: the name, then
# the bracket that closes a header. Each pattern starts with its literal name, which the regex
# engine finds fast (one pattern for both, with an alternation, is ten times slower on 39 MB).
# A hit is confirmed by what precedes it on its line; a hit inside a multi-line string only
# costs a parse.
_NAME_THEN_BRACKET = (
    re.compile(rb"""section["']?[ \t]*\]"""),
    re.compile(rb"""pack["']?[ \t]*[.\]]"""),
)
_HEADER_START = re.compile(rb"""[ \t]*\[\[?[ \t]*["']?""")
# Before a file's first header, a root key may assign either table (an inline table or array).
# Inside a table, `section = …` is a fact's own key: only the head of a file is looked at.
_FIRST_HEADER = re.compile(rb"^[ \t]*\[", re.MULTILINE)
_ROOT_KEY = re.compile(rb"""^[ \t]*["']?(?:pack|section)["']?[ \t]*[=.]""", re.MULTILINE)
_TABLES = ("pack", "section")


def preview_pack(folders: Sequence[Path]) -> Pack | None:
    """A pack with the title and the sections of `folders` and nothing else, or None when the
    first pass cannot tell (a file unread or not TOML, a section or the title not valid):
    the full load will say why."""
    log = ProblemLog()
    validator = Validator(log)
    try:
        for folder in folders:
            for name in content_names(folder):
                document = _tables_of(folder / name)
                if document is None:
                    return None
                if document:
                    file = ContentFile(name, 0, Locator(""))
                    validator.check_document(file, document)
        pack_entries = validator.entries["pack"]
        if log.error_count or len(pack_entries) != 1 or not validator.entries["section"]:
            return None
        sections = build_sections(validator.entries["section"])
    except Exception:  # any surprise: no preview, the full load reports what is wrong
        return None
    if len(sections) != len(validator.entries["section"]):
        return None  # a section whose parent is missing: not a tree to draw
    title = pack_entries[0].values["title"]
    return Pack(title=title, primary_source="", sources={}, sections=sections, facts=())


def _tables_of(path: Path) -> dict[str, Any] | None:
    """The `[pack]` and `[[section]]` tables of one file ({} when it has none), or None."""
    data = read_content(path)
    if not isinstance(data, bytes):
        return None
    if not _may_hold_tables(data):
        return {}
    content = decode(data)
    if not isinstance(content, Decoded):
        return None
    document = parse(content.text)
    if not isinstance(document, dict):
        return None
    return {name: document[name] for name in _TABLES if name in document}


def _may_hold_tables(data: bytes) -> bool:
    first_header = _FIRST_HEADER.search(data)
    head = data if first_header is None else data[: first_header.start()]
    if _ROOT_KEY.search(head) is not None:
        return True
    for pattern in _NAME_THEN_BRACKET:
        for match in pattern.finditer(data):
            line_start = data.rfind(b"\n", 0, match.start()) + 1
            if _HEADER_START.fullmatch(data, line_start, match.start()):
                return True
    return False
