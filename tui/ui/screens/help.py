"""The help screen: the keys, and what the labels on screen mean, in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.pack.model import Basis, FactKind, Lang, Pack, Qualifier
from tui.text.numbers import qualifier_sign
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS, STRINGS, t
from tui.ui.screens.base import BackScreen
from tui.ui.screens.footer_keys import label_id

KeyRows = list[tuple[str, str]]
HelpGroups = Callable[[Lang], list[tuple[str, KeyRows]]]


def help_words(key_id: str, lang: Lang) -> str:
    """The help's words for a binding: a longer `key.` entry where the footer's are too short."""
    if key_id == "lang":
        return t("cmd.switch-lang", lang)
    long_key = f"key.{key_id}"
    return t(long_key if long_key in STRINGS else key_id, lang)


def _is_letter(key: str) -> bool:
    """A key that types one character ("k", "G"), as opposed to a named key ("up", "f1")."""
    return len(key) == 1


def binding_rows(
    app: App[object], bindings: Iterable[Binding], lang: Lang, order: Sequence[str] = ()
) -> KeyRows:
    """(keys, description) for each of our bindings, one row per action.

    Within a row named keys come first, then letters ("↑ k", "home g"); rows follow `order`
    (binding ids), then the order of `bindings`, so every list of keys reads the same way.
    """
    keys_of: dict[str, list[Binding]] = {}
    label_of: dict[str, str] = {}
    rank_of: dict[str, int] = {}
    for position, binding in enumerate(bindings):
        key_id = label_id(binding)
        if key_id is None:
            continue
        label = help_words(key_id, lang)
        keys_of.setdefault(binding.action, []).append(binding)
        label_of.setdefault(binding.action, label)
        rank = order.index(key_id) if key_id in order else len(order) + position
        rank_of[binding.action] = min(rank_of.get(binding.action, rank), rank)
    rows: KeyRows = []
    for action in sorted(keys_of, key=rank_of.__getitem__):
        named = [b for b in keys_of[action] if not _is_letter(b.key)]
        letters = [b for b in keys_of[action] if _is_letter(b.key)]
        displays: list[str] = []
        for binding in named + letters:
            display = app.get_key_display(binding)
            if display not in displays:
                displays.append(display)
        rows.append((" ".join(displays), label_of[action]))
    return rows


def on_screen_legend(pack: Pack) -> tuple[list[FactKind], list[Qualifier], list[Basis]]:
    """The kinds, signed qualifiers and bases that this pack puts on screen, in enum order.

    An exact figure has no sign, so "exactly" is never shown and never explained.
    """
    kinds = {fact.kind for fact in pack.facts}
    qualifiers = {fact.qualifier for fact in pack.facts if fact.qualifier is not None}
    qualifiers |= {point.qualifier for s in pack.series.values() for point in s.points}
    bases = {series.basis for series in pack.series.values()}
    return (
        [kind for kind in FactKind if kind in kinds],
        [q for q in Qualifier if q in qualifiers and qualifier_sign(q)],
        [basis for basis in Basis if basis in bases],
    )


def _legend(text: Text, heading: str, rows: list[tuple[str, str]]) -> None:
    if not rows:
        return
    text.append(f"\n{heading}\n", style="bold")
    width = max(len(term) for term, _ in rows)
    for term, meaning in rows:
        text.append(f"  {term.ljust(width)}", style="bold")
        text.append(f"  {meaning}\n")


def help_text(groups: list[tuple[str, KeyRows]], pack: Pack, lang: Lang) -> Text:
    """The whole help as plain Text (labels from content are never read as markup)."""
    text = Text()
    text.append(t("help.title", lang), style="bold underline")
    text.append("\n")
    width = max((len(keys) for _, rows in groups for keys, _ in rows), default=0)
    for title, rows in groups:
        text.append(f"\n{title}\n", style="bold")
        for keys, label in rows:
            text.append(f"  {keys.ljust(width)}  ", style="bold")
            text.append(f"{label}\n")
    kinds, qualifiers, bases = on_screen_legend(pack)
    _legend(
        text,
        t("help.kinds", lang),
        [(KIND_LABELS[k].get(lang), t(f"help.kind.{k.value}", lang)) for k in kinds],
    )
    _legend(
        text,
        t("help.signs", lang),
        [
            (
                f"{qualifier_sign(q)} {QUALIFIER_LABELS[q].get(lang)}",
                t(f"help.sign.{q.value}", lang),
            )
            for q in qualifiers
        ],
    )
    _legend(
        text,
        t("help.bases", lang),
        [(BASIS_LABELS[b].get(lang), t(f"help.basis.{b.value}", lang)) for b in bases],
    )
    text.append(f"\n{t('help.copy', lang)}\n")
    text.append(f"\n{t('help.close-keys', lang)}", style="dim")
    return text


class HelpScreen(BackScreen[None]):
    """`?` or F1: a scrollable page of help; Esc, q, ? or F1 close it, `L` switches language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "back", "Close", show=False, id="close"),
        # A modal screen hides the app's bindings: `L` is offered here again.
        Binding("L", "app.toggle_lang", "Language", show=False, id="help-lang"),
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
    ]

    def __init__(self, groups: HelpGroups, pack: Pack, lang: Lang) -> None:
        super().__init__(id="help-screen")
        self._groups = groups
        self._pack = pack
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._text(), id="help-text")

    def on_mount(self) -> None:
        # `L` is the app's key and works here too: follow the app's language as it changes.
        self.watch(self.app, "lang", self._follow_lang, init=False)

    def _text(self) -> Text:
        return help_text(self._groups(self.lang), self._pack, self.lang)

    def _follow_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one("#help-text", Static).update(self._text())

    def action_scroll(self, step: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=step, animate=False)
