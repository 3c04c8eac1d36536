"""Which keys the footer shows where the focus is, and the one order keys are listed in.

k9s and lazygit show the keys that work where the cursor is; so does this footer. The policy is
data: for each place the focus can be, the binding ids to show, most useful first. Bindings it
does not name (added by other screens or widgets with `show=True`) go where `OTHERS` stands.
When the terminal is narrow, the least useful keys are left out rather than cut in half.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode

from tui.pack.model import Lang
from tui.text.words import STRINGS, t
from tui.ui.widgets.key_footer import ITEM_EXTRA  # cells an item takes beside key and words

if TYPE_CHECKING:
    from textual.app import App

    from tui.ui.screens.help import KeyRows

OTHERS = "*"

# The order of keys in the help, row by row: moving, between panes, acting, the app.
KEY_ORDER: tuple[str, ...] = (
    "tree.up",
    "facts.up",
    "tree.down",
    "facts.down",
    "tree.open",
    "tree.close",
    "back",
    "tree.first",
    "facts.first",
    "tree.last",
    "facts.last",
    "next-pane",
    "detail",
    "copy-fact",
    "copy-section",
    "chart",
    "open-url",
    "copy-url",
    "sources",
    "search",
    "toggle-tree",
    "tree-narrower",
    "tree-wider",
    "help",
    "lang",
    "command_palette",
    "quit",
)


class Focus(Enum):
    """Where the focus is, as far as the footer cares."""

    TREE = "tree"
    PANEL = "panel"  # the fact list or anything else right of the tree
    PANEL_ALONE = "panel-alone"  # the same with the tree hidden by `t`


_SHARED = ("help", "copy-section", "toggle-tree", "search", "sources")
# On a fact, the evidence keys come right after moving: its detail, its chart, its source's URL.
_ON_FACT = ("detail", "copy-fact", "chart", "open-url")
FOOTER: dict[Focus, tuple[str, ...]] = {
    Focus.TREE: ("next-pane", "tree.open", "copy-fact", "chart", OTHERS, *_SHARED, "quit", "lang"),
    Focus.PANEL: ("back", *_ON_FACT, OTHERS, *_SHARED, "quit", "lang"),
    # The tree hidden: how to bring it back comes first.
    Focus.PANEL_ALONE: ("toggle-tree", "back", *_ON_FACT, OTHERS, *_SHARED, "quit", "lang"),
}
# For an action bound to several keys, the one the footer names.
FOOTER_KEY = {"tree.open": "enter", "back": "escape", "help": "question_mark", "quit": "q"}


def label_id(binding: Binding) -> str | None:
    """The word-table key of `binding` (its id, else its action), or None for foreign ones."""
    key_id = binding.id if binding.id in STRINGS else binding.action
    return key_id if key_id in STRINGS else None


def footer_words(key_id: str, lang: Lang, *, tree_shown: bool) -> str:
    """The footer's short words for a binding: a `footer.` entry when there is one."""
    if key_id == "toggle-tree":
        return t("footer.hide-tree" if tree_shown else "footer.show-tree", lang)
    footer_key = f"footer.{key_id}"
    return t(footer_key if footer_key in STRINGS else key_id, lang)


def _rank(binding: Binding, order: tuple[str, ...]) -> int | None:
    """The binding's place in the footer's `order`, or None when it is not shown there."""
    key_id = label_id(binding) or ""
    if key_id in order:
        wanted = FOOTER_KEY.get(key_id)
        return order.index(key_id) if wanted in (None, binding.key) else None
    if binding.show and key_id not in KEY_ORDER and OTHERS in order:
        return order.index(OTHERS)
    return None


@functools.lru_cache(maxsize=1024)
def _restyled(binding: Binding, words: str | None, *, show: bool) -> Binding:
    """`binding` with the footer's `words` (when given) and `show`. Kept: every move of focus
    asks for all the bindings again, and a dataclass copy each time was a millisecond of it."""
    if words is None:
        return dataclasses.replace(binding, show=show)
    return dataclasses.replace(binding, description=words, show=show)


def footer_bindings(
    active: dict[str, ActiveBinding],
    focus: Focus,
    lang: Lang,
    *,
    room: int,
    key_display: Callable[[Binding], str],
) -> dict[str, ActiveBinding]:
    """`active` with each binding described in `lang`, shown only where `focus` wants it.

    Shown bindings come first, in the footer's order, and only as many as fit in `room` cells;
    every other binding stays in the map (hidden), so the app's key handling is unchanged.
    """
    order = FOOTER[focus]
    tree_shown = focus is not Focus.PANEL_ALONE
    ranked: list[tuple[int, str]] = []
    described: dict[str, ActiveBinding] = {}
    for key, entry in active.items():
        key_id = label_id(entry.binding)
        words = None if key_id is None else footer_words(key_id, lang, tree_shown=tree_shown)
        # Neither words nor `show` change where the binding ranks.
        rank = _rank(entry.binding, order) if entry.enabled else None
        if rank is not None:
            ranked.append((rank, key))
        described[key] = entry._replace(binding=_restyled(entry.binding, words, show=False))
    shown: dict[str, ActiveBinding] = {}
    used_actions: set[str] = set()
    for _, key in sorted(ranked):
        entry = described[key]
        binding = entry.binding
        if binding.action in used_actions:
            continue
        width = cell_len(key_display(binding)) + cell_len(binding.description)
        width += ITEM_EXTRA
        if width > room:
            continue
        room -= width
        used_actions.add(binding.action)
        shown[key] = entry._replace(binding=_restyled(binding, None, show=True))
    return {**shown, **{key: described[key] for key in described if key not in shown}}


def declared_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings `cls` itself declares, one per key (Textual's own are not ours to list)."""
    return list(Binding.make_bindings(cls.__dict__.get("BINDINGS", [])))


def help_groups(app: App[Any], screen: type[DOMNode], lang: Lang) -> list[tuple[str, KeyRows]]:
    """The help's rows of keys in `lang`: everywhere, in the tree, in the fact list.

    Read from the classes' declared bindings, so the help lists the same keys wherever
    the focus was when it opened.
    """
    from tui.ui.screens.help import binding_rows
    from tui.ui.widgets.fact_list import FactList
    from tui.ui.widgets.section_tree import SectionTree

    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", id="command_palette")
    screen_bindings = declared_bindings(screen)
    everywhere = [
        *(b for b in screen_bindings if b.id != "back"),
        *declared_bindings(type(app)),
        palette,
    ]
    tree = declared_bindings(SectionTree)
    facts = [*declared_bindings(FactList), *(b for b in screen_bindings if b.id == "back")]
    return [
        (t("help.global", lang), binding_rows(app, everywhere, lang, KEY_ORDER)),
        (t("help.tree", lang), binding_rows(app, tree, lang, KEY_ORDER)),
        (t("help.facts", lang), binding_rows(app, facts, lang, KEY_ORDER)),
    ]
