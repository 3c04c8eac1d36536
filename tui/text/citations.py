"""Citations: who said a figure and when, or, for a figure we computed, from which facts.

No Textual or Rich import.
"""

from __future__ import annotations

from tui.pack.model import Fact, FactKind, Lang, Pack, Source
from tui.text.dates import source_date
from tui.text.units import format_value
from tui.text.words import STRINGS, t

# The last pack's facts by id: copies and exports look inputs up one fact at a time.
_fact_index: tuple[Pack, dict[str, Fact]] | None = None


def publisher_name(source: Source, lang: Lang) -> str:
    """The publisher as a reader of `lang` knows it: "ТАСС" in Russian, "TASS" in English."""
    key = f"publisher.{source.publisher}"
    return t(key, lang) if key in STRINGS else source.publisher


def citation_line(source: Source, lang: Lang) -> str:
    """ "— TASS, 22 Oct 2025" / "— ТАСС, 22 окт. 2025": publisher and date, without the URL."""
    return f"— {publisher_name(source, lang)}, {source_date(source, lang)}"


def shows_translation(pack: Pack, fact: Fact, lang: Lang) -> bool:
    """Whether a quote's translation helps: not for a reader of the language it was said in."""
    source = pack.source_of(fact)
    return source is None or source.language != lang


def is_computed(fact: Fact) -> bool:
    """True for a figure moscow-tui computed: no publisher printed it, whatever it cites."""
    return fact.kind is FactKind.DERIVED or fact.source is None


def fact_by_id(pack: Pack, fact_id: str) -> Fact | None:
    """The fact `fact_id` of `pack`, or None; the index is built once per pack."""
    global _fact_index
    if _fact_index is None or _fact_index[0] is not pack:
        _fact_index = (pack, {fact.id: fact for fact in pack.facts})
    return _fact_index[1].get(fact_id)


def inputs_of(pack: Pack, fact: Fact) -> list[tuple[str, Fact | None]]:
    """The facts a computed figure is computed from, by id (None where an id is unknown)."""
    return [(fact_id, fact_by_id(pack, fact_id)) for fact_id in fact.inputs]


def input_line(pack: Pack, fact_id: str, fact: Fact | None, lang: Lang) -> str:
    """One input as a line of a copy: "Specialists (≈ 75 000 people) — TASS, 22 Oct 2025 URL"."""
    if fact is None:
        return fact_id
    text = fact.text.get(lang)
    value = format_value(fact, lang)
    line = f"{text} ({value})" if value else text
    source = pack.source_of(fact)
    if source is not None:
        line += f" {citation_line(source, lang)}"
        if source.url:
            line += f" {source.url}"
    return line
