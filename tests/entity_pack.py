"""The small test pack of app_helpers with named places: 40 technoparks, 3 SEZ sites, 2 measures.

Built in code like `build_pack`, so the entity tests need neither the loader's support for
`[[entity]]` nor the shipped content. The technoparks have attributes (status year, district,
specialisation, area, staff); «Калибр» has three conflicting areas, all of which must show.
"""

from __future__ import annotations

import dataclasses

from app_helpers import TASS, L, build_pack

from tui.pack.model import Entity, EntityKind, Fact, FactKind, Localized, Pack, Qualifier

TECHNOPARKS = "infrastructure/technoparks"
TECHNOPOLIS = "infrastructure/technopolis"
SME = "support/sme"

NAMES: list[tuple[str, str]] = [
    ("Калибр", "Kalibr"), ("Слава", "Slava"), ("Строгино", "Strogino"),
    ("Мосгормаш", "Mosgormash"), ("Сапфир", "Sapfir"), ("ВИЗБАС", "VIZBAS"),
    ("ТехноСпарк", "TechnoSpark"), ("ВТИ", "VTI"), ("Рикор", "Rikor"), ("Нагатино", "Nagatino"),
    ("Пульсар", "Pulsar"), ("Элма", "Elma"), ("Отрадное", "Otradnoye"), ("Фотоника", "Fotonika"),
    ("Темп", "Temp"), ("Тиснум", "Tisnum"), ("Научный парк МГУ", "MSU Science Park"),
    ("Физтехпарк", "Fiztekhpark"), ("Модуль", "Modul"), ("Полюс", "Polyus"),
    ("ЦНИИТМАШ", "TsNIITMASh"), ("Водный стадион", "Vodny Stadion"), ("Горизонт", "Gorizont"),
    ("Системы прецизионного приборостроения", "Precision Instrument Systems"),
    ("Останкино", "Ostankino"), ("Мосмедпарк", "Mosmedpark"), ("Семёновский", "Semyonovsky"),
    ("Рябиновая 44", "Ryabinovaya 44"), ("ЗИЛ", "ZIL"), ("СТМП-Зеленоград", "STMP-Zelenograd"),
    ("НТВ", "NTV"), ("СНИИП", "SNIIP"), ("НИЦЭВТ", "NITsEVT"), ("707", "707"),
    ("Медтех.Москва", "Medtech.Moscow"), ("Дом легпрома", "Light Industry House"),
    ("Московский завод полиметаллов", "Moscow Polymetals Plant"), ("Ренова Лаб", "Renova Lab"),
    ("Сколково", "Skolkovo"), ("Зеленоград", "Zelenograd"),
]  # fmt: skip
DISTRICTS = [
    ("ЦАО", "Central"), ("САО", "Northern"), ("СВАО", "North-Eastern"), ("ВАО", "Eastern"),
    ("ЮВАО", "South-Eastern"), ("ЮАО", "Southern"), ("ЗАО", "Western"), ("ЗелАО", "Zelenograd"),
]  # fmt: skip
SPECIALISATIONS = [
    ("микроэлектроника", "microelectronics"), ("информационные технологии", "IT"),
    ("биомедицина", "biomedicine"), ("приборостроение", "instrument-making"),
    ("машиностроение", "machine-building"), ("лазеры и оптика", "lasers and optics"),
]  # fmt: skip
KALIBR_AREAS = (75000.0, 18000.0, 28500.0)


def technopark_name(index: int) -> Localized:
    ru, en = NAMES[index]
    return L(f"Технопарк «{ru}»", f"{en} Technopark")


def _attribute(entity: Entity, attribute: str, n: int, **fields: object) -> Fact:
    text = L(f"{entity.name.ru}: {attribute}", f"{entity.name.en}: {attribute}")
    values: dict[str, object] = {"kind": FactKind.REPORTED, "text": text, "source": TASS}
    values.update(fields)
    return Fact(
        id=f"{entity.id}-{attribute}-{n}",
        section=entity.section,
        entity=entity.id,
        attribute=attribute,
        **values,  # type: ignore[arg-type]
    )


def technopark_facts(index: int, entity: Entity) -> list[Fact]:
    """Attributes of technopark `index`: some are missing, as they are in real statements."""
    facts = [_attribute(entity, "status-year", 1, year=2012 + index % 14)]
    district = DISTRICTS[index % len(DISTRICTS)]
    facts.append(_attribute(entity, "district", 1, kind=FactKind.DESCRIPTION, text=L(*district)))
    if index % 5 != 4:
        spec = SPECIALISATIONS[index % len(SPECIALISATIONS)]
        facts.append(
            _attribute(entity, "specialisation", 1, kind=FactKind.DESCRIPTION, text=L(*spec))
        )
    areas = KALIBR_AREAS if index == 0 else ((index * 7919 % 90 + 5) * 1000.0,)
    if index == 0 or index % 3 != 2:
        for n, area in enumerate(areas, start=1):
            facts.append(
                _attribute(
                    entity, "area", n, value=area, unit="m2", qualifier=Qualifier.EXACTLY, year=2017
                )
            )
    if index % 4 != 3:
        staff = (index * 37 % 50 + 1) * 50.0
        facts.append(
            _attribute(entity, "staff", 1, value=staff, unit="employees", qualifier=Qualifier.ABOUT)
        )
    return facts


def entity_pack(technoparks: int = 40) -> Pack:
    """build_pack() plus named technoparks (with attributes), SEZ sites and SME measures."""
    base = build_pack()
    entities: dict[str, Entity] = {}
    facts: list[Fact] = []
    for index in range(technoparks):
        entity = Entity(
            id=f"technopark-{index:05d}",
            kind=EntityKind.TECHNOPARK,
            name=technopark_name(index % len(NAMES))
            if index < len(NAMES)
            else L(f"Технопарк №{index}", f"Technopark No. {index}"),
            section=TECHNOPARKS,
            summary=L("Технопарк со статусом Москвы.", "A technopark with Moscow status."),
        )
        entities[entity.id] = entity
        facts += technopark_facts(index, entity)
    for n, (ru, en) in enumerate((("Алабушево", "Alabushevo"), ("Печатники", "Pechatniki"))):
        site = Entity(f"sez-{n}", EntityKind.SEZ_SITE, L(ru, en), TECHNOPOLIS)
        entities[site.id] = site
        facts.append(
            _attribute(site, "area", 1, value=100.0 + n, unit="ha", qualifier=Qualifier.ABOUT)
        )
    measure = Entity("sme-grant", EntityKind.SUPPORT_MEASURE, L("Гранты МСП", "SME grants"), SME)
    entities[measure.id] = measure
    # Entity facts follow their section's own facts, as the loader orders them.
    ordered = [
        fact
        for path in base.sections
        for fact in [*base.facts_in(path), *(f for f in facts if f.section == path)]
    ]
    return dataclasses.replace(base, facts=tuple(ordered), entities=entities)
