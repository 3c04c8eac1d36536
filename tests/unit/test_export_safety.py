"""Hostile content in exports: CSV cells a spreadsheet would run, Markdown that adds structure."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from test_format import L, make_pack

from tui.export.copy import section_markdown
from tui.export.csv import CSV_COLUMNS, export_csv, export_csv_chunks
from tui.export.markdown import export_markdown, md_escape, md_heading
from tui.pack.model import Pack, Quote

STRUCTURE = (
    "Export\n# FAKE\n---\n- item\n+ item\n* item\n1. item\n2) item\n> quote\n```\n|a|b|\n===\n"
    "    code"
)


def hostile_pack() -> Pack:
    pack = make_pack()
    sections = dict(pack.sections)
    sez = sections["infra/sez"]
    sections["infra/sez"] = replace(
        sez, title=L(STRUCTURE, STRUCTURE), summary=L(STRUCTURE, STRUCTURE)
    )
    facts = list(pack.facts)
    facts[0] = replace(facts[0], text=L(STRUCTURE, STRUCTURE), note=L(STRUCTURE, STRUCTURE))
    quote = facts[1].quote
    assert quote is not None
    facts[1] = replace(
        facts[1], quote=Quote(STRUCTURE, STRUCTURE, L(STRUCTURE, STRUCTURE)), text=L("=1+1", "=1+1")
    )
    facts[2] = replace(facts[2], derivation=L(STRUCTURE, STRUCTURE))
    facts[3] = replace(facts[3], text=L("-2+3", "@SUM(A1:A2)"), value=-5.0)
    return replace(pack, title=L(STRUCTURE, STRUCTURE), sections=sections, facts=tuple(facts))


def tokens(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def kinds(markdown: str) -> list[str]:
    return [token.type for token in tokens(markdown)]


def headings(markdown: str) -> list[str]:
    found = tokens(markdown)
    return [found[i + 1].content for i, tok in enumerate(found) if tok.type == "heading_open"]


def test_content_cannot_add_headings_rules_lists_or_blocks_to_the_export() -> None:
    pack = hostile_pack()
    for lang in ("ru", "en"):
        markdown = export_markdown(pack, None, lang)
        found = kinds(markdown)
        # Headings: the pack's title, three sections and the sources, each one line of text.
        shown = headings(markdown)
        assert len(shown) == 5, shown
        html = MarkdownIt("commonmark").render(markdown)
        assert "<h1>Export # FAKE --- - item + item * item 1. item" in html
        assert not {"hr", "fence", "code_block", "table_open", "html_block"} & set(found)
        # One list item per fact and series, one per cited source: nothing nested from content.
        cited = len(re.findall(r"^\d+\. ", markdown, re.MULTILINE))
        assert cited == 2
        assert found.count("list_item_open") == len(pack.facts) + len(pack.series) + cited
        assert found.count("bullet_list_open") == 3  # the facts of sez, the series, other
        assert found.count("ordered_list_open") == 1  # the sources
        assert found.count("blockquote_open") == 1  # the quote, and only the quote


def test_the_section_copy_keeps_each_fact_in_its_item() -> None:
    markdown = section_markdown(hostile_pack(), "infra/sez", "en")
    found = kinds(markdown)
    assert len(headings(markdown)) == 2  # the section and its sources
    assert not {"hr", "fence", "code_block", "table_open"} & set(found)
    assert found.count("blockquote_open") == 1


def test_escaped_lines_read_as_the_text() -> None:
    escaped = md_escape("Export\n# FAKE\n---\n1. item")
    assert escaped == "Export  \n  \\# FAKE  \n  \\---  \n  1\\. item"
    html = MarkdownIt("commonmark").render("- " + escaped)
    assert "# FAKE" in html and "1. item" in html and "<h1>" not in html


def test_csv_cells_that_start_a_formula_are_neutralised() -> None:
    pack = hostile_pack()
    for lang, text in (("ru", "'-2+3"), ("en", "'@SUM(A1:A2)")):
        rows = list(csv.DictReader(io.StringIO(export_csv(pack, None, lang))))
        by_id = {row["id"]: row for row in rows}
        assert by_id["quote"]["text"] == "'=1+1"
        assert by_id["other-fact"]["text"] == text
        # The number stays a number; its display has a minus sign (U+2212), not "-".
        assert by_id["other-fact"]["value"] == "-5"
        assert "\u22125" in by_id["other-fact"]["display"]
        assert by_id["jobs"]["text"].startswith("Export")
        for row in rows:
            for column in CSV_COLUMNS:
                if column != "value":
                    assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r", "\n"))


def test_every_formula_start_is_covered() -> None:
    pack = make_pack()
    for start in ("=", "+", "-", "@", "\t", "\r"):
        fact = replace(pack.facts[0], text=L(start + "cmd", start + "cmd"))
        one = replace(pack, facts=(fact,))
        row = next(csv.DictReader(io.StringIO(export_csv(one, None, "en"))))
        # A lone carriage return would end the row: it is written as a newline inside the cell.
        assert row["text"] == "'" + start.replace("\r", "\n") + "cmd"


def _escaped_one_by_one(line: str, special: str) -> str:
    """The escape of a line as a loop over its characters, with the line-start rules."""
    escaped = "".join("\\" + ch if ch in special else ch for ch in line)
    if line[0] in "#-+=~" and line[0] not in special:
        return "\\" + escaped
    ordered = re.match(r"(\d{1,9})([.)])", escaped)
    return f"{ordered[1]}\\{escaped[len(ordered[1]) :]}" if ordered else escaped


MARKUP = st.text(alphabet=st.sampled_from("\\`*_[]<>|#-+=~ .)1a\u00abя\n\r\t"), max_size=40)


@given(MARKUP)
def test_one_pass_escape_writes_what_the_character_loop_wrote(text: str) -> None:
    lines = [line.strip() for line in text.splitlines()]
    loop = "  \n  ".join(_escaped_one_by_one(line, "\\`*_[]<>|") for line in lines if line)
    assert md_escape(text) == loop
    joined = " ".join(text.split())
    heading = _escaped_one_by_one(joined, "\\`*_[]<>|#") if joined else ""
    assert md_heading(text) == heading


@given(st.lists(MARKUP, max_size=6))
def test_csv_in_pieces_is_the_whole_csv(texts: list[str]) -> None:
    pack = make_pack()
    facts = tuple(
        replace(pack.facts[index % len(pack.facts)], id=f"f{index}", text=L(text, text))
        for index, text in enumerate(texts)
    )
    one = replace(pack, facts=facts)
    whole = export_csv(one, None, "en")
    assert "".join(export_csv_chunks(one, None, "en")) == whole
    rows = list(csv.DictReader(io.StringIO(whole)))
    assert [row["id"] for row in rows] == [fact.id for fact in facts]
    for row, text in zip(rows, texts, strict=True):
        cell = text.replace("\r\n", "\n").replace("\r", "\n")
        assert row["text"] == ("'" + cell if text[:1] in ("=", "+", "-", "@", "\t", "\r") else cell)
