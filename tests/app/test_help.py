"""The help screen (issue 12, "Words"): `L` inside it, one order of keys, plain explanations."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_helpers import build_pack
from textual.pilot import Pilot
from textual.widgets import Static

from tui.pack.model import FactKind, Lang, Pack, Qualifier
from tui.text.words import BASIS_LABELS, KIND_LABELS, QUALIFIER_LABELS, t
from tui.ui.app import MoscowApp
from tui.ui.screens.help import HelpScreen, on_screen_legend


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., MoscowApp]:
    def make(pack: Pack | None = None, **kwargs: Any) -> MoscowApp:
        kwargs.setdefault("state_path", tmp_path / "state.json")
        kwargs.setdefault("lang", "en")
        return MoscowApp(pack or build_pack(), **kwargs)

    return make


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def open_help(app: MoscowApp, pilot: Pilot[None]) -> str:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    return help_shown(app)


def help_shown(app: MoscowApp) -> str:
    return str(app.screen.query_one("#help-text", Static).render())


def key_rows(text: str) -> list[tuple[str, str]]:
    """(keys, words) of every row of keys in the help."""
    rows = []
    for line in text.splitlines():
        match = re.match(r"^  (\S.*?)\s{2,}(\S.*)$", line)
        if match:
            rows.append((match.group(1), match.group(2)))
    return rows


async def test_l_switches_the_help_itself(make_app: Callable[..., MoscowApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        text = await open_help(app, pilot)
        assert "Everywhere" in text and "Copy section" in text
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)  # still open
        text = help_shown(app)
        assert app.lang == "ru"
        assert "Везде" in text and "Копировать раздел" in text and "Everywhere" not in text
        assert app.title == "Москва: высокие технологии"  # the screen behind follows too
        await pilot.press("L")
        await settle(pilot)
        assert "Everywhere" in help_shown(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_keys_are_listed_in_one_order(make_app: Callable[..., MoscowApp], lang: Lang) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = key_rows(await open_help(app, pilot))
        keys = [keys for keys, _ in rows]
        for row in keys:
            parts = row.split()
            letters = [i for i, part in enumerate(parts) if len(part) == 1 and part.isalpha()]
            named = [i for i, part in enumerate(parts) if i not in letters]
            # Named keys first, then the letters: "home g", never "g home".
            assert not letters or not named or max(named) < min(letters), row
        # The tree and the fact list list their common moves in the same order.
        assert keys.index("↑ k") < keys.index("↓ j")
        assert keys.count("↑ k") == 2 and keys.count("home g") == 2 and keys.count("end G") == 2
        tree_rows = keys[keys.index("↑ k") : keys.index("end G") + 1]
        list_rows = keys[len(keys) - keys[::-1].index("↑ k") - 1 :]
        assert [k for k in tree_rows if k in list_rows] == [k for k in list_rows if k in tree_rows]
        assert "esc ← h" in keys
        assert {"<", ">", "tab", "^p"} <= set(keys)


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_kinds_and_signs_are_explained_in_other_words(
    make_app: Callable[..., MoscowApp], lang: Lang
) -> None:
    pack = build_pack()
    app = make_app(pack, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        text = await open_help(app, pilot)
        kinds, qualifiers, bases = on_screen_legend(pack)
        assert set(kinds) == set(FactKind)  # the test pack has every kind
        for kind in kinds:
            term = KIND_LABELS[kind].get(lang)
            meaning = t(f"help.kind.{kind.value}", lang)
            assert f"{term}  " in text and meaning in text
            assert term.lower() not in meaning.lower(), (term, meaning)
        for qualifier in qualifiers:
            term = QUALIFIER_LABELS[qualifier].get(lang)
            meaning = t(f"help.sign.{qualifier.value}", lang)
            assert meaning in text and term.lower() not in meaning.lower()
        for basis in bases:
            term = BASIS_LABELS[basis].get(lang)
            meaning = t(f"help.basis.{basis.value}", lang)
            assert term in text and meaning in text
            assert not set(term.lower().split()) & set(meaning.lower().split()), (term, meaning)


async def test_help_mentions_only_what_the_screen_shows(
    make_app: Callable[..., MoscowApp],
) -> None:
    base = build_pack()
    # No quotes and no series with a basis of "target" in this pack; nothing is "up to".
    pack = dataclasses.replace(
        base,
        facts=tuple(f for f in base.facts if f.kind is not FactKind.QUOTE),
        series={k: s for k, s in base.series.items() if s.basis.value != "target"},
    )
    app = make_app(pack)
    async with app.run_test(size=(120, 40)) as pilot:
        text = await open_help(app, pilot)
        assert "quote  " not in text and t("help.kind.quote", "en") not in text
        assert "target path" not in text
        assert t("help.sign.up-to", "en") not in text
        # An exact figure shows no sign, so "exactly" and "=" are not explained.
        assert QUALIFIER_LABELS[Qualifier.EXACTLY].en not in text
        assert "\n  = " not in text
        assert "≈ about" in text and "> over" in text
