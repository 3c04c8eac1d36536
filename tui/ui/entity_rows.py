"""What the entity tree nodes, the entity table and the entity view show (no Textual import).

Kept apart from the widgets so the tree can label its nodes without importing the table at
start-up, and so the rows can be built and sorted in tests and benchmarks without an app.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import attrgetter, is_, itemgetter
from typing import Literal, TypeVar

from rich.text import Text

from tui.pack.model import UNITS, Entity, EntityKind, Fact, FactKind, Lang, Pack, Qualifier
from tui.text.numbers import format_number, qualifier_sign
from tui.text.units import unit_label
from tui.text.words import STRINGS, t

# A section with at least this many entities shows them as a table in its panel.
TABLE_THRESHOLD = 5

# The attributes that become columns, in this order, when any entity of the section has them.
ATTRIBUTE_COLUMNS: tuple[str, ...] = ("status-year", "district", "specialisation", "area", "staff")

# The unit of the section's count fact for each kind ("49 technoparks"): it tells the tree how
# many there are in all, so that the named ones are never taken for the full list.
KIND_UNITS: dict[EntityKind, str] = {
    EntityKind.TECHNOPARK: "technoparks",
    EntityKind.SEZ_SITE: "sites",
    EntityKind.CLUSTER: "clusters",
    EntityKind.SERVICE: "services",
    EntityKind.ORGANISATION: "companies",
}


# What a name's sort key skips at its start: quotes, spaces, brackets.
NAME_KEY_SKIPPED = "«»\"'“”„ (["


def name_key(name: str) -> str:
    """How a name sorts A–Z: case and «quotes» ignored, ё as е."""
    folded = name.casefold().replace("ё", "е")
    return folded.lstrip(NAME_KEY_SKIPPED)


def entities_a_to_z(pack: Pack, path: str, lang: Lang) -> list[Entity]:
    """The entities of a section sorted by their name in `lang`."""
    return sorted(pack.entities_in(path), key=lambda entity: name_key(entity.name.get(lang)))


def count_fact(pack: Pack, path: str, own_facts: Sequence[Fact] | None = None) -> Fact | None:
    """The section's own count of the kind its entities are ("49 technoparks"), if it has one.

    Found generically: a numeric fact of the section, not about an entity, whose unit is the
    unit of the commonest entity kind; the report's own count wins, else the latest year's.
    `own_facts`, the section's facts about no entity, spares a pass over all of its facts.
    """
    entities = pack.entities_in(path)
    if not entities:
        return None
    kinds = [entity.kind for entity in entities]
    unit = KIND_UNITS.get(max(set(kinds), key=kinds.count))
    if unit is None:
        return None
    counts = [
        fact
        for fact in (pack.facts_in(path) if own_facts is None else own_facts)
        if fact.entity is None
        and fact.value is not None
        and fact.unit == unit
        and fact.kind in (FactKind.REPORTED, FactKind.DESCRIPTION)
    ]
    # The report's own count first ("of 49"), else the latest statement's.
    primary = pack.primary_source
    return max(counts, key=lambda fact: (fact.source == primary, fact.year or 0), default=None)


def named_label(
    pack: Pack,
    path: str,
    lang: Lang,
    *,
    short: bool = False,
    own_facts: Sequence[Fact] | None = None,
) -> str:
    """ "41 named in public statements, of 49": how many are named, never claiming all are.

    `short` is the tree's form, "41 named publicly, of 49", which fits its width; `own_facts`
    as for `count_fact`.
    """
    count = format_number(len(pack.entities_in(path)), lang)
    total = count_fact(pack, path, own_facts)
    suffix = "-short" if short else ""
    if total is None or total.value is None:
        return t("entities.named" + suffix, lang, count=count)
    shown_total = format_number(total.value, lang)
    sign = qualifier_sign(total.qualifier or Qualifier.EXACTLY)
    return t("entities.named-of" + suffix, lang, count=count, total=f"{sign} {shown_total}".strip())


def entity_heading(pack: Pack, entity: Entity, lang: Lang) -> tuple[Text, Text]:
    """The entity's title and the lines under it: kind and section, summary, note (all data)."""
    title = Text(entity.name.get(lang))
    section = pack.sections.get(entity.section)
    meta = t("entities.kind." + entity.kind.value, lang)
    if section is not None:
        meta += " · " + t("entities.in-section", lang, section=section.title.get(lang))
    lines = Text(meta, style="dim")
    if entity.summary is not None:
        lines.append("\n")
        lines.append(entity.summary.get(lang))
    if entity.note is not None:
        lines.append("\n")
        lines.append(t("note", lang), style="dim")
        lines.append(entity.note.get(lang), style="dim")
    by_attribute: dict[str, list[Fact]] = {}
    for fact in pack.facts_of(entity.id):
        if fact.attribute:
            by_attribute.setdefault(fact.attribute, []).append(fact)
    # The attributes at a glance, as the table's row shows them; each fact is cited below.
    for attribute, facts in by_attribute.items():
        label = (
            t("entities.attr." + attribute, lang)
            if "entities.attr." + attribute in STRINGS
            else attribute
        )
        lines.append(f"\n{label}: ", style="bold")
        lines.append(attribute_cell(facts, lang))
    return title, lines


