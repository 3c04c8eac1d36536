"""Write a synthetic, valid content pack of N facts for the benchmarks.

The pack follows content/README.md: one `[pack]`, a few sources, a two-level section tree of about
N/100 sections, facts of every kind (numbers with units, qualifiers and years, quotes, derived
figures) and some series. Output is deterministic for a given N and seed, so runs compare.

    python -m bench.generate 10000 /tmp/pack-10k
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_LINE = "#:schema ./schema.json"
FACTS_PER_FILE = 5_000  # keeps every file far below the loader's size limit
FACTS_PER_SECTION = 100
CHILDREN_PER_GROUP = 9

# Themed words so search has realistic hits: each fact's text mixes several of them.
EN_WORDS = (
    "technopark", "cluster", "export", "innovation", "industry", "startup", "grant", "subsidy",
    "laboratory", "factory", "engineering", "software", "robotics", "microelectronics",
    "pharmaceutical", "biotech", "logistics", "platform", "accelerator", "investment", "contract",
    "programme", "centre", "zone", "manufacturer", "exhibition", "partner", "region", "service",
    "sovereignty", "research", "university", "incubator", "venture", "lease", "site", "workshop",
    "equipment", "supplier", "network",
)  # fmt: skip
RU_WORDS = (
    "технопарк", "кластер", "экспорт", "инновации", "промышленность", "стартап", "грант",
    "субсидия", "лаборатория", "завод", "инжиниринг", "программы", "робототехника",
    "микроэлектроника", "фармацевтика", "биотехнологии", "логистика", "платформа", "акселератор",
    "инвестиции", "контракт", "программа", "центр", "зона", "производитель", "выставка",
    "партнёр", "регион", "сервис", "суверенитет", "исследования", "университет", "инкубатор",
    "венчур", "аренда", "площадка", "мастерская", "оборудование", "поставщик", "сеть",
)  # fmt: skip
UNITS = (
    "jobs", "specialists", "employees", "companies", "participants", "sites", "technoparks",
    "clusters", "events", "contracts", "countries", "services", "m2", "ha", "rub", "percent",
    "times",
)  # fmt: skip
QUALIFIERS = ("over", "about", "exactly", "up-to")
# Kinds with their share of the facts.
KINDS = (("reported", 45), ("target", 20), ("description", 15), ("quote", 10), ("derived", 10))

# The first root's English title: on the first screen of the app whatever else it shows.
FIRST_ROOT_TITLE_EN = "Alpha group"
SEARCH_WORD_EN = "microelectronics"


@dataclass(frozen=True)
class GeneratedPack:
    """What the benchmarks need to know about a generated pack."""

    directory: Path
    facts: int
    sections: int
    series: int
    sources: int
    marker: str  # a text of the first screen with --lang en
    leaf: str  # a section path with facts, for deep links
    search_word: str  # an English word found in many facts
    bytes: int
    entities: int = 0  # named places ([[entity]]) in `entity_section`, each with attribute facts
    entity_section: str | None = None
    # The first fact's English text begins so; it is on the first screen once the whole pack is
    # loaded (a long cold load first shows the tree alone, see tui.pack.background).
    fact_marker: str = "Fact 1:"


def _q(text: str) -> str:
    """A TOML basic string: JSON's escapes are a subset of TOML's."""
    return json.dumps(text, ensure_ascii=False)


def _loc(ru: str, en: str) -> str:
    return f"{{ ru = {_q(ru)}, en = {_q(en)} }}"


def _words(rng: random.Random, words: tuple[str, ...], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count))


def _value(rng: random.Random, unit: str) -> int | float:
    if unit == "times":
        return rng.choice((1.5, 2, 2.5, 3, 3.5, 4, 10))
    if unit == "percent":
        return round(rng.uniform(0.5, 99.5), 1)
    magnitude = rng.choice((10, 100, 1_000, 10_000, 100_000, 1_000_000))
    return rng.randint(1, 9) * magnitude + rng.randint(0, magnitude // 10)


def _toml_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class _Section:
    path: str
    id: str
    parent: str | None
    order: int
    title_en: str
    title_ru: str


def _sections(n_facts: int) -> list[_Section]:
    """Roots of up to nine children each: about N/100 sections in all, at least three."""
    wanted = max(3, n_facts // FACTS_PER_SECTION)
    n_roots = max(1, math.ceil(wanted / (CHILDREN_PER_GROUP + 1)))
    greek = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa")
    sections: list[_Section] = []
    for r in range(n_roots):
        root_id = f"g{r + 1:03d}"
        name = greek[r % len(greek)] + ("" if r < len(greek) else f" {r // len(greek) + 1}")
        sections.append(_Section(root_id, root_id, None, r + 1, f"{name} group", f"Группа {name}"))
        for c in range(CHILDREN_PER_GROUP):
            if len(sections) >= wanted and c > 0:
                break
            child_id = f"{root_id}-t{c + 1:02d}"
            word = EN_WORDS[(r * CHILDREN_PER_GROUP + c) % len(EN_WORDS)]
            ru_word = RU_WORDS[(r * CHILDREN_PER_GROUP + c) % len(RU_WORDS)]
            sections.append(
                _Section(
                    f"{root_id}/{child_id}",
                    child_id,
                    root_id,
                    c + 1,
                    f"{word.capitalize()} topic {r + 1}.{c + 1}",
                    f"{ru_word.capitalize()}: тема {r + 1}.{c + 1}",
                )
            )
    return sections


def _write(path: Path, lines: Iterable[str]) -> int:
    text = "\n".join([SCHEMA_LINE, "", *lines, ""])
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def generate(n_facts: int, directory: Path, seed: int = 5, *, entities: int = 0) -> GeneratedPack:
    """Write a pack of `n_facts` facts into `directory` (created; existing *.toml replaced).

    `entities` adds that many technoparks to the first leaf, each with up to five attribute
    facts (these come on top of `n_facts`), and the leaf's count of technoparks.
    """
    rng = random.Random(seed * 1_000_003 + n_facts)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.toml"):
        old.unlink()
    total_bytes = 0

    n_sources = max(3, n_facts // 2_000)
    source_ids = [f"src-{i + 1:03d}" for i in range(n_sources)]
    dated: list[str] = []  # series points may cite only these: undated ones have no year
    lines: list[str] = [
        "[pack]",
        f"title = {_loc('Синтетический пакет', 'Synthetic pack')}",
        f'primary_source = "{source_ids[0]}"',
    ]
    for i, source_id in enumerate(source_ids):
        lines += ["", "[[source]]", f'id = "{source_id}"']
        lines.append(f"publisher = {_q(rng.choice(('TASS', 'RIA', 'Interfax', 'mos.ru')))}")
        lines.append(f"title = {_q('Публикация ' + str(i + 1) + ': ' + _words(rng, RU_WORDS, 5))}")
        if i == 0 or rng.random() < 0.8:  # some pages are undated
            lines.append(f"date = {2014 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}")
            dated.append(source_id)
        if i == 0 or rng.random() < 0.6:
            lines.append(f'url = "https://example.org/news/{source_id}"')
        lines.append('language = "ru"')
        if rng.random() < 0.2:
            lines.append(f"note = {_loc('Примечание к источнику', 'A note on the source')}")
    total_bytes += _write(directory / "pack.toml", lines)

    sections = _sections(n_facts)
    lines = []
    for section in sections:
        lines += ["[[section]]", f'id = "{section.id}"']
        if section.parent is not None:
            lines.append(f'parent = "{section.parent}"')
        lines.append(f"order = {section.order}")
        lines.append(f"title = {_loc(section.title_ru, section.title_en)}")
        summary_ru = "Обзор: " + _words(rng, RU_WORDS, 8) + "."
        summary_en = "Overview: " + _words(rng, EN_WORDS, 8) + "."
        lines.append(f"summary = {_loc(summary_ru, summary_en)}")
        lines.append("")
    total_bytes += _write(directory / "sections.toml", lines)

    # Facts go to the leaves (and a few to the groups), in section order.
    leaves = [s for s in sections if s.parent is not None] or sections
    roots = [s for s in sections if s.parent is None]
    per_leaf = n_facts // len(leaves)
    placement: list[str] = []
    for root in roots:
        own = [s for s in leaves if s.parent == root.path]
        for leaf in own:
            placement += [leaf.path] * per_leaf
    placement += [roots[i % len(roots)].path for i in range(n_facts - len(placement))]

    # Series: one per ten leaves, beside that leaf's first numeric fact with the same unit.
    series_lines: list[str] = []
    series_for: dict[str, tuple[str, str]] = {}  # section path -> (series id, unit)
    for k, leaf in enumerate(leaves[::10]):
        series_id = f"series-{k + 1:04d}"
        unit = rng.choice(UNITS)
        basis = ("history", "history", "target", "derived")[k % 4]
        years = list(range(2014 + k % 5, 2026))
        if len(years) > 4:
            del years[rng.randrange(1, len(years) - 1)]  # a gap stays a gap
        series_lines += [
            "[[series]]",
            f'id = "{series_id}"',
            f'section = "{leaf.path}"',
            f"title = {_loc('Ряд ' + str(k + 1), 'Series ' + str(k + 1))}",
            f'unit = "{unit}"',
            f'basis = "{basis}"',
        ]
        if basis != "history":
            series_lines.append(
                f"rule = {_loc('Линейно от первой точки к цели', 'Linear from the first point')}"
            )
        series_lines.append("points = [")
        value = _value(rng, unit)
        for year in years:
            source = rng.choice(dated)
            series_lines.append(
                f'  {{ year = {year}, value = {_toml_number(value)}, source = "{source}" }},'
            )
            value = (
                round(value * 1.1, 1) if isinstance(value, float) else value + rng.randint(1, 50)
            )
        series_lines += ["]", ""]
        series_for[leaf.path] = (series_id, unit)
    total_bytes += _write(directory / "series.toml", series_lines)

    kinds = [kind for kind, share in KINDS for _ in range(share)]
    with_series: set[str] = set()
    file_no = 0
    lines = []
    for i in range(n_facts):
        path = placement[i]
        kind = kinds[rng.randrange(len(kinds))]
        words_en = _words(rng, EN_WORDS, 5)
        words_ru = _words(rng, RU_WORDS, 5)
        source_id = rng.choice(source_ids)  # drawn for every fact: the same pack as before
        lines += [
            "[[fact]]",
            f'id = "fact-{i + 1:06d}"',
            f'section = "{path}"',
            f'kind = "{kind}"',
            # A derived fact has no source: it names the fact it is computed from.
            f'source = "{source_id}"' if kind != "derived" else f'inputs = ["fact-{i or 2:06d}"]',
            f"text = {_loc(f'Факт {i + 1}: {words_ru}.', f'Fact {i + 1}: {words_en}.')}",
        ]
        if kind in ("reported", "target", "derived"):
            unit = rng.choice(UNITS)
            series = series_for.get(path)
            if series is not None and path not in with_series and kind == "reported":
                unit = series[1]
                with_series.add(path)
            else:
                series = None
            year = rng.randint(2026, 2035) if kind == "target" else rng.randint(2015, 2025)
            lines += [
                f"value = {_toml_number(_value(rng, unit))}",
                f'unit = "{unit}"',
                f'qualifier = "{rng.choice(QUALIFIERS)}"',
                f"year = {year}",
            ]
            if kind == "reported" and rng.random() < 0.15:
                lines.append(f"since = {year - rng.randint(3, 10)}")
            if series is not None:
                lines.append(f'series = "{series[0]}"')
        if kind == "quote":
            original = "«" + _words(rng, RU_WORDS, 10).capitalize() + "»"
            translation = "“" + _words(rng, EN_WORDS, 10).capitalize() + "”"
            speaker = _loc("Мэр Москвы", "The Mayor of Moscow")
            lines.append(
                f"quote = {{ original = {_q(original)}, translation = {_q(translation)}, "
                f"speaker = {speaker} }}"
            )
        if kind == "derived":
            lines.append(f"derivation = {_loc('Сумма двух показателей', 'The sum of two figures')}")
        if rng.random() < 0.05:
            lines.append(f"note = {_loc('Оценка', 'An estimate')}")
        lines.append("")
        if (i + 1) % FACTS_PER_FILE == 0 or i + 1 == n_facts:
            file_no += 1
            total_bytes += _write(directory / f"facts-{file_no:03d}.toml", lines)
            lines = []

    if entities:
        total_bytes += _write_entities(directory, rng, entities, leaves[0].path, source_ids)

    return GeneratedPack(
        directory=directory,
        facts=n_facts,
        sections=len(sections),
        series=len(series_for),
        sources=n_sources,
        marker=FIRST_ROOT_TITLE_EN,
        leaf=leaves[0].path,
        search_word=SEARCH_WORD_EN,
        bytes=total_bytes,
        entities=entities,
        entity_section=leaves[0].path if entities else None,
    )


# Entities (bench/entities.py measures the table they fill) ---------------------------------

DISTRICTS = (
    ("ЦАО", "Central"),
    ("САО", "Northern"),
    ("ЮВАО", "South-Eastern"),
    ("ЗелАО", "Zelenograd"),
)
SPECIALISATIONS = (
    ("микроэлектроника", "microelectronics"),
    ("ИТ", "IT"),
    ("биомедицина", "biomedicine"),
)


def _entity_lines(rng: random.Random, index: int, section: str, sources: list[str]) -> list[str]:
    """One technopark and its attribute facts; some attributes are missing, some conflict."""
    entity_id = f"technopark-{index + 1:06d}"
    name_ru = f"Технопарк «{rng.choice(RU_WORDS).capitalize()}-{index + 1}»"
    name_en = f"{rng.choice(EN_WORDS).capitalize()}-{index + 1} Technopark"
    lines = [
        "[[entity]]",
        f'id = "{entity_id}"',
        'kind = "technopark"',
        f'section = "{section}"',
        f"name = {_loc(name_ru, name_en)}",
        "",
    ]

    def fact(attribute: str, n: int, kind: str, text: tuple[str, str], *body: str) -> None:
        lines.extend(
            [
                "[[fact]]",
                f'id = "{entity_id}-{attribute}-{n}"',
                f'section = "{section}"',
                f'entity = "{entity_id}"',
                f'attribute = "{attribute}"',
                f'kind = "{kind}"',
                f'source = "{rng.choice(sources)}"',
                f"text = {_loc(*text)}",
                *body,
                "",
            ]
        )

    status = ("Статус технопарка", "Technopark status")
    fact("status-year", 1, "reported", status, f"year = {rng.randint(2012, 2025)}")
    if rng.random() < 0.9:
        fact("district", 1, "description", rng.choice(DISTRICTS))
    if rng.random() < 0.7:
        fact("specialisation", 1, "description", rng.choice(SPECIALISATIONS))
    if rng.random() < 0.6:
        areas = 3 if rng.random() < 0.1 else 1  # conflicting pages, all shown
        for n in range(1, areas + 1):
            value = f"value = {rng.randint(5, 90) * 1000}"
            fact("area", n, "reported", ("Площадь", "Area"), value, 'unit = "m2"',
                 'qualifier = "exactly"', "year = 2024")  # fmt: skip
    if rng.random() < 0.5:
        value = f"value = {rng.randint(1, 60) * 50}"
        fact("staff", 1, "reported", ("Сотрудники", "Staff"), value, 'unit = "employees"',
             'qualifier = "about"', "year = 2024")  # fmt: skip
    return lines


def _write_entities(
    directory: Path, rng: random.Random, count: int, section: str, sources: list[str]
) -> int:
    """Write `count` technoparks to entities-NNN.toml files, with the section's count fact."""
    total = 0
    lines = [
        "[[fact]]",
        'id = "entities-count"',
        f'section = "{section}"',
        'kind = "reported"',
        f'source = "{sources[0]}"',
        f"text = {_loc('Технопарки города', 'Technoparks of the city')}",
        f"value = {count + count // 10}",
        'unit = "technoparks"',
        'qualifier = "exactly"',
        "year = 2025",
        "",
    ]
    file_no = 0
    for index in range(count):
        lines += _entity_lines(rng, index, section, sources)
        if (index + 1) % 2_000 == 0 or index + 1 == count:
            file_no += 1
            total += _write(directory / f"entities-{file_no:03d}.toml", lines)
            lines = []
    return total


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("facts", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--entities", type=int, default=0, help="named technoparks to add")
    args = parser.parse_args(argv)
    info = generate(args.facts, args.directory, args.seed, entities=args.entities)
    print(info)


if __name__ == "__main__":
    main()
