"""The words of the evidence layer (fact detail, sources, charts, series copies): part of the one
word table, `tui.text.words.STRINGS`, kept in a module of its own only for its length.
"""

from __future__ import annotations

# key → (ru, en)
EVIDENCE_WORDS: dict[str, tuple[str, str]] = {
    # Fact detail.
    "detail.kind": ("Вид", "Kind"),
    "detail.value": ("Значение", "Value"),
    "detail.year": ("Год", "Year"),
    "detail.year-target": (
        "{year} (срок цели: {timing})",
        "{year} (the goal's deadline: {timing})",
    ),
    "detail.timing.by": ("к концу года", "by the end of that year"),
    "detail.timing.in": ("в течение года", "during that year"),
    "detail.since": ("Считается с", "Counted since"),
    "detail.quote": ("Цитата", "Quote"),
    "detail.translation": ("Перевод", "Translation"),
    "detail.speaker": ("Автор", "Speaker"),
    "detail.note": ("Примечание", "Note"),
    "detail.evidence": ("В источнике: «{quote}»", "The source says: «{quote}»"),
    "detail.source": ("Источник", "Source"),
    "detail.publisher": ("Издатель", "Publisher"),
    "detail.title": ("Заголовок", "Title"),
    "detail.date": ("Дата", "Date"),
    "detail.language": ("Язык", "Language"),
    "detail.url": ("Адрес", "URL"),
    "detail.no-url": ("адреса нет", "no URL"),
    "detail.source-note": ("О странице", "About the page"),
    "detail.also": ("Также сообщили в тот же день", "Also reported that day by"),
    "detail.series": (
        "Ряд: {title} — клавиша v открывает график",
        "Series: {title} — press v for its chart",
    ),
    "detail.inputs": ("Из фактов", "From the facts"),
    "detail.rule": ("Правило", "Rule"),
    "detail.missing-input": ("(факт {id} не найден)", "(fact {id} not found)"),
    "detail.keys": (
        "o — открыть адрес · y — копировать адрес · v — график · Esc — закрыть",
        "o open the URL · y copy the URL · v chart · Esc close",
    ),
    "language.ru": ("русский", "Russian"),
    "language.en": ("английский", "English"),
    # Opening and copying a URL.
    "url.opening": ("Открываю в браузере: {url}", "Opening in the browser: {url}"),
    "url.none": ("У этого источника нет адреса", "This source has no URL"),
    "url.not-web": (
        "Открываются только адреса http и https: {url}",
        "Only http and https addresses are opened: {url}",
    ),
    "url.failed": ("Браузер не открыл {url}: {detail}", "No browser opened {url}: {detail}"),
    "url.nothing": ("Здесь нет источника", "No source here"),
    # Sources list.
    "sources.title": ("Источники: {count}", "Sources: {count}"),
    "sources.counts": ("фактов: {facts}, точек рядов: {points}", "{facts} facts, {points} points"),
    "sources.cites": ("Что ссылается на источник", "What cites this source"),
    "sources.keys": (
        "Enter — что ссылается · o — открыть · y — копировать адрес · Esc — закрыть",
        "Enter what cites it · o open · y copy URL · Esc close",
    ),
    "cites.keys": ("Enter — перейти · Esc — назад", "Enter go there · Esc back"),
    "cites.point": ("точка ряда", "point"),
    "cites.none": ("Ничто не ссылается на этот источник", "Nothing cites this source"),
    # Chart.
    "chart.none": ("Здесь нет ряда для графика", "No series to chart here"),
    "chart.unit": ("единица: {unit}", "unit: {unit}"),
    "chart.legend.exact": ("точно", "exact"),
    "chart.legend.about": ("≈ около", "≈ about"),
    "chart.legend.over": ("▲ более (нижняя граница)", "▲ over (a lower bound)"),
    "chart.legend.up-to": ("▼ до (верхняя граница)", "▼ up to (an upper bound)"),
    "chart.legend.target": ("цель, а не факт", "target, not a fact"),
    "chart.legend.note": ("* у точки есть примечание", "* the point has a note"),
    "chart.from-zero": ("ось от нуля", "axis from zero"),
    "chart.keys": (
        "←/→ h/l — год · o — открыть источник · y — копировать адрес · c/C — копировать ряд · "
        "Esc — закрыть",
        "←/→ h/l year · o open source · y copy URL · c/C copy series · Esc close",
    ),
    "chart.qualifier": ("Оговорка", "Qualifier"),
    # Series copies.
    "series.basis": ("Основа", "Basis"),
    "series.unit": ("Единица", "Unit"),
    "series.missing": ("Нет данных за", "No data for"),
    "series.sources": ("Источники (по одному на точку)", "Sources (one per point)"),
    # Cards.
    "card.series": ("Ряд: {title}", "Series: {title}"),
    "card.scale": ("шкала", "scale"),
    "card.derived": ("Расчёт moscow-tui, не источника: ", "Computed by moscow-tui, not a source: "),
    "card.noted": ("* — у точки есть примечание (v — график)", "* has a note (v: chart)"),
    # A qualifier in words, as the detail and the chart say it: "more than 90 000 jobs".
    "qualifier.over.words": ("более", "more than"),
}