# Rows --------------------------------------------------------------------------------------

SortKey = tuple[float, str]
T = TypeVar("T")
Direction = Literal["asc", "desc"]


def column_titles(columns: list[str], lang: Lang) -> list[str]:
    return [
        t("entities.col.name", lang),
        *(t("entities.col." + column, lang) for column in columns),
    ]


def attribute_cell(facts: list[Fact], lang: Lang) -> str:
    """What a cell shows for one attribute.

    Conflicting facts are all shown, joined with " / ": "12 000 / 15 000 m²". None is chosen.
    """
    if not facts:
        return ""
    if all(fact.value is None for fact in facts):
        texts = [str(f.year) if f.year is not None else f.text.get(lang) for f in facts]
        return " / ".join(dict.fromkeys(texts))
    numeric = [fact for fact in facts if fact.value is not None]
    units = {fact.unit for fact in numeric}
    parts: list[str] = []
    for fact in numeric:
        assert fact.value is not None
        sign = qualifier_sign(fact.qualifier or Qualifier.EXACTLY)
        number = format_number(fact.value, lang)
        if len(units) > 1 and fact.unit:
            number += " " + unit_label(fact.value, fact.unit, lang)
        parts.append(f"{sign} {number}" if sign else number)
    text = " / ".join(dict.fromkeys(parts))
    last = numeric[-1]
    # One unit is said once, and only when it is a symbol: "12 000 / 15 000 m²"; a word such as
    # "employees" would repeat the column's title.
    unit = UNITS.get(last.unit or "")
    if len(units) == 1 and unit is not None and unit.symbol and last.value is not None:
        text += " " + unit.label(last.value, lang)
    return text


def attribute_key(facts: list[Fact], lang: Lang) -> SortKey | None:
    """How a cell sorts: by its first number, else its year, else its text; None when empty."""
    for fact in facts:
        if fact.value is not None:
            return (fact.value, "")
    if not facts:
        return None
    first = facts[0]
    if first.year is not None:
        return (float(first.year), "")
    return (0.0, name_key(first.text.get(lang)))


