"""The one builder of test packs: a Pack in code with keyword overrides, and TOML pack folders.

- `build_pack(**overrides)`: a small pack in code, so tests do not depend on the shipped content
  (any `Pack` field can be replaced: `build_pack(facts=(...))`).
- `make_pack(facts, sections=..., quotes=...)`: a pack of just the given facts, in flat sections.
- `make_fact(**fields)`, `make_section(path, ...)`: one entry with defaults for what a test
  does not care about.
- `write_pack_dir(folder, files, drop=..., base=...)`: a TOML pack folder on disk, a copy of
  tests/data/valid with files added, replaced or removed (conftest's `make_pack` fixture).
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tui.pack.model import (
    Basis,
    Fact,
    FactKind,
    Localized,
    Pack,
    Qualifier,
    Quote,
    Section,
    Series,
    SeriesPoint,
    Source,
)

DATA_DIR = Path(__file__).parent / "data"
VALID_PACK_DIR = DATA_DIR / "valid"

TASS = "tass-2025-10-22"
OLD = "chelorg-2018-10-25"
# The section the app tests start on by default: it has facts, cards and a series.
START = "infrastructure/technoparks"


def L(ru: str, en: str) -> Localized:
    return Localized(ru=ru, en=en)


def _sections() -> dict[str, Section]:
    spec: list[tuple[str, str | None, Localized, Localized, tuple[str, ...]]] = [
        (
            "overview",
            None,
            L("Обзор", "Overview"),
            L("Коротко о докладе.", "The report in brief."),
            (),
        ),
        (
            "infrastructure",
            None,
            L("Инфраструктура", "Infrastructure"),
            L("Технополис и технопарки.", "The technopolis and the technoparks."),
            ("infrastructure/technopolis", "infrastructure/technoparks"),
        ),
        (
            "infrastructure/technopolis",
            "infrastructure",
            L("Технополис «Москва»", "Technopolis Moscow"),
            L("Особая экономическая зона.", "A special economic zone."),
            (),
        ),
        (
            "infrastructure/technoparks",
            "infrastructure",
            L("Технопарки", "Technoparks"),
            L("Сеть технопарков города.", "The city's network of technoparks."),
            (),
        ),
        (
            "support",
            None,
            L("Поддержка", "Support"),
            L("Меры поддержки бизнеса.", "Support measures for business."),
            ("support/export", "support/sme", "support/innovation"),
        ),
        (
            "support/export",
            "support",
            L("Экспорт", "Export"),
            L("Помощь экспортёрам.", "Help for exporters."),
            (),
        ),
        (
            "support/sme",
            "support",
            L("МСП", "Small business"),
            L("Малый бизнес.", "Small firms."),
            (),
        ),
        (
            "support/innovation",
            "support",
            L("Инновации", "Innovation"),
            L("Инновационные компании.", "Innovative companies."),
            (),
        ),
        ("quotes", None, L("Цитаты", "Quotes"), L("Что сказал мэр.", "What the mayor said."), ()),
    ]
    sections: dict[str, Section] = {}
    for order, (path, parent, ttl, summary, children) in enumerate(spec, start=1):
        sections[path] = Section(
            id=path.rsplit("/", 1)[-1],
            path=path,
            title=ttl,
            summary=summary,
            order=order,
            parent=parent,
            children=children,
        )
    return sections


def build_pack(**overrides: Any) -> Pack:
    """Sections overview, infrastructure/{technopolis,technoparks}, support/{export,sme,innovation},
    quotes; a quote, a derived fact, a target, a series with a gap and one not linked to a fact.

    `overrides` replace fields of the Pack (`facts=...`, `sections=...`, `title=...`).
    """
    sources = {
        TASS: Source(
            id=TASS,
            publisher="TASS",
            title="Собянин: в Москве продолжится развитие",
            date=date(2025, 10, 22),
            url="https://tass.ru/ekonomika/1",
            language="ru",
            primary=True,
        ),
        OLD: Source(
            id=OLD,
            publisher="Chel.org",
            title="Технопарки Москвы",
            date=date(2018, 10, 25),
            url=None,
            language="ru",
        ),
    }
    E = Qualifier.EXACTLY
    facts = (
        Fact(
            "overview-jobs",
            "overview",
            FactKind.TARGET,
            L("В городе создадут новые рабочие места.", "New jobs will be created in the city."),
            TASS,
            value=90000,
            unit="jobs",
            qualifier=Qualifier.OVER,
            year=2030,
        ),
        Fact(
            "overview-text",
            "overview",
            FactKind.DESCRIPTION,
            L("Доклад о высоких технологиях.", "A report on high technology."),
            TASS,
        ),
        Fact(
            "infrastructure-sites",
            "infrastructure",
            FactKind.REPORTED,
            L("Всего площадок инфраструктуры.", "Infrastructure sites in total."),
            TASS,
            value=120,
            unit="sites",
            qualifier=Qualifier.ABOUT,
            year=2025,
        ),
        Fact(
            "technopolis-residents",
            "infrastructure/technopolis",
            FactKind.REPORTED,
            L("Резиденты технополиса.", "Residents of the technopolis."),
            TASS,
            value=150,
            unit="companies",
            qualifier=Qualifier.OVER,
            year=2025,
        ),
        Fact(
            "technopolis-area",
            "infrastructure/technopolis",
            FactKind.REPORTED,
            L("Площадь технополиса.", "Area of the technopolis."),
            TASS,
            value=2000000,
            unit="m2",
            qualifier=E,
            year=2025,
        ),
        Fact(
            "technoparks-count",
            "infrastructure/technoparks",
            FactKind.REPORTED,
            L("В Москве работают технопарки.", "Technoparks operate in Moscow."),
            TASS,
            value=49,
            unit="technoparks",
            qualifier=E,
            year=2025,
            series="technoparks-count",
        ),
        Fact(
            "technoparks-growth",
            "infrastructure/technoparks",
            FactKind.DERIVED,
            L("Рост числа технопарков с 2014 года.", "Growth of the technopark count since 2014."),
            TASS,
            value=8.2,
            unit="times",
            qualifier=Qualifier.ABOUT,
            year=2025,
            derivation=L("49 в 2025 / 6 в 2014", "49 in 2025 / 6 in 2014"),
        ),
        Fact(
            "technoparks-specialists",
            "infrastructure/technoparks",
            FactKind.REPORTED,
            L("В технопарках работают специалисты.", "Specialists work in the technoparks."),
            TASS,
            value=75000,
            unit="specialists",
            qualifier=Qualifier.ABOUT,
            year=2025,
        ),
        Fact(
            "export-contracts",
            "support/export",
            FactKind.REPORTED,
            L("Экспортные контракты.", "Export contracts signed."),
            TASS,
            value=3900,
            unit="contracts",
            qualifier=Qualifier.OVER,
            year=2025,
            since=2017,
        ),
        Fact(
            "sme-support",
            "support/sme",
            FactKind.DESCRIPTION,
            L("Малому бизнесу дают льготы.", "Small firms get tax breaks."),
            TASS,
        ),
        Fact(
            "innovation-growth",
            "support/innovation",
            FactKind.TARGET,
            L("Рост инновационного сектора.", "Growth of the innovation sector."),
            TASS,
            value=3.5,
            unit="times",
            qualifier=E,
            year=2030,
        ),
        Fact(
            "quote-mayor",
            "quotes",
            FactKind.QUOTE,
            L("Мэр о технопарках.", "The mayor on technoparks."),
            TASS,
            quote=Quote(
                original="Технопарки стали точками роста.",
                translation="Technoparks have become growth points.",
                speaker=L("Сергей Собянин", "Sergei Sobyanin"),
            ),
        ),
    )
    series = {
        "technoparks-count": Series(
            id="technoparks-count",
            section="infrastructure/technoparks",
            title=L("Число технопарков", "Number of technoparks"),
            unit="technoparks",
            basis=Basis.HISTORY,
            points=(
                SeriesPoint(2014, 6, OLD),
                SeriesPoint(2015, 10, OLD),
                SeriesPoint(2018, 33, OLD),
                SeriesPoint(2025, 49, TASS),
            ),
        ),
        "export-volume": Series(
            id="export-volume",
            section="support/export",
            title=L("Экспортные контракты по годам", "Export contracts by year"),
            unit="contracts",
            basis=Basis.TARGET,
            points=(SeriesPoint(2023, 100, TASS), SeriesPoint(2024, 300, TASS)),
            rule=L("Плановая траектория.", "The planned path."),
        ),
    }
    pack = Pack(
        title=L("Москва: высокие технологии", "Moscow: high technology"),
        primary_source=TASS,
        sources=sources,
        sections=_sections(),
        facts=facts,
        series=series,
    )
    return dataclasses.replace(pack, **overrides) if overrides else pack


MARKUP_TEXTS = ("[bold]x[/]", "[@click=app.quit]q[/]", "[$accent]", "50%", "[/]")


def markup_pack() -> Pack:
    """The same pack with markup-looking text in titles, summaries, facts and quotes."""
    base = build_pack()
    bad = " ".join(MARKUP_TEXTS)
    sections = {
        path: dataclasses.replace(
            s, title=L(f"{s.title.ru} {bad}", f"{s.title.en} {bad}"), summary=L(bad, bad)
        )
        for path, s in base.sections.items()
    }
    facts = tuple(
        dataclasses.replace(
            f,
            text=L(f"{f.text.ru} {bad}", f"{f.text.en} {bad}"),
            quote=(Quote(original=bad, translation=bad, speaker=L(bad, bad)) if f.quote else None),
            derivation=L(bad, bad) if f.derivation else None,
        )
        for f in base.facts
    )
    series = {key: dataclasses.replace(s, title=L(bad, bad)) for key, s in base.series.items()}
    sources = {
        key: dataclasses.replace(s, publisher=f"{s.publisher} [b]{bad}")
        for key, s in base.sources.items()
    }
    return dataclasses.replace(
        base,
        title=L(bad, bad),
        sections=sections,
        facts=facts,
        series=series,
        sources=sources,
    )


def make_fact(
    id: str = "fact",
    section: str = "overview",
    kind: FactKind = FactKind.DESCRIPTION,
    text: Localized | None = None,
    source: str | None = TASS,
    **fields: Any,
) -> Fact:
    """One fact; `fields` are any other Fact fields (value, unit, qualifier, year, quote, ...)."""
    text = text if text is not None else L(f"Факт {id}.", f"Fact {id}.")
    return Fact(id, section, kind, text, source, **fields)


def make_section(
    path: str,
    title: Localized | None = None,
    summary: Localized | None = None,
    *,
    order: int = 1,
    children: tuple[str, ...] = (),
) -> Section:
    """One section at `path`; its parent is the path without the last part."""
    parent, _, slug = path.rpartition("/")
    return Section(
        id=slug,
        path=path,
        title=title if title is not None else L(f"Раздел {path}", f"Part {path}"),
        summary=summary if summary is not None else L("", ""),
        order=order,
        parent=parent or None,
        children=children,
    )


def make_pack(
    facts: Sequence[Fact | tuple[str, str, str]] | None = None,
    sections: Sequence[Section | tuple[str, Localized, Localized]] | None = None,
    quotes: Mapping[str, Quote] | None = None,
    **overrides: Any,
) -> Pack:
    """`build_pack()` when no facts are given; else a pack of just `facts` and their sections.

    A fact may be given as (section path, ru, en): it becomes a description with the id
    `f<position>`, or a quote when `quotes` has that id. Sections default to one flat section
    per path the facts use; a section may be given as (path, title, summary).
    """
    if facts is None:
        return build_pack(**overrides)
    quotes = quotes or {}
    built: list[Fact] = []
    for number, fact in enumerate(facts):
        if isinstance(fact, Fact):
            built.append(fact)
            continue
        path, ru, en = fact
        fact_id = f"f{number}"
        quote = quotes.get(fact_id)
        kind = FactKind.QUOTE if quote is not None else FactKind.DESCRIPTION
        built.append(make_fact(fact_id, path, kind, L(ru, en), quote=quote))
    if sections is None:
        sections = [make_section(path) for path in dict.fromkeys(f.section for f in built)]
    made = [
        section if isinstance(section, Section) else make_section(section[0], *section[1:])
        for section in sections
    ]
    sections_by_path = {
        section.path: dataclasses.replace(section, order=order)
        for order, section in enumerate(made)
    }
    return build_pack(sections=sections_by_path, facts=tuple(built), series={}, **overrides)


def write_pack_dir(
    folder: Path,
    files: Mapping[str, str | bytes] | None = None,
    *,
    drop: Sequence[str] = (),
    base: Path | None = VALID_PACK_DIR,
) -> Path:
    """A TOML pack in `folder`: a copy of `base` (None: empty) with `files` written over it and
    `drop` removed. Returns `folder`."""
    if base is not None:
        shutil.copytree(base, folder)
    else:
        folder.mkdir(parents=True)
    for file_name in drop:
        (folder / file_name).unlink()
    for file_name, content in (files or {}).items():
        path = folder / file_name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
