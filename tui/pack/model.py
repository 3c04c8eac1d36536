"""The content model: sources, sections, facts and series, free of any UI import.

Everything the app shows, copies or exports is read from a `Pack`. The loader builds one from
TOML; nothing here imports Textual or Rich (a test checks `sys.modules`), so the model can be
used by the command line, exports and tests without paying for the UI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import Literal, TypeVar

Lang = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = ("ru", "en")
DatePrecision = Literal["day", "month", "year"]
_Item = TypeVar("_Item")
DATE_PRECISIONS: tuple[DatePrecision, ...] = ("day", "month", "year")
Timing = Literal["by", "in"]
TIMINGS: tuple[Timing, ...] = ("by", "in")


class FactKind(StrEnum):
    """What sort of statement a fact is."""

    REPORTED = "reported"
    TARGET = "target"
    QUOTE = "quote"
    DESCRIPTION = "description"
    DERIVED = "derived"


class Qualifier(StrEnum):
    """The source's own hedge on a number: "over 90 thousand", "about 75 thousand"."""

    OVER = "over"
    ABOUT = "about"
    EXACTLY = "exactly"
    UP_TO = "up-to"


class EntityKind(StrEnum):
    """What sort of named place or measure an entity is."""

    TECHNOPARK = "technopark"
    SEZ_SITE = "sez-site"
    CLUSTER = "cluster"
    SUPPORT_MEASURE = "support-measure"
    SERVICE = "service"
    ORGANISATION = "organisation"


# The common attributes of an entity, each given by a fact (`Fact.attribute`): the columns of
# the entity table, in the order shown.
ENTITY_ATTRIBUTES: tuple[str, ...] = (
    "status-year",
    "district",
    "address",
    "specialisation",
    "operator",
    "area",
    "staff",
    "residents",
)


class Basis(StrEnum):
    """Where the points of a series come from."""

    HISTORY = "history"
    TARGET = "target"
    DERIVED = "derived"


@dataclass(frozen=True)
class Localized:
    """A text in Russian and English; both are required by the loader."""

    ru: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True)
class Unit:
    """A unit of measure with its labels; Russian needs three plural forms."""

    code: str
    en_one: str
    en_many: str
    ru_one: str  # 1, 21, 31 … : "компания"
    ru_few: str  # 2–4, 22–24 … and fractions: "компании"
    ru_many: str  # 0, 5–20, 25 … : "компаний"
    symbol: str = ""  # shown instead of a word when set, e.g. "m²" or "×"
    symbol_ru: str = ""  # the symbol in Russian where it differs: "м²", "га"

    def label(self, value: float, lang: Lang) -> str:
        """The unit's label to stand after `value` in `lang`."""
        if self.symbol:
            return self.symbol_ru if lang == "ru" and self.symbol_ru else self.symbol
        if lang == "en":
            return self.en_one if value == 1 else self.en_many
        if value != int(value):
            return self.ru_few
        n = abs(int(value))
        if n % 10 == 1 and n % 100 != 11:
            return self.ru_one
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return self.ru_few
        return self.ru_many


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        Unit("jobs", "job", "jobs", "рабочее место", "рабочих места", "рабочих мест"),
        Unit(
            "specialists", "specialist", "specialists", "специалист", "специалиста", "специалистов"
        ),
        Unit("employees", "employee", "employees", "сотрудник", "сотрудника", "сотрудников"),
        Unit("companies", "company", "companies", "компания", "компании", "компаний"),
        Unit("participants", "participant", "participants", "участник", "участника", "участников"),
        Unit("sites", "site", "sites", "площадка", "площадки", "площадок"),
        Unit("technoparks", "technopark", "technoparks", "технопарк", "технопарка", "технопарков"),
        Unit("clusters", "cluster", "clusters", "кластер", "кластера", "кластеров"),
        Unit("events", "event", "events", "мероприятие", "мероприятия", "мероприятий"),
        Unit("contracts", "contract", "contracts", "контракт", "контракта", "контрактов"),
        Unit("countries", "country", "countries", "страна", "страны", "стран"),
        Unit("services", "service", "services", "сервис", "сервиса", "сервисов"),
        Unit("m2", "m²", "m²", "м²", "м²", "м²", symbol="m²", symbol_ru="м²"),
        Unit("ha", "ha", "ha", "га", "га", "га", symbol="ha", symbol_ru="га"),
        Unit("rub", "rouble", "roubles", "рубль", "рубля", "рублей", symbol="₽"),
        Unit("percent", "%", "%", "%", "%", "%", symbol="%"),
        Unit("times", "time", "times", "раз", "раза", "раз", symbol="×"),
    )
}


@dataclass(frozen=True)
class Source:
    """A publication a fact or a series point cites."""

    id: str
    publisher: str
    title: str
    date: date | None  # None: the page is undated, so its points stay off the time axis
    url: str | None
    language: str
    primary: bool = False
    note: Localized | None = None
    # How much of `date` the page gives: for "month" and "year" the date is the first day of
    # that month or year, and only the month or year is shown.
    date_precision: DatePrecision = "day"


@dataclass(frozen=True)
class Quote:
    """A direct quote: the original words, a translation, and who said them."""

    original: str  # Russian, as published
    translation: str  # English
    speaker: Localized