class EntityRows:
    """The rows of a section's entity table in one language, A–Z by name.

    Built for 10,000 rows within a frame: the A–Z order and where each entity's facts lie in
    the section are found in passes that run in C; a row's facts are picked out and its cells
    formatted when first shown, a column's sort keys and its sorted orders when first sorted
    by, and the filter's search texts on the first keystroke. Each is kept, so the table builds
    them once per section and language however often it is shown, sorted or filtered.
    """

    def __init__(self, pack: Pack, path: str, lang: Lang) -> None:
        self.lang: Lang = lang
        self.path = path
        facts = pack.facts_in(path)
        self._section_facts = facts
        # Where each entity's facts lie: from its first fact to its last. The loader keeps an
        # entity's facts together, so that span is usually exactly its facts; a scattered
        # entity is still right, its span being filtered (`_row_facts`). A fact of an entity
        # is always in the entity's section (tui.pack.references holds the rule).
        fact_entities = list(map(attrgetter("entity"), facts))
        self._last = dict(zip(fact_entities, count()))
        self._first = dict(zip(reversed(fact_entities), range(len(facts) - 1, -1, -1), strict=True))
        self.own_facts = list(compress(facts, map(is_, fact_entities, repeat(None))))
        entities = pack.entities_in(path)
        names = list(map(attrgetter("name.ru" if lang == "ru" else "name.en"), entities))
        name_keys = _name_keys(names)
        order = sorted(range(len(entities)), key=name_keys.__getitem__)
        self.entities = _picked(entities, order)
        self._names = _picked(names, order)
        self._name_keys = _picked(name_keys, order)
        self._entity_facts: list[list[Fact] | None] = [None] * len(order)
        self._facts: list[dict[str, list[Fact]] | None] = [None] * len(order)
        self._keys: dict[int, list[SortKey | None]] = {}
        self._cells: list[tuple[str, ...] | None] = [None] * len(order)
        self._haystacks: list[str] | None = None
        self._orders: dict[tuple[int, Direction], list[int]] = {}
        self.built = 0  # how many of the kept keys, orders and search texts have been built
        self.columns = self._present_columns()

    def _present_columns(self) -> list[str]:
        """The attribute columns some row has a fact for, looked for until all are found."""
        wanted = set(ATTRIBUTE_COLUMNS)
        found: set[str | None] = set()
        for index in range(len(self.entities)):
            found.update(fact.attribute for fact in self._row_facts(index))
            if wanted <= found:
                break
        return [attribute for attribute in ATTRIBUTE_COLUMNS if attribute in found]

    def _row_facts(self, index: int) -> list[Fact]:
        """The facts of row `index`'s entity, in the section's order (picked once, kept)."""
        found = self._entity_facts[index]
        if found is None:
            entity_id = self.entities[index].id
            first = self._first.get(entity_id)
            if first is None:
                found = []
            else:
                span = self._section_facts[first : self._last[entity_id] + 1]
                found = [fact for fact in span if fact.entity == entity_id]
            self._entity_facts[index] = found
        return found

    def facts(self, index: int) -> dict[str, list[Fact]]:
        """The attribute facts of row `index`, by attribute."""
        grouped = self._facts[index]
        if grouped is None:
            grouped = {}
            for fact in self._row_facts(index):
                if fact.attribute:
                    grouped.setdefault(fact.attribute, []).append(fact)
            self._facts[index] = grouped
        return grouped

    def __len__(self) -> int:
        return len(self.entities)

    def titles(self) -> list[str]:
        return column_titles(self.columns, self.lang)

    def cells(self, index: int) -> tuple[str, ...]:
        """The texts of row `index`: the name, then one per attribute column."""
        cells = self._cells[index]
        if cells is None:
            facts = self.facts(index)
            attributes = (
                attribute_cell(facts.get(column, []), self.lang) for column in self.columns
            )
            cells = self._cells[index] = (self._names[index], *attributes)
        return cells

    def keys(self, column: int) -> list[SortKey | None]:
        """How each row sorts by `column` (0 is the name); None for an empty cell."""
        keys = self._keys.get(column)
        if keys is None:
            if column == 0:
                keys = [(0.0, key) for key in self._name_keys]
            else:
                attribute, lang = self.columns[column - 1], self.lang
                empty: list[Fact] = []
                keys = [
                    attribute_key(self.facts(index).get(attribute, empty), lang)
                    for index in range(len(self.entities))
                ]
            self._keys[column] = keys
            self.built += 1
        return keys

    def sorted(self, order: list[int], column: int, direction: Direction) -> list[int]:
        """`order` sorted by one column; empty cells last in both directions."""
        keys = self.keys(column)
        present = [index for index in order if keys[index] is not None]
        empty = [index for index in order if keys[index] is None]
        present.sort(key=lambda index: keys[index] or (0.0, ""), reverse=direction == "desc")
        return present + empty

    def ordered(self, rows: list[int], column: int, direction: Direction) -> list[int]:
        """`rows` (a subset, in any order) in the order of `column` and `direction`.

        The whole list is sorted once per column and direction; a subset is picked out of it,
        which costs one pass instead of a sort on each keystroke of the filter.
        """
        key = (column, direction)
        everything = self._orders.get(key)
        if everything is None:
            everything = list(range(len(self.entities)))
            if key != (0, "asc"):  # the rows are A–Z already
                everything = self.sorted(everything, column, direction)
            self._orders[key] = everything
            self.built += 1
        if len(rows) == len(everything):
            return list(everything)
        wanted = bytearray(len(everything))
        for index in rows:
            wanted[index] = 1
        return [index for index in everything if wanted[index]]

    def filtered(self, needle: str) -> list[int]:
        """Rows whose names (either language), texts or years contain `needle`, case ignored."""
        folded = needle.strip().casefold()
        if not folded:
            return list(range(len(self.entities)))
        if self._haystacks is None:
            self._haystacks = self._search_texts()
            self.built += 1
        return [index for index, text in enumerate(self._haystacks) if folded in text]

    def _search_texts(self) -> list[str]:
        """Per row, casefolded: both names, the texts of text attributes, the years."""
        texts = []
        for index, entity in enumerate(self.entities):
            words = [entity.name.ru, entity.name.en]
            for fact in self._row_facts(index):
                if not fact.attribute or fact.value is not None:
                    continue
                if fact.year is not None:
                    words.append(str(fact.year))
                else:
                    words += (fact.text.ru, fact.text.en)
            texts.append("\n".join(words).casefold())
        return texts


# Helpers of EntityRows: each a pass over a whole section that runs in C ----------------------

NAME_SEPARATOR = "\x00"  # joins the names to fold them at once; no name is expected to hold it


def _name_keys(names: list[str]) -> list[str]:
    """`name_key` of each name, folded in one call on all of them rather than one per name.

    Case folding is per character, so folding the joined names is folding each; a name that
    holds the separator would split in two, and then each is folded alone.
    """
    joined = NAME_SEPARATOR.join(names).casefold().replace("ё", "е")
    folded = joined.split(NAME_SEPARATOR)
    if len(folded) != len(names):
        return [name_key(name) for name in names]
    return [text.lstrip(NAME_KEY_SKIPPED) for text in folded]


def _picked(items: Sequence[T], order: list[int]) -> list[T]:
    """`items` in `order` (indexes into it)."""
    if len(order) < 2:
        return [items[index] for index in order]
    return list(itemgetter(*order)(items))
