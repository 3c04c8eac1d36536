"""Which sections, facts and series an export holds, and values as exports write them.

`paths` is the list of section paths to include (None: all); `subtree` turns one path given on
the command line into that list. No Textual or Rich import.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.pack.model import Fact, Localized, Pack, Series


def subtree(pack: Pack, path: str) -> list[str]:
    """`path` and every section below it, in display order; [] when the path is unknown."""
    if path not in pack.sections:
        return []
    return [p for p in pack.sections if p == path or p.startswith(path + "/")]


def selected_paths(pack: Pack, paths: Sequence[str] | None) -> list[str]:
    """The chosen section paths in display order; every section when `paths` is None."""
    if paths is None:
        return list(pack.sections)
    wanted = set(paths)
    return [path for path in pack.sections if path in wanted]


def selected_facts(pack: Pack, paths: Sequence[str] | None) -> list[Fact]:
    """The facts of the chosen sections, in pack order."""
    chosen = set(selected_paths(pack, paths))
    return [fact for fact in pack.facts if fact.section in chosen]


def selected_series(pack: Pack, paths: Sequence[str] | None) -> list[Series]:
    """The series of the chosen sections, in pack order."""
    chosen = set(selected_paths(pack, paths))
    return [series for series in pack.series.values() if series.section in chosen]


def plain_number(value: float) -> float | int:
    """90000.0 → 90000, so JSON reads as the content was written."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def localized_json(text: Localized | None) -> dict[str, str] | None:
    """Both languages of a text as a JSON object; None stays None."""
    return None if text is None else {"ru": text.ru, "en": text.en}
