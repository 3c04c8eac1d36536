"""Markdown of a pack or part of it: headings from the program, each fact one list item.

Sources are numbered in the order they are first cited and listed at the end. No Textual or Rich
import.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from tui.export.select import selected_paths
from tui.pack.model import Entity, Fact, FactKind, Lang, Pack, Series
from tui.text.citations import inputs_of, is_computed, publisher_name, shows_translation
from tui.text.dates import source_date
from tui.text.units import format_point_value, format_value
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS, quoted, t

_MD_SPECIAL = set("\\`*_[]<>|")


# Characters that open a block when they start a line and are not escaped everywhere already:
# headings, lists, thematic breaks, setext underlines, fences.
_BLOCK_STARTERS = set("#-+=~")
_ORDERED_ITEM = re.compile(r"(\d{1,9})([.)])")


def _backslashed(special: Iterable[str]) -> Callable[[str], str]:
    """A function that puts a backslash before each of `special` in a text (one regex pass,
    not a Python loop over the characters: a 100,000-fact export escapes 15 MB)."""
    pattern = re.compile("([" + "".join(re.escape(ch) for ch in sorted(special)) + "])")
    return functools.partial(pattern.sub, r"\\\1")


_escape_special = _backslashed(_MD_SPECIAL)
_escape_heading_special = _backslashed(_MD_SPECIAL | {"#"})
_escape_value_special = _backslashed("\\`*_[]<|")


def _escape_line(line: str, heading: bool = False) -> str:
    special = _MD_SPECIAL | {"#"} if heading else _MD_SPECIAL
    escaped = (_escape_heading_special if heading else _escape_special)(line)
    if line[0] in _BLOCK_STARTERS and line[0] not in special:
        return "\\" + escaped
    ordered = _ORDERED_ITEM.match(escaped)
    if ordered is not None:
        return f"{ordered[1]}\\{escaped[len(ordered[1]) :]}"
    return escaped


def md_escape(text: str, indent: str = "  ") -> str:
    """Content text as Markdown that reads as the text and never as structure.

    Markup characters are escaped (links, emphasis, HTML, tables); each line of the text is
    stripped, blank lines are dropped, and the lines are joined by hard breaks with `indent`,
    so that a fact stays in its list item (or a quote in its block). A line start Markdown
    would read as a block (#, >, -, +, *, =, ~, |, `, "1.") is escaped.
    """
    lines = [line.strip() for line in text.splitlines()]
    return ("  \n" + indent).join(_escape_line(line) for line in lines if line)


def md_heading(text: str) -> str:
    """Content text for a heading the program writes: one line, with no '#' left to close it."""
    line = " ".join(text.split())
    return _escape_line(line, heading=True) if line else ""


def _md_value(text: str) -> str:
    # The value's ">" and "≈" are plain inside bold; only emphasis characters need escaping.
    return _escape_value_special(text)


class SourceList:
    """Sources numbered in the order they are first cited."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.order: list[str] = []
        self._numbers: dict[str, str] = {}  # source id → its "[n]"

    def ref(self, source_id: str) -> str:
        """ "[n]" for a source, numbering it on first use."""
        number = self._numbers.get(source_id)
        if number is None:
            self.order.append(source_id)
            number = self._numbers[source_id] = f"[{len(self.order)}]"
        return number

    def refs(self, source_ids: Iterable[str]) -> str:
        """ "[n, m]" for several sources, each once."""
        numbers = [self.ref(source_id)[1:-1] for source_id in dict.fromkeys(source_ids)]
        return f"[{', '.join(numbers)}]"

    def markdown(self, lang: Lang) -> list[str]:
        """The numbered list of the sources cited so far."""
        lines: list[str] = []
        for number, source_id in enumerate(self.order, start=1):
            source = self.pack.sources.get(source_id)
            if source is None:
                lines.append(f"{number}. {md_escape(source_id)}")
                continue
            entry = (
                f"{number}. {md_escape(publisher_name(source, lang))}, "
                f"{quoted(md_escape(source.title), lang)}, "
                f"{source_date(source, lang)}"
            )
            if source.url:
                url = source.url
                safe = not any(ch.isspace() or ch in "<>" for ch in url)
                entry += f". <{url}>" if safe else f". {md_escape(url)}"
            lines.append(entry)
        return lines


def _fact_markdown(fact: Fact, lang: Lang, sources: SourceList, pad: str = "") -> list[str]:
    """One fact as one list item; `pad` indents it under an entity's item."""
    tags = [KIND_LABELS[fact.kind].get(lang)]
    if fact.is_numeric and fact.qualifier is not None:
        tags.append(QUALIFIER_LABELS[fact.qualifier].get(lang))
    if fact.is_numeric and fact.year is not None and fact.kind is not FactKind.TARGET:
        tags.append(str(fact.year))
    head = "- "
    if fact.is_numeric:
        head += f"**{_md_value(format_value(fact, lang))}** — "
    computed = is_computed(fact)
    ref = sources.ref(fact.source) if fact.source and not computed else ""
    inner = pad + "  "
    lines = [f"{head}{md_escape(fact.text.get(lang), inner)} _({', '.join(tags)})_ {ref}"]
    if fact.quote is not None:
        lines += _quote_markdown(fact, lang, sources.pack, inner + "> ")
    if computed:
        lines += _computed_markdown(fact, lang, sources, inner)
    elif fact.derivation is not None:
        lines.append(f"{t('derivation', lang)}{md_escape(fact.derivation.get(lang), inner)}")
    if fact.note is not None:
        lines.append(f"{t('note', lang)}{md_escape(fact.note.get(lang), inner)}")
    return [pad + lines[0]] + [inner + line for line in lines[1:]]


def _quote_markdown(fact: Fact, lang: Lang, pack: Pack, indent: str) -> list[str]:
    """A quote as a block quote: the original, then (for a reader of another language) the
    translation, and the speaker."""
    assert fact.quote is not None
    quote = fact.quote
    speaker = f" — {md_escape(quote.speaker.get(lang), indent)}"
    original = f"> «{md_escape(quote.original, indent)}»"
    if not shows_translation(pack, fact, lang):
        return [original + speaker]
    translation = quoted(md_escape(quote.translation, indent), lang)
    return [original, ">", f"> {translation}{speaker}"]


def _computed_markdown(fact: Fact, lang: Lang, sources: SourceList, inner: str) -> list[str]:
    """Who computed a figure (we did), from which facts with their sources, and by which rule."""
    lines = [t("computed", lang)]
    inputs = []
    for fact_id, one in inputs_of(sources.pack, fact):
        if one is None:
            inputs.append(md_escape(fact_id))
            continue
        value = format_value(one, lang)
        shown = md_escape(one.text.get(lang), inner)
        if value:
            shown += f" (**{_md_value(value)}**)"
        if one.source is not None and not is_computed(one):
            shown += f" {sources.ref(one.source)}"
        inputs.append(shown)
    if inputs:
        lines.append(f"{t('computed.from', lang)} {'; '.join(inputs)}")
    if fact.derivation is not None:
        lines.append(f"{t('derivation', lang)}{md_escape(fact.derivation.get(lang), inner)}")
    return lines


def _series_markdown(series: Series, lang: Lang, sources: SourceList) -> list[str]:
    points = " · ".join(
        f"{point.year}: "
        + _md_value(format_point_value(point.value, series.unit, point.qualifier, lang))
        for point in series.points
    )
    line = (
        f"- **{md_escape(series.title.get(lang))}** "
        f"_({BASIS_LABELS[series.basis].get(lang)})_: {points} "
        f"{sources.refs(point.source for point in series.points)}"
    )
    lines = [line]
    if series.rule is not None:
        lines.append(f"  {t('rule', lang)}{md_escape(series.rule.get(lang))}")
    if series.note is not None:
        lines.append(f"  {t('note', lang)}{md_escape(series.note.get(lang))}")
    missing = series.missing_years()
    if missing and len(missing) <= 20:
        lines.append(f"  {t('no-data', lang)}: {', '.join(map(str, missing))}")
    return lines


def _entity_markdown(pack: Pack, entity: Entity, lang: Lang, sources: SourceList) -> list[str]:
    """A named place or measure as a list item, its facts as items nested under it."""
    kind = t(f"entity.{entity.kind.value}", lang)
    lines = [f"- **{md_escape(entity.name.get(lang), '  ')}** _({kind})_"]
    for text in (entity.summary, entity.note):
        if text is not None and text.get(lang).strip():
            lines.append(f"  {md_escape(text.get(lang), '  ')}")
    for fact in pack.facts_of(entity.id):
        lines += _fact_markdown(fact, lang, sources, "  ")
    return lines


def section_lines(pack: Pack, path: str, lang: Lang, level: int, sources: SourceList) -> list[str]:
    section = pack.sections[path]
    lines = [f"{'#' * min(level, 6)} {md_heading(section.title.get(lang))}", ""]
    summary = section.summary.get(lang).strip()
    if summary:
        lines += [md_escape(summary, ""), ""]
    entities = pack.entities_in(path)
    listed = {entity.id for entity in entities}
    facts = [fact for fact in pack.facts_in(path) if fact.entity not in listed]
    if facts:
        for fact in facts:
            lines += _fact_markdown(fact, lang, sources)
        lines.append("")
    if entities:
        lines += [f"{t('entities', lang)}:", ""]
        for entity in entities:
            lines += _entity_markdown(pack, entity, lang, sources)
        lines.append("")
    series = pack.series_in(path)
    if series:
        lines += [f"{t('series', lang)}:", ""]
        for one in series:
            lines += _series_markdown(one, lang, sources)
        lines.append("")
    for child in section.children:
        if child in pack.sections:
            lines += section_lines(pack, child, lang, level + 1, sources)
    return lines


def pack_markdown(pack: Pack, paths: Iterable[str] | None, lang: Lang) -> str:
    """Several sections (each with its subsections) under the pack's title, sources at the end.

    `paths` None means every root section; a path inside another given path is not repeated.
    """
    chosen = [s.path for s in pack.roots] if paths is None else list(dict.fromkeys(paths))
    tops = [p for p in chosen if not any(p.startswith(o + "/") for o in chosen if o != p)]
    sources = SourceList(pack)
    lines = [f"# {md_heading(pack.title.get(lang))}", ""]
    for path in tops:
        lines += section_lines(pack, path, lang, 2, sources)
    return finish(lines, sources, lang, level=2)


def finish(lines: list[str], sources: SourceList, lang: Lang, level: int) -> str:
    """The lines joined, with the numbered sources under a heading at `level`."""
    if sources.order:
        lines += [f"{'#' * level} {t('sources', lang)}", ""]
        lines += sources.markdown(lang)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def export_markdown(pack: Pack, paths: Sequence[str] | None, lang: Lang) -> str:
    """The selected sections as Markdown in `lang`, citing their sources at the end."""
    selected = selected_paths(pack, paths)
    return pack_markdown(pack, None if paths is None else selected, lang)
