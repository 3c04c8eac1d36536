"""Hostile content: nothing it holds reaches the terminal, the clipboard or an export as a control.

The corpus in tests/data/hostile is a valid pack whose texts carry every C0 and C1 control, DEL,
escape sequences (title, clipboard, clear, cursor, hyperlinks), bidi and zero-width characters,
Rich/Textual markup, very long lines and words, and scripts that are hard to lay out. These tests
check that `moscow-tui check` names every sanitised string, that the bytes the installed program
writes to a pty hold only escape sequences Textual itself writes (the allow-list is taken from a
run on clean content), that a real terminal (tmux) keeps its title and clipboard, and that copies
and exports carry no control characters.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from functools import partial
from pathlib import Path

import pytest
from e2e_helpers import Tmux
from pty_helpers import (
    BIDI,
    CLEAN_PACK,
    HOSTILE_DEEP,
    HOSTILE_PACK,
    ZERO_WIDTH,
    PtyApp,
    Sequence_,
    assert_clean_app_output,
    base_env,
    control_characters,
    escape_sequences,
    hostile_generator,
    program,
    recording_app,
    settle,
    unsafe,
    until,
)
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList

from tui import cli, clipboard
from tui.export.copy import fact_clipboard_text, section_markdown
from tui.pack.load import load_pack
from tui.pack.model import Lang, Pack
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.search import SearchResults, SearchScreen
from tui.ui.widgets.fact_list import FactList

MARKUP = "[@click=app.quit]x[/]"


gen = hostile_generator()


def marker(number: int) -> str:
    return str(gen.mark(number))


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack([HOSTILE_PACK])
    assert result.errors == [], [str(p) for p in result.errors]
    assert result.pack is not None
    return result.pack


def shown_as(text: str) -> str:
    """What the reader must see for `text`, written out independently of tui.pack.sanitize."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif code == 0x1B:
            out.append("␛")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("␡")
        elif 0x80 <= code <= 0x9F or ch in BIDI or ch in ZERO_WIDTH:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def strings_of(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_of(key)
            yield from strings_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_of(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for spec in fields(value):
            yield from strings_of(getattr(value, spec.name))


# --- the corpus ---------------------------------------------------------------------------------


def test_corpus_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    gen.write(tmp_path / "pack", tmp_path / "deep")
    for name in ("pack", "deep"):
        fresh = {p.name: p.read_bytes() for p in sorted((tmp_path / name).glob("*.toml"))}
        committed = {
            p.name: p.read_bytes() for p in sorted((HOSTILE_PACK.parent / name).glob("*.toml"))
        }
        assert fresh.keys() == committed.keys()
        stale = [file for file in fresh if fresh[file] != committed[file]]
        assert stale == [], "run: python tests/data/hostile/generate.py"


def test_corpus_holds_every_payload(pack: Pack) -> None:
    payloads = gen.payloads()
    texts = {p.text for p in payloads}
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]:
        assert chr(code) in texts, f"U+{code:04X} missing"
    for char in BIDI + ZERO_WIDTH:
        assert char in texts
    for needed in (
        "\x1b]0;pwned\x1b\\",
        "\x1b]52;c;SGVsbG8=\x1b\\",
        "\x1b[2J",
        "\x1b[?1049l",
        "[link=file:///etc/passwd]x[/link]",
        "[/]",
        "[$accent]",
        "[B]",
        "[50%]",
        MARKUP,
    ):
        assert any(needed in text for text in texts), needed
    # As long as the loader allows a text to be (2,000 characters, 20 lines).
    assert any(len(t) >= gen.LONG_LINE and "\n" not in t for t in texts)
    assert any(len(t) >= gen.LONG_WORD and " " not in t for t in texts)
    assert len(payloads) >= 140
    # Every payload reaches the pack, in its visible form.
    everything = "\x00".join(strings_of(pack))
    missing = [p.name for p in payloads if shown_as(p.text) not in everything]
    assert missing == []


def test_loaded_pack_holds_no_unsafe_character(pack: Pack) -> None:
    bad = {text[:60]: unsafe(text) for text in strings_of(pack) if unsafe(text)}
    assert bad == {}


@pytest.mark.parametrize("category", ["c0", "c1", "bidi", "escapes", "markup"])
def test_each_payload_is_shown_as_its_mark(pack: Pack, category: str) -> None:
    """A fact per payload; its text is the payload with each control made visible."""
    section = {"c0": "controls"}.get(category, category)
    payloads = [p for p in gen.payloads() if p.category == category]
    facts = pack.facts_in(section)
    assert len(facts) == len(payloads)
    for fact, payload in zip(facts, payloads, strict=True):
        assert fact.text.en == f"Payload {payload.name}: <{shown_as(payload.text)}> end"
    by_id = {fact.id: fact for fact in facts}
    if category == "c0":
        assert by_id["controls-027"].text.en == "Payload C0 U+001B: <␛> end"
        assert by_id["controls-000"].text.en == "Payload C0 U+0000: <␀> end"
        assert by_id["controls-009"].text.en == "Payload C0 U+0009: <    > end"
        assert by_id["controls-032"].text.en == "Payload DEL U+007F: <␡> end"
    if category == "escapes":
        assert by_id["escapes-000"].text.en == "Payload OSC 0 title, ST: <␛]0;pwned␛\\> end"
        assert by_id["escapes-024"].text.en == "Payload 8-bit CSI 2J: <\ufffd2J> end"
    if category == "markup":
        assert by_id["markup-000"].text.en == f"Payload click action: <{MARKUP}> end"


def test_raw_characters_load_like_escaped_ones(pack: Pack) -> None:
    """zz-raw.toml has C1, bidi and zero-width characters and a tab unescaped in the file."""
    raw = (HOSTILE_PACK / "zz-raw.toml").read_text("utf-8")
    assert "\u202e" in raw and "\x85" in raw and "\t" in raw
    payloads = [p for p in gen.payloads() if p.category in ("c1", "bidi") or p.name == "C0 U+0009"]
    facts = pack.facts_in("raw")
    assert [f.text.en for f in facts] == [
        f"Payload {p.name}: <{shown_as(p.text)}> end" for p in payloads
    ]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
        cwd=cwd,
    )