@dataclass(frozen=True)
class Fact:
    """One statement of a source, in our own words, with its number where it has one."""

    id: str
    section: str  # section path, e.g. "infrastructure/technoparks"
    kind: FactKind
    text: Localized
    source: str | None  # Source.id; None only for a derived fact, which is ours (see `inputs`)
    value: float | None = None  # in base units: 90000 jobs, 2000000 m², 3.5 for "3.5 times"
    unit: str | None = None  # a key of UNITS
    qualifier: Qualifier | None = None
    year: int | None = None  # the year the figure refers to (target year for a target)
    since: int | None = None  # start of the period for cumulative figures ("since 2017")
    quote: Quote | None = None
    derivation: Localized | None = None  # how a derived figure was computed, in words
    series: str | None = None  # Series.id drawn beside this fact's metric card
    note: Localized | None = None
    # Targets only: "by" 2030 (reached by the end of that year) or "in" 2026 (during that year).
    timing: Timing = "by"
    # The source's own words behind the fact, verbatim and in the source's language.
    evidence: str | None = None
    # Derived only: the ids of the facts the figure is computed from.
    inputs: tuple[str, ...] = ()
    # The named place or measure (Entity.id) this fact describes, and which of its common
    # attributes it gives (a column of the entity table: "status-year", "district", "area" …).
    entity: str | None = None
    attribute: str | None = None

    @property
    def is_numeric(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class SeriesPoint:
    """One year's value of a series and the statement it comes from."""

    year: int
    value: float
    source: str  # Source.id
    qualifier: Qualifier = Qualifier.EXACTLY
    note: Localized | None = None  # e.g. a conflicting source that was not used


@dataclass(frozen=True)
class Series:
    """Year → value points for a sparkline; missing years stay missing."""

    id: str
    section: str
    title: Localized
    unit: str
    basis: Basis
    points: tuple[SeriesPoint, ...]  # sorted by year, at least two
    rule: Localized | None = None  # how the points were made (required for target and derived)
    note: Localized | None = None

    @property
    def first_year(self) -> int:
        return self.points[0].year

    @property
    def last_year(self) -> int:
        return self.points[-1].year

    @property
    def value_range(self) -> tuple[float, float]:
        values = [point.value for point in self.points]
        return min(values), max(values)

    def missing_years(self) -> list[int]:
        """Years between the first and last point that have no point."""
        present = {point.year for point in self.points}
        return [year for year in range(self.first_year, self.last_year + 1) if year not in present]


@dataclass(frozen=True)
class Entity:
    """A named place or measure behind a city total: a technopark, an SEZ site, a service."""

    id: str
    kind: EntityKind
    name: Localized
    section: str  # the section path it is listed under
    summary: Localized | None = None
    note: Localized | None = None


@dataclass(frozen=True)
class Section:
    """A node of the section tree."""

    id: str  # a slug
    path: str  # the ids from the root joined by "/"
    title: Localized
    summary: Localized
    order: int
    parent: str | None  # parent path, None at the root
    children: tuple[str, ...] = ()  # child paths, in display order


@dataclass(frozen=True)
class Pack:
    """A validated content pack: everything the app and the exports read."""

    title: Localized
    primary_source: str  # Source.id of the report the pack is built from
    sources: dict[str, Source]
    sections: dict[str, Section]  # by path, in depth-first display order
    facts: tuple[Fact, ...]  # in section order, then file order
    series: dict[str, Series] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)  # by id, in file order

    @property
    def roots(self) -> list[Section]:
        return [section for section in self.sections.values() if section.parent is None]

    def children_of(self, path: str) -> list[Section]:
        return [self.sections[child] for child in self.sections[path].children]

    def facts_in(self, path: str) -> list[Fact]:
        """The facts of one section (not its subsections), in file order."""
        return list(self._facts_by_section.get(path, ()))

    def series_in(self, path: str) -> list[Series]:
        return list(self._series_by_section.get(path, ()))

    # The indexes below are built on first use, in one pass; the pack is immutable, so they
    # never go stale. `cached_property` stores them in the instance `__dict__`, which a frozen
    # dataclass still has, and they take no part in equality.
    @cached_property
    def _facts_by_section(self) -> dict[str, tuple[Fact, ...]]:
        return _grouped(self.facts, attrgetter("section"))

    @cached_property
    def _series_by_section(self) -> dict[str, tuple[Series, ...]]:
        return _grouped(self.series.values(), attrgetter("section"))

    def build_indexes(self) -> None:
        """Build now the indexes every start needs: facts by section, and the count of facts
        per source (the sources view's). The cache stores them with the pack: reading them
        back costs a tenth of building them at every start."""
        # cached_properties: reading one builds and keeps it.
        _ = self._facts_by_section, self._fact_count_by_source

    def facts_citing(self, source_id: str) -> int:
        """How many facts cite one source."""
        return self._fact_count_by_source.get(source_id, 0)

    @cached_property
    def _fact_count_by_source(self) -> Counter[str | None]:
        return Counter(map(attrgetter("source"), self.facts))

    def source_of(self, fact: Fact) -> Source | None:
        """The fact's source; None for a derived fact, which cites its inputs instead."""
        return None if fact.source is None else self.sources[fact.source]

    def entities_in(self, path: str) -> list[Entity]:
        """The entities listed under one section, in file order."""
        return list(self._entities_by_section.get(path, ()))

    def facts_of(self, entity_id: str) -> list[Fact]:
        """The facts that describe one entity, in pack order."""
        return list(self._facts_by_entity.get(entity_id, ()))

    @cached_property
    def _entities_by_section(self) -> dict[str, tuple[Entity, ...]]:
        return _grouped(self.entities.values(), attrgetter("section"))

    @cached_property
    def _facts_by_entity(self) -> dict[str, tuple[Fact, ...]]:
        return _grouped(
            (fact for fact in self.facts if fact.entity is not None), attrgetter("entity")
        )


def _grouped(items: Iterable[_Item], key: Callable[[_Item], str]) -> dict[str, tuple[_Item, ...]]:
    """`items` grouped by `key`, each group in the order of `items`."""
    grouped: dict[str, list[_Item]] = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return {name: tuple(group) for name, group in grouped.items()}
