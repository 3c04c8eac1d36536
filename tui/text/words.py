"""The program's own words in Russian and English, and the language the locale asks for.

Content carries its own translations; this one table holds every word the program adds (bindings,
headings, toasts, the names of kinds and qualifiers, the labels of copies and exports), so that
`L` switches everything a reader sees and each thing is worded once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from tui.pack.model import Basis, FactKind, Lang, Localized, Qualifier
from tui.pack.sanitize import sanitize
from tui.text.words_entities import ENTITY_WORDS
from tui.text.words_evidence import EVIDENCE_WORDS

# key → (ru, en)
STRINGS: dict[str, tuple[str, str]] = {
    # Bindings, by binding id.
    "quit": ("Выход", "Quit"),
    "help": ("Справка", "Help"),
    "lang": ("English", "Русский"),
    "search": ("Поиск", "Search"),
    "copy-fact": ("Копировать", "Copy"),
    "copy-section": ("Копировать раздел", "Copy section"),
    "toggle-tree": ("Дерево", "Tree"),
    "tree.up": ("Вверх", "Up"),
    "tree.down": ("Вниз", "Down"),
    "tree.open": ("Раскрыть / войти", "Open / enter"),
    "tree.close": ("Свернуть / к родителю", "Close / to parent"),
    "tree.first": ("Первый раздел", "First section"),
    "tree.last": ("Последний раздел", "Last section"),
    "facts.up": ("Предыдущий факт", "Previous fact"),
    "facts.down": ("Следующий факт", "Next fact"),
    "facts.first": ("Первый факт", "First fact"),
    "facts.last": ("Последний факт", "Last fact"),
    "close": ("Закрыть", "Close"),
    # A long load (the first screen while the pack is checked beside it).
    "loading-title": ("Факты загружаются и проверяются…", "Loading and checking the facts…"),
    "loading-starting": ("Начинаем чтение файлов…", "Starting to read the files…"),
    "loading-reading": (
        "Прочитано файлов: {files} из {listed}, фактов: {facts}",
        "Read {files} of {listed} files, {facts} facts",
    ),
    "loading-checking": (
        "Проверка ссылок между фактами ({facts})…",
        "Checking the references between {facts} facts…",
    ),
    "loading-building": ("Сборка: {facts} фактов…", "Building the pack: {facts} facts…"),
    # Evidence (issue 9): the keys of the detail, sources and chart.
    "detail": ("Подробно", "Detail"),
    "open-url": ("Открыть адрес", "Open URL"),
    "copy-url": ("Копировать адрес", "Copy URL"),
    "sources": ("Источники", "Sources"),
    "chart": ("График", "Chart"),
    "chart.prev": ("Предыдущий год", "Previous year"),
    "chart.next": ("Следующий год", "Next year"),
    "copy-series": ("Копировать ряд", "Copy series"),
    "copy-series-md": ("Копировать таблицу", "Copy table"),
    "command_palette": ("Команды", "Commands"),
    # Panel.
    "facts": ("Факты", "Facts"),
    "overview": ("Обзор", "Overview"),
    "no-facts": ("В этом разделе нет фактов.", "No facts in this section."),
    "more-figures": (
        "Ещё показателей — в списке фактов ниже: {count}",
        "{count} more figures in the fact list below",
    ),
    # Labels before a fact's parts, on screen and in copies and exports.
    "derivation": ("Как получено: ", "How it was derived: "),
    "computed": (
        "Вычислено moscow-tui, а не издателем: ни один источник этого числа не печатал.",
        "Computed by moscow-tui, not by a publisher: no source printed this figure.",
    ),
    "computed.from": ("Из фактов:", "From the facts:"),
    "speaker": ("Автор: ", "Speaker: "),
    "translation": ("Перевод: ", "Translation: "),
    "note": ("Примечание: ", "Note: "),
    "rule": ("Правило: ", "Rule: "),
    "no-data": ("нет данных", "no data"),
    "range": ("диапазон", "range"),
    "series": ("Ряды", "Series"),
    # Words inside a figure: "> 3 900 contracts since 2017", "90 000 jobs by 2030", "2 million m²".
    "since": ("с", "since"),
    "timing.by": ("к", "by"),
    "timing.in": ("в", "in"),
    "undated": ("без даты", "undated"),
    "scale.billion": ("млрд", "billion"),
    "scale.million": ("млн", "million"),
    # Publishers whose name has a Russian form: "ТАСС" in Russian text (by the content's name).
    "publisher.TASS": ("ТАСС", "TASS"),
    # Named places and measures (entities) and their kinds.
    "entities": ("Названные в источниках", "Named in the sources"),
    "entity.technopark": ("технопарк", "technopark"),
    "entity.sez-site": ("площадка ОЭЗ", "SEZ site"),
    "entity.cluster": ("кластер", "cluster"),
    "entity.support-measure": ("мера поддержки", "support measure"),
    "entity.service": ("сервис", "service"),
    "entity.organisation": ("организация", "organisation"),
    # Names of the kinds of fact, the source's qualifiers and the bases of a series.
    "kind.reported.name": ("данные", "reported"),
    "kind.target.name": ("цель", "target"),
    "kind.quote.name": ("цитата", "quote"),
    "kind.description.name": ("описание", "description"),
    "kind.derived.name": ("расчёт", "derived"),
    "qualifier.over.name": ("более", "over"),
    "qualifier.about.name": ("около", "about"),
    "qualifier.exactly.name": ("ровно", "exactly"),
    "qualifier.up-to.name": ("до", "up to"),
    # A basis's name is the short badge of a card; the bare key says what it means.
    "basis.history.name": ("история", "history"),
    "basis.target.name": ("цель", "target"),
    "basis.derived.name": ("расчёт", "derived"),
    "basis.history": ("история датированных сообщений", "history of dated statements"),
    "basis.target": ("целевая траектория", "target path"),
    "basis.derived": ("расчёт", "derived"),
    # Too small.
    "too-small": (
        "Окно терминала слишком маленькое (нужно {need_w}×{need_h}, сейчас {w}×{h}).\n"
        "Увеличьте окно или уменьшите шрифт.",
        "Terminal too small (need {need_w}×{need_h}, have {w}×{h}).\n"
        "Enlarge the window or make the font smaller.",
    ),
    # Copy toasts.
    "copy.both": (
        "Скопировано через OSC 52 (буфер терминала) и {tool}",
        "Copied via OSC 52 (terminal clipboard) and {tool}",
    ),
    "copy.osc-only": (
        "Отправлено через OSC 52; системная утилита буфера не найдена — в tmux включите "
        "set-clipboard",
        "Sent via OSC 52; no native clipboard tool found — in tmux enable set-clipboard",
    ),
    "copy.osc-native-failed": (
        "Отправлено через OSC 52; {tool} не сработал: {detail}",
        "Sent via OSC 52; {tool} failed: {detail}",
    ),
    "copy.native-only": (
        "Слишком много для OSC 52 ({size} КБ > {limit} КБ); скопировано через {tool}",
        "Too large for OSC 52 ({size} KB > {limit} KB); copied via {tool}",
    ),
    "copy.none": (
        "Не скопировано: слишком много для OSC 52 ({size} КБ > {limit} КБ), а системная "
        "утилита недоступна ({detail})",
        "Not copied: too large for OSC 52 ({size} KB > {limit} KB) and no native tool "
        "worked ({detail})",
    ),
    "copy.nothing": ("Здесь нечего копировать", "Nothing to copy here"),
    # Notices.
    "state-notice": ("Состояние не прочитано: {notice}", "State not read: {notice}"),
    "state-save-failed": ("Состояние не сохранено: {error}", "State not saved: {error}"),
    "unknown-section": ("Неизвестный раздел: {path}", "Unknown section: {path}"),
    # Search and palette.
    "search.placeholder": (
        "Поиск по разделам, рядам, фактам и источникам (оба языка)…",
        "Search sections, series, facts and sources (both languages)…",
    ),
    "search.none": ("Ничего не найдено", "No matches"),
    "search.count": ("Найдено: {count}", "{count} found"),
    "search.count-more": ("Найдено: более {count}", "More than {count} found"),
    "search.counting": ("Найдено: {count}…", "{count} found so far…"),
    "search.section": ("раздел", "section"),
    "search.series": ("ряд", "series"),
    "search.fact": ("факт", "fact"),
    "cmd.copy-fact": ("Копировать факт", "Copy fact"),
    "cmd.copy-fact.help": (
        "Выделенный факт с источником, как текст",
        "The highlighted fact with its citation, as plain text",
    ),
    "cmd.copy-section": ("Копировать раздел", "Copy section"),
    "cmd.copy-section.help": (
        "Раздел целиком в Markdown с источниками",
        "The whole section as Markdown with its sources",
    ),
    "cmd.switch-lang": ("Сменить язык (English)", "Switch language (Русский)"),
    "cmd.switch-lang.help": ("Русский ↔ English", "Russian ↔ English"),
    "cmd.goto.help": ("Перейти", "Go there"),
    # Help.
    "help.title": ("Справка", "Help"),
    "help.global": ("Везде", "Everywhere"),
    "help.tree": ("Дерево разделов", "Section tree"),
    "help.facts": ("Список фактов (Tab)", "Fact list (Tab)"),
    "help.kinds": ("Виды фактов", "Kinds of fact"),
    "help.qualifiers": ("Оговорки источника", "The source's qualifiers"),
    "help.bases": ("Основа рядов", "Basis of a series"),
    "help.copy": (
        "Копирование: OSC 52 (работает по SSH; в tmux нужно `set -g set-clipboard on`) и "
        "системная утилита (wl-copy, xclip, xsel, pbcopy, clip.exe), если она есть.",
        "Copying: OSC 52 (works over SSH; tmux needs `set -g set-clipboard on`) plus a native "
        "tool (wl-copy, xclip, xsel, pbcopy, clip.exe) when one is installed.",
    ),
    "help.close": ("Esc, q или ? — закрыть", "Esc, q or ? closes this"),
    "kind.reported": (
        "число или утверждение, которое источник сообщает как факт",
        "a figure or statement the source reports as fact",
    ),
    "kind.target": (
        "план или цель на будущий год (год — срок цели)",
        "a plan or goal for a future year (the year is the deadline)",
    ),
    "kind.quote": (
        "прямая цитата: оригинал, перевод и кто сказал",
        "a direct quote: the original, a translation and the speaker",
    ),
    "kind.description": ("описание без числа", "a description without a figure"),
    "kind.derived": (
        "число, вычисленное нами из других; правило расчёта показано",
        "a figure we computed from others; the rule is shown",
    ),
    "qualifier.over": ("источник говорит «более»", "the source says “over”"),
    "qualifier.about": ("источник говорит «около»", "the source says “about”"),
    "qualifier.exactly": ("точное число", "an exact figure"),
    "qualifier.up-to": ("источник говорит «до»", "the source says “up to”"),
    # --- ui-keys (issue 12): keys, footer, help, palette, copy toasts. ---
    "back": ("Назад к дереву", "Back to the tree"),
    "next-pane": ("Между деревом и фактами", "Between the tree and the facts"),
    "tree-narrower": ("Дерево уже", "Narrower tree"),
    "tree-wider": ("Дерево шире", "Wider tree"),
    "key.toggle-tree": ("Скрыть или показать дерево", "Hide or show the tree"),
    "footer.back": ("Назад", "Back"),
    "footer.next-pane": ("Факты", "Facts"),
    "footer.tree.open": ("Открыть", "Open"),
    "footer.copy-section": ("Копия раздела", "Copy section"),
    "footer.hide-tree": ("Скрыть дерево", "Hide tree"),
    "footer.show-tree": ("Показать дерево", "Show tree"),
    "footer.open-url": ("Сайт", "Web"),
    "help.signs": ("Знаки перед числом", "Signs before a number"),
    "help.close-keys": (
        "Esc, q, ? или F1 — закрыть; L — English",
        "Esc, q, ? or F1 closes this; L switches to Russian",
    ),
    "help.kind.reported": (
        "источник приводит это как свершившееся, со своей датой",
        "stated by the source as so, at its date",
    ),
    "help.kind.target": (
        "план на будущее; год — срок, к которому обещано",
        "a plan; the year is when it is promised for",
    ),
    "help.kind.quote": (
        "слова человека как есть, с переводом и именем говорящего",
        "someone's own words, with a translation and who said them",
    ),
    "help.kind.description": ("сведения без числа", "a statement without a number"),
    "help.kind.derived": (
        "число, которое посчитала эта программа из других чисел; правило — под ним",
        "a number this program worked out from others; the rule is under it",
    ),
    "help.sign.over": ("больше этого числа", "more than this number"),
    "help.sign.about": ("примерно это число, округлённое", "roughly this number, rounded"),
    "help.sign.up-to": ("не больше этого числа", "at most this number"),
    "help.basis.history": (
        "прежние значения из более ранних публикаций, у каждого года свой источник",
        "earlier values from older publications, each year with its own source",
    ),
    "help.basis.target": (
        "куда число должно прийти по плану, а не где оно было",
        "where the number is meant to go, not where it has been",
    ),
    "help.basis.derived": (
        "точки, посчитанные этой программой из других чисел",
        "points this program worked out from other numbers",
    ),
    "palette.placeholder": ("Найти команду, раздел или факт…", "Find a command, section or fact…"),
    "palette.themes": ("Найти тему оформления…", "Find a theme…"),
    "cmd.theme": ("Тема оформления", "Theme"),
    "cmd.theme.help": ("Выбрать цвета интерфейса", "Choose the interface's colours"),
    "cmd.help": ("Справка", "Help"),
    "cmd.help.help": ("Все клавиши и что значат пометки", "Every key and what the labels mean"),
    "cmd.quit": ("Выход", "Quit"),
    "cmd.quit.help": ("Закрыть программу", "Close the program"),
    "cmd.screenshot": ("Снимок экрана", "Screenshot"),
    "cmd.screenshot.help": (
        "Сохранить экран как SVG в текущую папку",
        "Save the screen as an SVG in the current folder",
    ),
    "copy.what": ("«{words}»", "“{words}”"),
    "copy.sent-osc-only": (
        "Отправлено через OSC 52; системная утилита буфера не найдена",
        "Sent via OSC 52; no native clipboard tool found",
    ),
    "copy.tmux-off": (
        "tmux сейчас отбрасывает OSC 52 (set-clipboard {value}): выполните "
        "tmux set -g set-clipboard on",
        "tmux drops OSC 52 right now (set-clipboard {value}): run tmux set -g set-clipboard on",
    ),
}

# One table: the words of the evidence layer and of the entity views live in modules of their own
# for length; a key is never in two of them.
for _part in (EVIDENCE_WORDS, ENTITY_WORDS):
    assert not STRINGS.keys() & _part.keys(), STRINGS.keys() & _part.keys()
    STRINGS.update(_part)


def _localized(key: str) -> Localized:
    ru, en = STRINGS[key]
    return Localized(ru=ru, en=en)


# The same words keyed by the model's enums, for code that walks them.
KIND_LABELS: dict[FactKind, Localized] = {
    kind: _localized(f"kind.{kind.value}.name") for kind in FactKind
}
QUALIFIER_LABELS: dict[Qualifier, Localized] = {
    qualifier: _localized(f"qualifier.{qualifier.value}.name") for qualifier in Qualifier
}
BASIS_LABELS: dict[Basis, Localized] = {
    basis: _localized(f"basis.{basis.value}") for basis in Basis
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI string `key` in `lang`, with `{name}` fields filled from `values`."""
    ru, en = STRINGS.get(key, (key, key))
    text = ru if lang == "ru" else en
    # Values come from outside the program (paths, a tool's error output): clean them here so no
    # caller can put a control sequence on screen through a UI string.
    if not values:
        return text
    return text.format(**{name: sanitize(str(value))[0] for name, value in values.items()})


def quoted(text: str, lang: Lang) -> str:
    """`text` in the language's quotation marks: «ёлочки» in Russian, “curly” in English."""
    return f"«{text}»" if lang == "ru" else f"“{text}”"


def detect_locale_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Russian when the locale is Russian (`ru_*`), else English.

    Follows POSIX precedence: the first of LC_ALL, LC_MESSAGES and LANG that is set decides.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def qualifier_words(qualifier: Qualifier, lang: Lang) -> str:
    """A qualifier in words ("more than", «около»), as the detail and the chart say it."""
    words = f"qualifier.{qualifier.value}.words"  # where the label alone reads oddly ("over")
    return t(words if words in STRINGS else f"qualifier.{qualifier.value}.name", lang)


def language_name(code: str, lang: Lang) -> str:
    """ "ru" → "Russian" / «русский»; an unknown code as it is."""
    key = f"language.{code}"
    return t(key, lang) if key in STRINGS else code