def test_check_names_every_sanitised_string_with_file_and_line() -> None:
    done = run_cli("check", str(HOSTILE_PACK))
    assert done.returncode == 0, done.stderr[-2000:]
    expected = gen.expected_warnings()
    assert done.stdout.startswith("content OK: 12 sections")
    assert f"({sum(expected.values())} warnings)" in done.stdout
    pattern = re.compile(rf"{re.escape(str(HOSTILE_PACK))}/([\w.-]+):(\d+):\d+: warning: (.+)")
    found: Counter[tuple[str, int]] = Counter()
    for line in done.stderr.splitlines():
        match = pattern.fullmatch(line)
        assert match is not None, line
        assert "replaced with" in match[3]
        found[(match[1], int(match[2]))] += 1
    assert found == expected
    assert unsafe(done.stdout + done.stderr) == []


def test_deep_nesting_is_a_clean_error() -> None:
    done = run_cli("check", str(HOSTILE_DEEP))
    assert done.returncode == 1
    nested = str(HOSTILE_DEEP / "nested.toml")
    assert f"{nested}:9:1: error: [[fact]] #1 (id \"deep\") key 'value': expected a number" in (
        done.stderr
    )
    assert f"{nested}:13:" in done.stderr  # the 200-deep inline table
    assert f"{nested}:18:1: error:" in done.stderr  # the 200-deep array as a title
    runs = [done]
    for args in (
        ("export", "--format", "json", "--content", str(HOSTILE_DEEP)),
        ("--content", str(HOSTILE_DEEP)),
    ):
        runs.append(run_cli(*args))
        assert runs[-1].returncode == 1
        assert "expected a number, not an array" in runs[-1].stderr
    for output in runs:
        assert "Traceback" not in output.stderr + output.stdout
        assert "internal error" not in output.stderr


# --- what the installed program writes to a terminal ------------------------------------------


@dataclass(frozen=True)
class AllowList:
    """What Textual itself writes: sequence shapes, OSC strings and bare control characters."""

    shapes: frozenset[tuple[str, ...]]
    osc: frozenset[str]
    controls: str
    modes: tuple[str, ...]  # every sequence but colours and moves, in order: set up, tear down


def terminal_modes(sequences: list[Sequence_]) -> tuple[str, ...]:
    return tuple(
        s.raw
        for s in sequences
        if s.kind != "OSC" and s.shape() not in (("CSI", "m"), ("CSI", "H"))
    )


