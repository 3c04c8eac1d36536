"""A small pack built in code, so app tests do not depend on the shipped content."""

from __future__ import annotations

from datetime import date

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

TASS = "tass-2025-10-22"
OLD = "chelorg-2018-10-25"


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


def build_pack() -> Pack:
    """Sections overview, infrastructure/{technopolis,technoparks}, support/{export,sme,innovation},
    quotes; a quote, a derived fact, a target, a series with a gap and one not linked to a fact."""
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
    return Pack(
        title=L("Москва: высокие технологии", "Moscow: high technology"),
        primary_source=TASS,
        sources=sources,
        sections=_sections(),
        facts=facts,
        series=series,
    )


MARKUP_TEXTS = ("[bold]x[/]", "[@click=app.quit]q[/]", "[$accent]", "50%", "[/]")


def markup_pack() -> Pack:
    """The same pack with markup-looking text in titles, summaries, facts and quotes."""
    import dataclasses

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
