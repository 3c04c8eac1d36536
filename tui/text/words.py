"""The interface's own words in Russian and English, and the language the locale asks for.

Content carries its own translations; this module holds only the words of the UI (bindings,
headings, toasts), so that `L` can switch everything a reader sees.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from tui.pack.model import Lang
from tui.pack.sanitize import sanitize

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
    "derived-from": ("Расчёт: ", "Derived: "),
    "speaker": ("— ", "— "),
    "translation": ("Перевод: ", "Translation: "),
    "note": ("Примечание: ", "Note: "),
    "range": ("диапазон", "range"),
    "no-data": ("нет данных", "no data"),
    "badge.history": ("история", "history"),
    "badge.target": ("цель", "target"),
    "badge.derived": ("расчёт", "derived"),
    "since": ("с", "since"),
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
    "lang-switched": ("Язык: русский", "Language: English"),
    # Search and palette.
    "search.placeholder": (
        "Поиск по разделам и фактам (оба языка)…",
        "Search sections and facts (both languages)…",
    ),
    "search.none": ("Ничего не найдено", "No matches"),
    "search.section": ("раздел", "section"),
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
    "help.keys": ("Клавиши", "Keys"),
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