def walk(app: PtyApp, pack: Pack, facts_per_section: int) -> None:
    """Every section with j; in each, Tab into the facts, j through them, Shift+Tab back."""
    app.wait_for_text(marker(1))
    for number, path in enumerate(pack.sections, start=1):
        if number > 1:
            app.wait_quiet(0.2)
            start = app.mark()
            app.send("j")
            app.wait_for_text(marker(number), after=start)
        count = min(len(pack.facts_in(path)), facts_per_section)
        if count:
            app.send("tab", *("j" * count), "shift+tab")
    app.wait_quiet(0.2)


def run_walk(
    tmp_path: Path, content: Path, size: tuple[int, int], lang: Lang, facts: int
) -> tuple[bytes, int]:
    app = PtyApp(
        [str(program()), "--content", str(content), "--lang", lang],
        base_env(tmp_path / "home"),
        size=size,
    )
    try:
        result = load_pack([content])
        assert result.pack is not None
        if content == CLEAN_PACK:
            # The clean pack has no markers: wait for its title, then walk without them.
            app.wait_for_text(result.pack.title.get(lang))
            for path in result.pack.sections:
                app.send("j", "tab", *("j" * len(result.pack.facts_in(path))), "shift+tab")
            app.wait_quiet(0.3)
        else:
            walk(app, result.pack, facts)
        app.send("q")
        code = app.wait_exit()
        return app.output, code
    finally:
        app.close()


@pytest.fixture(scope="module")
def allowed(tmp_path_factory: pytest.TempPathFactory) -> AllowList:
    """The allow-list, from the same program walking the clean test pack."""
    output, code = run_walk(
        tmp_path_factory.mktemp("clean"), CLEAN_PACK, (120, 40), "en", facts=100
    )
    assert code == 0
    text = output.decode("utf-8")
    sequences, rest = escape_sequences(text)
    assert len(sequences) > 100  # it did paint
    osc = frozenset(s.raw for s in sequences if s.kind == "OSC")
    controls = "".join(sorted({ch for ch in rest if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F}))
    # Textual writes newlines and carriage returns between lines, and nothing else bare.
    assert set(controls) <= {"\r", "\n"}
    modes = terminal_modes(sequences)
    assert modes[-1] != modes[0] and "\x1b[?1049h" in modes and "\x1b[?1049l" in modes
    return AllowList(frozenset(s.shape() for s in sequences), osc, controls, modes)


def assert_clean_terminal_output(output: bytes, allowed: AllowList) -> str:
    """Everything `output` holds is something Textual writes on clean content; its text."""
    text = output.decode("utf-8")  # strict: invalid UTF-8 would be a leak of its own
    sequences, rest = escape_sequences(text)
    broken = [s.raw for s in sequences if s.kind == "BAD"]
    assert broken == [], "an ESC that starts no sequence"
    foreign = sorted({s.shape() for s in sequences} - allowed.shapes)
    assert foreign == [], "sequences that Textual does not write on clean content"
    osc = sorted({s.raw for s in sequences if s.kind == "OSC"} - allowed.osc)
    assert osc == [], "an OSC that came from content"
    assert not any(s.kind in ("DCS", "APC", "PM", "SOS") for s in sequences)
    assert ("CSI", "2", "", "J") not in {s.shape() for s in sequences}
    # Modes are set once at the start and reset once at the end, exactly as on clean content: a
    # content ESC [?1049l (or ?25h, ?1000l …) would add one.
    assert terminal_modes(sequences) == allowed.modes
    assert control_characters(rest, allowed=allowed.controls) == []
    assert [c for c in rest if c in BIDI or c in ZERO_WIDTH] == []
    return rest


def test_allow_list_is_what_textual_writes(allowed: AllowList) -> None:
    """Sanity of the allow-list: the modes Textual sets, and no clear or content OSC."""
    for mode in ("?1049", "?25", "?1000", "?1006", "?2004"):
        assert ("CSI", mode, "", "h") in allowed.shapes
        assert ("CSI", mode, "", "l") in allowed.shapes
    assert ("CSI", "m") in allowed.shapes and ("CSI", "H") in allowed.shapes
    assert ("CSI", "2", "", "J") not in allowed.shapes
    # Textual sets the mouse pointer shape (OSC 22); it writes no other OSC without a copy.
    assert allowed.osc <= {"\x1b]22;default\x07"}


