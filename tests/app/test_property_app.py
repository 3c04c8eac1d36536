"""Property: any valid content, whatever Unicode its texts hold, renders in every section.

Hypothesis writes a small content pack (TOML, every text from `st.text()`), the loader reads it
(sanitising), and the app walks every section with its bytes recorded: no exception, and no
control character reaches the terminal. (That any bytes give the loader a result, never an
exception, is tests/test_loader.py's property.)
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pty_helpers import assert_clean_app_output, recording_app, settle

from tui.pack.load import load_pack
from tui.pack.model import Lang, Pack
from tui.ui.widgets.fact_panel import FactPanel

# Titles, names and speakers are one line; other texts at most 20 (the loader's limits).
TEXT = st.text(min_size=1, max_size=40).filter(lambda text: text.strip() != "" and "\n" not in text)
LONG_TEXT = st.text(min_size=1, max_size=300).filter(
    lambda text: text.strip() != "" and text.count("\n") < 20
)
KINDS = ("reported", "target", "description", "derived", "quote")


def toml_string(text: str) -> str:
    """A TOML basic string holding exactly `text`: everything but printable ASCII escaped."""
    body = "".join(
        ch if " " <= ch <= "~" and ch not in '"\\' else f"\\U{ord(ch):08X}" for ch in text
    )
    return f'"{body}"'


def localized(ru: str, en: str) -> str:
    return f"{{ ru = {toml_string(ru)}, en = {toml_string(en)} }}"


@dataclass(frozen=True)
class FactSpec:
    kind: str
    section: int
    texts: tuple[str, str]
    extra: tuple[str, str, str]  # quote original / translation / speaker, or a derivation


@dataclass(frozen=True)
class PackSpec:
    title: tuple[str, str]
    publisher: str
    source_title: str
    sections: tuple[tuple[int | None, str, str, str], ...]  # (parent index, title, summary ×2)
    facts: tuple[FactSpec, ...]

    def toml(self) -> str:
        lines = [
            "[pack]",
            f"title = {localized(*self.title)}",
            'primary_source = "src"',
            "",
            "[[source]]",
            'id = "src"',
            f"publisher = {toml_string(self.publisher)}",
            f"title = {toml_string(self.source_title)}",
            "date = 2025-10-22",
            'language = "ru"',
            f"note = {localized(self.publisher, self.source_title)}",
        ]
        paths: list[str] = []
        for index, (parent, title, summary_ru, summary_en) in enumerate(self.sections):
            ident = f"s{index}"
            path = f"{paths[parent]}/{ident}" if parent is not None else ident
            paths.append(path)
            lines += ["", "[[section]]", f'id = "{ident}"', f"order = {index}"]
            if parent is not None:
                lines.append(f'parent = "{paths[parent]}"')
            lines.append(f"title = {localized(title, title[::-1])}")
            lines.append(f"summary = {localized(summary_ru, summary_en)}")
        for index, fact in enumerate(self.facts):
            lines += [
                "",
                "[[fact]]",
                f'id = "f{index}"',
                f'section = "{paths[fact.section % len(paths)]}"',
                f'kind = "{fact.kind}"',
                # A derived fact has no source: it names the fact it is computed from.
                'source = "src"' if fact.kind != "derived" else 'inputs = ["base"]',
                f"text = {localized(*fact.texts)}",
            ]
            if fact.kind in ("reported", "target", "derived"):
                lines += [f"value = {index * 1234.5}", 'unit = "jobs"']
                lines += ['qualifier = "about"', "year = 2025"]
            if fact.kind == "derived":
                lines.append(f"derivation = {localized(fact.extra[0], fact.extra[1])}")
            if fact.kind == "quote":
                original, translation, speaker = fact.extra
                lines.append(
                    f"quote = {{ original = {toml_string(original)}, "
                    f"translation = {toml_string(translation)}, "
                    f"speaker = {localized(speaker, speaker)} }}"
                )
            if index % 2:
                lines.append(f"note = {localized(fact.texts[1], fact.texts[0])}")
        if any(fact.kind == "derived" for fact in self.facts):
            lines += ["", "[[fact]]", 'id = "base"', f'section = "{paths[0]}"']
            lines += ['kind = "description"', 'source = "src"', f"text = {localized('0', '0')}"]
        return "\n".join(lines) + "\n"


@st.composite
def packs(draw: st.DrawFn) -> PackSpec:
    count = draw(st.integers(min_value=1, max_value=4))
    sections = []
    for index in range(count):
        parent = draw(st.none() | st.integers(min_value=0, max_value=index - 1)) if index else None
        sections.append((parent, draw(TEXT), draw(LONG_TEXT), draw(TEXT)))
    facts = tuple(
        FactSpec(
            draw(st.sampled_from(KINDS)),
            draw(st.integers(min_value=0, max_value=count - 1)),
            (draw(LONG_TEXT), draw(TEXT)),
            (draw(TEXT), draw(TEXT), draw(TEXT)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=4)))
    )
    return PackSpec((draw(TEXT), draw(TEXT)), draw(TEXT), draw(TEXT), tuple(sections), facts)


async def walk_every_section(pack: Pack, state: Path, lang: Lang, size: tuple[int, int]) -> None:
    app, written = recording_app(pack, state, lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        seen = []
        for number, path in enumerate(pack.sections):
            if number:
                await pilot.press("j")
                await settle(pilot)
            seen.append(app.screen.query_one(FactPanel).path)
            if pack.facts_in(path):
                await pilot.press("tab", "j", "shift+tab")
                await settle(pilot)
        assert seen == list(pack.sections)
        await pilot.press("slash", "a", "escape")  # the search index over every text
        await settle(pilot)
        assert app.is_running
    assert_clean_app_output(written)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=packs(), lang=st.sampled_from(["ru", "en"]), wide=st.booleans())
def test_any_valid_content_renders_every_section(spec: PackSpec, lang: Lang, wide: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        (content / "pack.toml").write_text(spec.toml(), encoding="utf-8")
        result = load_pack([content])
        assert result.errors == [], [str(p) for p in result.errors]
        assert result.pack is not None
        size = (120, 40) if wide else (60, 15)
        asyncio.run(walk_every_section(result.pack, Path(folder) / "state.json", lang, size))
