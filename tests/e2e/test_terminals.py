"""The installed `moscow-tui` in odd terminals: TERM, NO_COLOR, the C locale, sizes, resizes.

Each test runs the program in a pty of its own (see test_hostile_pty.PtyApp), presses keys, quits
with `q`, and checks the exit status and every byte written: no traceback, valid UTF-8.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pty_helpers import PtyApp, base_env, escape_sequences, program

from tui.pack.load import load_pack
from tui.pack.model import Lang, Pack
from tui.text.words import t
from tui.ui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack()
    assert result.pack is not None
    return result.pack


def first_title(pack: Pack, lang: Lang) -> str:
    return next(iter(pack.sections.values())).title.get(lang)


def second_title(pack: Pack, lang: Lang) -> str:
    return list(pack.sections.values())[1].title.get(lang)


def start(tmp_path: Path, size: tuple[int, int], lang: Lang = "en", **env: str) -> PtyApp:
    return PtyApp([str(program()), "--lang", lang], base_env(tmp_path / "home", **env), size=size)


def finish(app: PtyApp) -> str:
    """Quit with q; the exit status must be 0 and the output valid UTF-8 without a traceback."""
    try:
        app.send("q")
        code = app.wait_exit()
    finally:
        app.close()
    text = app.output.decode("utf-8")
    assert code == 0, text[-2000:]
    assert "Traceback" not in text
    return text


def chromatic(text: str) -> list[str]:
    """SGR colours that are not a shade of grey (256-colour and true-colour forms)."""
    greys_256 = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}
    found: list[str] = []
    for sequence in escape_sequences(text)[0]:
        if sequence.kind != "CSI" or sequence.final != "m":
            continue
        params = [int(p) if p.isdigit() else -1 for p in re.split("[;:]", sequence.params)]
        index = 0
        while index < len(params):
            code = params[index]
            if code in (38, 48) and index + 2 < len(params) and params[index + 1] == 5:
                if params[index + 2] not in greys_256:
                    found.append(sequence.params)
                index += 3
            elif code in (38, 48) and index + 4 < len(params) and params[index + 1] == 2:
                if len(set(params[index + 2 : index + 5])) != 1:
                    found.append(sequence.params)
                index += 5
            else:
                if (30 <= code <= 37 and code != 30 and code != 37) or 90 <= code <= 96:
                    found.append(sequence.params)
                index += 1
    return found


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"TERM": "dumb"}, "en"),
        ({"TERM": "linux"}, "ru"),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "en"),
    ],
    ids=["TERM=dumb", "TERM=linux", "NO_COLOR=1"],
)
def test_odd_terminal_types_work(
    tmp_path: Path, pack: Pack, env: dict[str, str], lang: Lang
) -> None:
    app = start(tmp_path, (80, 24), lang, **env)
    app.wait_for_text(first_title(pack, lang))
    mark = app.mark()
    app.send("j")
    app.wait_for_text(second_title(pack, lang), after=mark)
    text = finish(app)
    if "NO_COLOR" in env:
        assert chromatic(text) == []


def test_colour_check_sees_colour_without_no_color(tmp_path: Path, pack: Pack) -> None:
    """The NO_COLOR check above can fail: the same run without it has colours."""
    app = start(tmp_path, (80, 24), "en")
    app.wait_for_text(first_title(pack, "en"))
    assert chromatic(finish(app)) != []


@pytest.mark.parametrize("variables", [{"LANG": "C"}, {"LANG": "C", "LC_ALL": "C"}])
def test_c_locale_still_shows_cyrillic(
    tmp_path: Path, pack: Pack, variables: dict[str, str]
) -> None:
    app = start(tmp_path, (100, 30), "ru", **variables)
    title = first_title(pack, "ru")
    assert re.search("[а-яА-Я]", title)
    app.wait_for_text(title)
    # The interface's own Russian words too; the panel may paint a frame after the tree.
    app.wait_for_text(t("facts", "ru"))
    text = finish(app)
    assert t("facts", "ru") in text


SIZES = [(20, 5), (40, 10), (MIN_WIDTH - 1, MIN_HEIGHT), (MIN_WIDTH, MIN_HEIGHT), (300, 100)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_sizes_from_20x5_to_300x100(tmp_path: Path, pack: Pack, size: tuple[int, int]) -> None:
    width, height = size
    app = start(tmp_path, size, "en")
    small = width < MIN_WIDTH or height < MIN_HEIGHT
    if small:
        # The message wraps at 20 columns: look for words of it that fit on a line.
        app.wait_for_text("small")
    else:
        app.wait_for_text(first_title(pack, "en"))
    app.send("j", "tab", "j", "j", "shift+tab", "L")
    app.wait_quiet(0.3)
    text = finish(app)
    rows, columns = cursor_extent(text)
    assert rows <= height and columns <= width


def cursor_extent(text: str) -> tuple[int, int]:
    """The largest row and column the output moves the cursor to."""
    rows = columns = 0
    for sequence in escape_sequences(text)[0]:
        if sequence.kind == "CSI" and sequence.final == "H" and sequence.params:
            row, _, column = sequence.params.partition(";")
            rows = max(rows, int(row or 1))
            columns = max(columns, int(column or 1))
    return rows, columns


def test_a_burst_of_50_resizes(tmp_path: Path, pack: Pack) -> None:
    app = start(tmp_path, (80, 24), "en")
    app.wait_for_text(first_title(pack, "en"))
    sizes = [(20, 5), (300, 100), (59, 14), (60, 15), (120, 40), (33, 7), (200, 60), (80, 24)]
    for index in range(50):
        app.resize(*sizes[index % len(sizes)])
        if index % 10 == 0:
            app.send("j")  # keys in the middle of the burst
    app.resize(100, 30)
    app.wait_quiet(0.5)
    # The app is alive and lays out at the last size: a language switch repaints everything.
    mark = app.mark()
    app.send("L")
    app.wait_for_text(t("facts", "ru"), after=mark)
    app.wait_quiet(0.3)
    after = app.output[mark:].decode("utf-8")
    rows, columns = cursor_extent(after)
    assert (rows, columns) != (0, 0)
    assert rows <= 30 and columns <= 100
    assert rows > 24 or columns > 80  # it took the new size, not the first one
    finish(app)


def test_ctrl_c_quits_with_status_130(tmp_path: Path, pack: Pack) -> None:
    app = start(tmp_path, (80, 24))
    try:
        app.wait_for_text(first_title(pack, "en"))
        app.send("\x03")
        code = app.wait_exit()
    finally:
        app.close()
    assert code == 130
    assert "Traceback" not in app.output.decode("utf-8")
