"""The first pass of a long load: the title and the section tree, read from the few files that
can hold them, equal to what the full load builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import tui.pack.preview as preview
from bench.generate import generate
from tui.pack.load import load_pack
from tui.pack.model import Pack
from tui.pack.preview import preview_pack

MakePack = Callable[..., Path]


def first_and_full(folder: Path) -> tuple[Pack, Pack]:
    """The first pass of `folder` and its full load, both present."""
    first = preview_pack([folder])
    full = load_pack([folder]).pack
    assert first is not None and full is not None
    return first, full


def test_shipped_content_previews_as_it_loads() -> None:
    full = load_pack().pack
    assert full is not None
    first = preview_pack([Path(__file__).parents[2] / "content"])
    assert first is not None
    assert first.sections == full.sections
    assert list(first.sections) == list(full.sections)  # the same display order
    assert first.title == full.title
    assert first.facts == () and first.sources == {}


def test_only_the_files_with_the_tables_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = generate(1200, tmp_path / "pack")  # facts in facts-*.toml, sections apart
    parsed: list[int] = []
    real_parse = preview.parse

    def counting(text: str) -> object:
        parsed.append(len(text))
        return real_parse(text)

    monkeypatch.setattr(preview, "parse", counting)
    first, full = first_and_full(pack.directory)
    assert first.sections == full.sections
    # Every fact has its own `section = …` key: those lines must not make a file worth parsing.
    assert len(parsed) == 2, parsed
    assert sum(parsed) < pack.bytes / 4


@pytest.mark.parametrize(
    "header",
    ["[[section]]", "[[ section ]]", '[["section"]]', "  [[section]]"],
)
def test_every_spelling_of_the_header_is_found(make_pack: MakePack, header: str) -> None:
    extra = (
        f'{header}\nid = "extra"\norder = 9\ntitle = {{ ru = "Ещё", en = "Extra" }}\n'
        'summary = { ru = "Раздел", en = "A section" }\n'
    )
    folder = make_pack({"zz-extra.toml": extra})
    first = preview_pack([folder])
    assert first is not None
    assert "extra" in first.sections
    assert first.sections["extra"].title.en == "Extra"


def test_sections_as_a_root_array_are_found(make_pack: MakePack) -> None:
    inline = (
        'section = [{ id = "inline", order = 9, title = { ru = "В строку", en = "Inline" }, '
        'summary = { ru = "Раздел", en = "A section" } }]\n'
    )
    first, full = first_and_full(make_pack({"zz-inline.toml": inline}))
    assert first.sections == full.sections
    assert "inline" in first.sections


def test_titles_are_sanitised_as_in_the_full_load(make_pack: MakePack) -> None:
    hostile = (
        '[[section]]\nid = "bad"\norder = 9\n'
        'title = { ru = "Раз\\u001b[31mдел", en = "Sec\\u202etion\\u0007" }\n'
        'summary = { ru = "Раздел", en = "A section" }\n'
    )
    first, full = first_and_full(make_pack({"zz-hostile.toml": hostile}))
    assert first.sections["bad"] == full.sections["bad"]
    assert "\x1b" not in first.sections["bad"].title.ru
    assert "\u202e" not in first.sections["bad"].title.en


@pytest.mark.parametrize(
    "files",
    [
        {"zz-broken.toml": "[[section]]\nid = \n"},  # not TOML
        {"zz-bad.toml": '[[section]]\nid = "x"\norder = "first"\ntitle = 1\nsummary = 2\n'},
        {
            "zz-orphan.toml": (
                '[[section]]\nid = "orphan"\nparent = "nowhere"\norder = 1\n'
                'title = { ru = "Сирота", en = "Orphan" }\nsummary = { ru = "Р", en = "S" }\n'
            )
        },
        {"zz-bytes.toml": b'[[section]]\nid = "\xff"\n'},  # not UTF-8
    ],
    ids=["syntax", "invalid-section", "missing-parent", "encoding"],
)
def test_anything_doubtful_gives_no_preview(make_pack: MakePack, files: dict[str, str]) -> None:
    assert preview_pack([make_pack(files)]) is None


def test_no_sections_or_no_pack_table_gives_no_preview(make_pack: MakePack) -> None:
    assert preview_pack([make_pack(drop=("sections.toml",), name="a")]) is None
    assert preview_pack([make_pack(drop=("pack.toml",), name="b")]) is None
    assert preview_pack([make_pack(base=None, files={"empty.toml": ""}, name="c")]) is None
