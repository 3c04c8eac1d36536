"""The help screen: the keys in force, and what the kinds, qualifiers and bases mean."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.pack.model import Basis, FactKind, Lang, Qualifier
from tui.text.numbers import qualifier_sign
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS, STRINGS, t

KeyRows = list[tuple[str, str]]


def binding_rows(app: App[object], bindings: Iterable[Binding], lang: Lang) -> KeyRows:
    """(keys, description) for each of our bindings, keys shown as the app displays them.

    Bindings of one action are merged into one row ("↑ k").
    """
    rows: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for binding in bindings:
        key_id = binding.id if binding.id in STRINGS else binding.action
        if key_id not in STRINGS:
            continue  # inherited bindings we neither chose nor translated
        label = t("cmd.switch-lang" if key_id == "lang" else key_id, lang)
        keys = rows.setdefault(binding.action, [])
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
        labels.setdefault(binding.action, label)
    return [(" ".join(keys), labels[action]) for action, keys in rows.items()]


def help_text(groups: list[tuple[str, KeyRows]], lang: Lang) -> Text:
    """The whole help as plain Text (labels from content are never read as markup)."""
    text = Text()
    text.append(t("help.title", lang), style="bold underline")
    text.append("\n")
    for title, rows in groups:
        text.append(f"\n{title}\n", style="bold")
        width = max((len(keys) for keys, _ in rows), default=0)
        for keys, label in rows:
            text.append(f"  {keys.ljust(width)}  ", style="bold")
            text.append(f"{label}\n")
    text.append(f"\n{t('help.kinds', lang)}\n", style="bold")
    for kind in FactKind:
        text.append(f"  {KIND_LABELS[kind].get(lang)}", style="bold")
        text.append(f" — {t('kind.' + kind.value, lang)}\n")
    text.append(f"\n{t('help.qualifiers', lang)}\n", style="bold")
    for qualifier in Qualifier:
        sign = qualifier_sign(qualifier) or "="
        text.append(f"  {sign} {QUALIFIER_LABELS[qualifier].get(lang)}", style="bold")
        text.append(f" — {t('qualifier.' + qualifier.value, lang)}\n")
    text.append(f"\n{t('help.bases', lang)}\n", style="bold")
    for basis in Basis:
        text.append(f"  {t('basis.' + basis.value + '.name', lang)}", style="bold")
        text.append(f" — {BASIS_LABELS[basis].get(lang)}\n")
    text.append(f"\n{t('help.copy', lang)}\n")
    text.append(f"\n{t('help.close', lang)}", style="dim")
    return text


class HelpScreen(ModalScreen[None]):
    """`?` or F1: a scrollable page of help; Esc, q, ? or F1 close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close"),
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
    ]

    def __init__(self, groups: list[tuple[str, KeyRows]], lang: Lang) -> None:
        super().__init__(id="help-screen")
        self._groups = groups
        self._lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_text(self._groups, self._lang), id="help-text")

    def action_scroll(self, step: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=step, animate=False)
