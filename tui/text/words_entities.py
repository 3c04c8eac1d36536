"""The words of the entity views (tree labels, table, entity screen): part of the one word
table, `tui.text.words.STRINGS`, kept in a module of its own only for its length.
"""

from __future__ import annotations

ENTITY_WORDS: dict[str, tuple[str, str]] = {
    "entities.named": (
        "Названы в открытых источниках: {count}",
        "{count} named in public statements",
    ),
    "entities.named-of": (
        "Названы в открытых источниках: {count} из {total}",
        "{count} named in public statements, of {total}",
    ),
    "entities.named-short": ("Названы публично: {count}", "{count} named publicly"),
    "entities.named-of-short": (
        "Названы публично: {count} из {total}",
        "{count} named publicly, of {total}",
    ),
    "entities.col.name": ("Название", "Name"),
    "entities.col.status-year": ("Год", "Year"),
    "entities.col.district": ("Район", "District"),
    "entities.col.specialisation": ("Профиль", "Focus"),
    "entities.col.area": ("Площадь", "Area"),
    "entities.col.staff": ("Штат", "Staff"),
    "entities.attr.status-year": ("Год статуса", "Year of status"),
    "entities.attr.district": ("Район", "District"),
    "entities.attr.address": ("Адрес", "Address"),
    "entities.attr.specialisation": ("Специализация", "Specialisation"),
    "entities.attr.operator": ("Управляющая компания", "Operator"),
    "entities.attr.area": ("Площадь", "Area"),
    "entities.attr.staff": ("Сотрудники", "Staff"),
    "entities.attr.residents": ("Резиденты", "Residents"),
    "entities.filter-prompt": ("Фильтр: начните печатать…", "Filter: type to narrow…"),
    "entities.shown": ("Строки {first}–{last} из {count}", "Rows {first}–{last} of {count}"),
    "entities.shown-filtered": (
        "Строки {first}–{last} из {count} (всего {total})",
        "Rows {first}–{last} of {count} ({total} in all)",
    ),
    "entities.none-match": ("Ничего не найдено", "No matches"),
    "entities.sorted": ("сортировка: {column} {arrow}", "sorted by {column} {arrow}"),
    "entities.entity-facts": ("Факты с источниками", "Facts with their sources"),
    "entities.no-entity-facts": ("Об этом месте фактов нет.", "No facts about this place."),
    "entities.kind.technopark": ("Технопарк", "Technopark"),
    "entities.kind.sez-site": ("Площадка ОЭЗ", "SEZ site"),
    "entities.kind.cluster": ("Кластер", "Cluster"),
    "entities.kind.support-measure": ("Мера поддержки", "Support measure"),
    "entities.kind.service": ("Сервис", "Service"),
    "entities.kind.organisation": ("Организация", "Organisation"),
    "entities.in-section": ("Раздел: {section}", "Section: {section}"),
    "entities.sort": ("Сортировать", "Sort"),
    "entities.reverse": ("Обратный порядок", "Reverse"),
    "entities.filter": ("Фильтр", "Filter"),
    "entities.open": ("Открыть", "Open"),
    "entity.back": ("Назад", "Back"),
    "entity.copy": ("Копировать", "Copy"),
}
