"""UI strings: both languages, and values from outside made safe before they reach the screen."""

from __future__ import annotations

import pytest

from tui.text.words import STRINGS, detect_locale_lang, t


def test_every_string_has_both_languages() -> None:
    for key, (ru, en) in STRINGS.items():
        assert ru.strip() and en.strip(), key


@pytest.mark.parametrize("payload", ["\x1b]0;pwned\x07", "\x9b2J", "a\u202eb", "\x00"])
def test_interpolated_values_are_sanitised(payload: str) -> None:
    shown = t("unknown-section", "en", path=payload)
    assert shown.startswith("Unknown section: ")
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in shown)
    assert "\u202e" not in shown


def test_locale_decides_language() -> None:
    assert detect_locale_lang({"LANG": "ru_RU.UTF-8"}) == "ru"
    assert detect_locale_lang({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}) == "en"
    assert detect_locale_lang({}) == "en"