@pytest.mark.parametrize(
    "leak",
    [
        "\x1b]0;pwned\x07",
        "\x1b]52;c;SGVsbG8=\x1b\\",
        "\x1b[2J",
        "\x1b[?1049l",
        "\x1bP$qm\x1b\\",
        "\x1b",
        "\x9b2J",
        "\x00",
        "\u202e",
        "\u200b",
    ],
)
def test_the_byte_check_catches_each_kind_of_leak(allowed: AllowList, leak: str) -> None:
    """The check above can fail: one leaked sequence or character in clean output trips it."""
    start, end = "".join(allowed.modes[:8]), "".join(allowed.modes[8:])
    clean = "\x1b[1;1H\x1b[38;5;253mHello\x1b[0m\r\n"
    assert_clean_terminal_output((start + clean + end).encode(), allowed)
    with pytest.raises(AssertionError):
        assert_clean_terminal_output((start + clean + leak + "x" + end).encode(), allowed)


WALKS = [((80, 24), "en", 100), ((120, 40), "ru", 100), ((300, 100), "en", 100)]


@pytest.mark.parametrize(("size", "lang", "facts"), WALKS, ids=["80x24", "120x40-ru", "300x100"])
def test_bytes_written_for_every_section_hold_no_content_escape(
    tmp_path: Path, pack: Pack, allowed: AllowList, size: tuple[int, int], lang: Lang, facts: int
) -> None:
    output, code = run_walk(tmp_path, HOSTILE_PACK, size, lang, facts)
    assert code == 0
    text = assert_clean_terminal_output(output, allowed)
    # The payloads were painted, as visible marks and literal markup.
    assert "␛]0;pwned" in text  # the pack title in the header
    # (Which facts get painted depends on how key presses coalesce; these are on first screens.)
    assert "\ufffd" in text
    assert "␀" in text
    assert MARKUP in text
    assert "[$accent]" in text
    assert "Traceback" not in text


def test_bytes_at_20x5_hold_no_content_escape(
    tmp_path: Path, pack: Pack, allowed: AllowList
) -> None:
    app = PtyApp(
        [str(program()), "--content", str(HOSTILE_PACK), "--lang", "en"],
        base_env(tmp_path / "home"),
        size=(20, 5),
    )
    try:
        app.wait_for_text("small")
        app.send(*("j" * len(pack.sections)), "tab", "j", "j", "shift+tab")
        app.wait_quiet(0.3)
        app.send("q")
        assert app.wait_exit() == 0
    finally:
        app.close()
    assert_clean_terminal_output(app.output, allowed)


# --- a real terminal: tmux ----------------------------------------------------------------------


def panel_moved_to(tmux: Tmux, number: int) -> bool:
    """Section `number`'s summary is on screen and the previous one's is gone."""
    screen = tmux.capture()
    return marker(number) in screen and marker(number - 1) not in screen


def test_tmux_keeps_its_title_and_clipboard_through_every_section(
    tmp_path: Path, pack: Pack
) -> None:
    tmux = Tmux(tmp_path, width=120, height=40)
    try:
        tmux.start([str(program()), "--content", str(HOSTILE_PACK), "--lang", "en"])
        assert tmux.run("show-options", "-g", "set-clipboard").stdout.split() == [
            "set-clipboard",
            "on",
        ]
        tmux.wait_for_text(marker(1))
        title = tmux.pane("#{pane_title}")
        assert "pwned" not in title
        sections = list(pack.sections)
        for number, path in enumerate(sections, start=1):
            if number > 1:
                tmux.send("j")
                # The next summary is on screen and the previous one gone: the panel moved on.
                tmux.wait_for(f"section {number}", partial(panel_moved_to, tmux, number))
            if pack.facts_in(path):
                tmux.send("Tab", "j", "j", "j", "BTab")
            assert tmux.pane("#{pane_title}") == title
            assert tmux.buffer_names() == [], f"a tmux buffer appeared at {path}"
        screen = tmux.capture()
        assert "Section controls" in screen and "Section raw" in screen  # the tree is still there
        assert "pwned" not in tmux.pane("#{pane_title}")
        assert tmux.pane("#{alternate_on}") == "1"  # no ESC [?1049l got through
        tmux.send("C")  # a copy key: now, and only now, a buffer appears
        tmux.wait_for("the section in a tmux buffer", lambda: tmux.buffer_names() != [])
        copied = tmux.buffer() or ""
        assert marker(12) in copied and unsafe(copied) == []
        tmux.send("q")
        assert tmux.wait_for_exit() == 0
        assert tmux.pane("#{pane_title}") == title
    finally:
        tmux.kill()


