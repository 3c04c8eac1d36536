"""What `c` and `C` put on the clipboard: one fact as plain text, one section as Markdown.

No Textual or Rich import.
"""

from __future__ import annotations

from tui.export.markdown import SourceList, finish, section_lines
from tui.pack.model import Fact, Lang, Pack
from tui.text.citations import (
    citation_line,
    input_line,
    inputs_of,
    is_computed,
    shows_translation,
)
from tui.text.units import format_value
from tui.text.words import quoted, t


def fact_clipboard_text(pack: Pack, fact: Fact, lang: Lang) -> str:
    """A fact as plain text to paste elsewhere, ending with its citation and URL.

    A computed figure cites no publisher: it names moscow-tui, its input facts with their
    citations, and its rule.
    """
    lines = [fact.text.get(lang)]
    if fact.quote is not None:
        lines.append(f"«{fact.quote.original}»")
        if shows_translation(pack, fact, lang):
            lines.append(f"{t('translation', lang)}{quoted(fact.quote.translation, lang)}")
        lines.append(f"{t('speaker', lang)}{fact.quote.speaker.get(lang)}")
    if fact.is_numeric:
        lines.append(format_value(fact, lang))
    if is_computed(fact):
        # Ours, not a publisher's: say so, and cite the facts it is computed from instead.
        lines.append(t("computed", lang))
        inputs = inputs_of(pack, fact)
        if inputs:
            lines.append(t("computed.from", lang))
            lines += [f"- {input_line(pack, fact_id, one, lang)}" for fact_id, one in inputs]
    if fact.derivation is not None:
        lines.append(f"{t('derivation', lang)}{fact.derivation.get(lang)}")
    if fact.note is not None:
        lines.append(f"{t('note', lang)}{fact.note.get(lang)}")
    source = None if is_computed(fact) else pack.source_of(fact)
    if source is not None:
        lines.append(citation_line(source, lang))
        if source.url:
            lines.append(source.url)
    return "\n".join(lines) + "\n"


def section_markdown(pack: Pack, path: str, lang: Lang) -> str:
    """A section and its subsections as Markdown, with a numbered list of its sources."""
    sources = SourceList(pack)
    lines = section_lines(pack, path, lang, 1, sources)
    return finish(lines, sources, lang, level=2)
