"""One named place opened from the entity table: its facts with their sources, like a section."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.export.copy import fact_clipboard_text
from tui.pack.model import Entity, Lang, Pack
from tui.text.words import STRINGS, t
from tui.ui.entity_rows import entity_heading
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.key_footer import KeyFooter


class EntityScreen(Screen[None]):
    """The entity's name, kind, summary and every fact about it, each with its source.

    `Esc` goes back to the table underneath, whose filter, sort and cursor are untouched.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="entity.back"),
        Binding("c", "copy_fact", "Copy", id="entity.copy"),
    ]

    def __init__(self, pack: Pack, entity: Entity, lang: Lang) -> None:
        super().__init__(id="entity-screen")
        self.pack = pack
        self.entity = entity
        self.lang: Lang = lang
        self._title = Static(id="entity-title")
        self._lines = Static(id="entity-lines")
        self._heading = Static(classes="panel-heading", id="entity-heading")
        self.fact_list = FactList(pack, [], lang, id="entity-facts")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with VerticalScroll(id="entity-body"):
            yield self._title
            yield self._lines
            yield self._heading
            yield self.fact_list
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.set_lang, init=False)
        self.set_lang(self.lang)
        self.fact_list.focus()

    def set_lang(self, lang: Lang) -> None:
        """Show the entity in `lang`, keeping the highlighted fact."""
        self.lang = lang
        title, lines = entity_heading(self.pack, self.entity, lang)
        self._title.update(title)
        self._lines.update(lines)
        facts = self.pack.facts_of(self.entity.id)
        self._heading.update(Text(t("entities.entity-facts", lang)))
        highlighted = self.fact_list.highlighted
        self.fact_list.set_facts(facts, lang)
        self.fact_list.highlighted = highlighted
        self.refresh_bindings()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings in force, described in the current language (the footer reads this)."""
        translated: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            key_id = binding.id or binding.action
            description = t(key_id, self.lang) if key_id in STRINGS else binding.description
            binding = dataclasses.replace(binding, description=description)
            translated[key] = active._replace(binding=binding)
        return translated

    def action_back(self) -> None:
        self.dismiss()

    def action_copy_fact(self) -> None:
        """Copy the highlighted fact with its citation, as `c` does on the main screen."""
        fact = self.fact_list.highlighted_fact
        main = getattr(self.app, "main_screen", None)
        if fact is None or main is None:
            self.app.notify(t("copy.nothing", self.lang), markup=False, severity="warning")
            return
        main.copy_text(fact_clipboard_text(self.pack, fact, self.lang))