# --- copies and exports -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_copy_text_is_free_of_controls(pack: Pack, lang: Lang) -> None:
    for fact in pack.facts:
        text = fact_clipboard_text(pack, fact, lang)
        assert unsafe(text) == [], fact.id
        assert "\t" not in text
    for path in pack.sections:
        text = section_markdown(pack, path, lang)
        assert unsafe(text) == [], path
        assert "\t" not in text


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_exports_are_free_of_controls(
    capsys: pytest.CaptureFixture[str], fmt: str, lang: Lang, pack: Pack
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["export", "--format", fmt, "--lang", lang, "--content", str(HOSTILE_PACK)])
    assert exited.value.code == 0
    output = capsys.readouterr().out
    assert unsafe(output) == [] and "\t" not in output
    # The longest line and word the loader allows made it through, whole.
    assert max(len(line) for line in output.splitlines()) >= gen.LONG_LINE
    assert "x" * gen.LONG_WORD in output
    if fmt == "json":
        data = json.loads(output)
        assert len(data["facts"]) == len(pack.facts)
        assert all(unsafe(s) == [] for s in strings_of(data))
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(output)))
        assert len(rows) == len(pack.facts) + 1
        assert all(unsafe(cell) == [] for row in rows for cell in row)
    else:
        assert MARKUP not in output  # Markdown escapes the brackets
        assert "\\[@click=app.quit\\]x\\[/\\]" in output


# --- the app in process: every surface, with its bytes recorded ------------------------------


@pytest.fixture
def native_copies(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    received: list[str] = []

    def fake(text: str, timeout: float = 1.0) -> clipboard.NativeCopyResult:
        received.append(text)
        return clipboard.NativeCopyResult("fakeclip", True, "copied with fakeclip")

    monkeypatch.setattr(clipboard, "copy_native", fake)
    return received


async def test_copy_keys_in_the_loudest_sections_send_no_controls(
    pack: Pack, tmp_path: Path, native_copies: list[str]
) -> None:
    """`c` on the last fact and `C` in the loudest sections: the clipboard and bytes stay clean.

    (Every copy text of every fact and section is checked above without the app; the terminal
    walks go through every section.)
    """
    app, written = recording_app(pack, tmp_path / "state.json", lang="ru")
    chosen = ["controls", "escapes", "long", "quotes", "raw"]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for path in chosen:
            main = app.main_screen
            assert main is not None
            await main.goto(path)
            await settle(pilot)
            facts = pack.facts_in(path)
            await pilot.press("tab", "G")
            await settle(pilot)
            assert app.screen.query_one(FactList).highlighted_fact == facts[-1]
            await pilot.press("c")
            await app.workers.wait_for_complete()
            assert app.clipboard == fact_clipboard_text(pack, facts[-1], "ru")
            await pilot.press("C", "shift+tab")
            await app.workers.wait_for_complete()
            assert app.clipboard == section_markdown(pack, path, "ru")
            await settle(pilot)
        assert app.is_running
    copies = 2 * len(chosen)
    assert len(native_copies) == copies
    assert all(unsafe(text) == [] and "\t" not in text for text in native_copies)
    text = assert_clean_app_output(written, copies=copies)
    last = pack.facts_in("escapes")[-1].text.ru
    assert last in text  # painted, with its visible mark


def has_options(options: OptionList) -> bool:
    return options.option_count > 0


async def test_search_palette_help_and_toasts_show_hostile_text_literally(
    pack: Pack, tmp_path: Path
) -> None:
    app, written = recording_app(
        pack, tmp_path / "state.json", lang="en", start_path=f"no/such {MARKUP} [/]"
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        # The notice for the unknown path, shown as it was written.
        toasts = [n.message for n in app._notifications]
        assert any(MARKUP in message and "[/]" in message for message in toasts)
        await pilot.press("slash", *"pwned")
        await settle(pilot)
        prompts = app.screen.query_one(SearchResults).row_texts()
        assert any("␛]0;pwned" in prompt for prompt in prompts)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("slash", *"click=app")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        prompts = app.screen.query_one(SearchResults).row_texts()
        assert any(MARKUP in prompt for prompt in prompts)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running  # the [@click=app.quit] text ran nothing
        for query in ("[/]", "link=file"):
            await pilot.press("ctrl+p")
            await settle(pilot)
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*query)
            hits = app.screen.query_one(CommandList)
            await until(pilot, f"palette hits for {query}", partial(has_options, hits))
            prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
            assert any(query in prompt for prompt in prompts), prompts
            await pilot.press("enter")
            await settle(pilot)
            assert not isinstance(app.screen, CommandPalette)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
    text = assert_clean_app_output(written)
    assert MARKUP in text
    assert "[link=file:///etc/passwd]x[/link]" in text
