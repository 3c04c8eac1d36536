"""Write the hostile content corpus: a valid pack in which every text carries a payload.

`python tests/data/hostile/generate.py` rewrites `pack/` (loadable, every payload a warning),
`deep/` (arrays and tables nested 200 deep: a clean error) and `limits/` (numbers and texts past
the loader's limits: an error each, listed by `expected_limit_errors()`). The TOML files are
committed; a test checks they equal what this script writes, and reads `expected_warnings()` to
check that `moscow-tui check` reports each sanitised string at its file and line.

The loadable pack holds texts as long as the limits allow (a word, a line, many lines) and
numbers at the edge of the allowed range; the texts past the limits (up to 10 MB) are made by
the tests themselves rather than committed.

Control characters that TOML forbids raw are written as `\\uXXXX` escapes. Everything else that
TOML allows raw (C1, bidi and zero-width characters, tab) is escaped in most files, for people
who `cat` them, and written raw in `zz-raw.toml`, so both ways into the loader are covered.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK_DIR = HERE / "pack"
DEEP_DIR = HERE / "deep"
LIMITS_DIR = HERE / "limits"
DEPTH = 200
# As long as a fact's text may be (2,000 characters, 20 lines), with room for the words around.
LONG_LINE = 1_900
LONG_WORD = 1_900
MANY_LINES = 18
NUMBER_LIMIT = 1e15  # the largest magnitude the loader accepts
SPEAKER_CHARS = 250

# What the sanitiser replaces (kept here, independent of tui.pack.sanitize, so the corpus does not
# just mirror the code it tests).
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

ESC = "\x1b"
ST = ESC + "\\"
BEL = "\x07"

# A marker opens every section summary (both languages): the terminal tests wait for it. Each is
# one letter six times, a different letter per section, so no two share a cell: a terminal
# writer that skips cells which did not change still writes a whole marker.


def mark(number: int) -> str:
    return chr(ord("A") + number - 1) * 6


@dataclass(frozen=True)
class Payload:
    name: str
    category: str
    text: str


def _escapes() -> list[tuple[str, str]]:
    return [
        ("OSC 0 title, ST", f"{ESC}]0;pwned{ST}"),
        ("OSC 2 title, BEL", f"{ESC}]2;pwned{BEL}"),
        ("OSC 52 clipboard write, ST", f"{ESC}]52;c;SGVsbG8={ST}"),
        ("OSC 52 clipboard write, BEL", f"{ESC}]52;c;SGVsbG8={BEL}"),
        ("OSC 52 clipboard read", f"{ESC}]52;c;?{BEL}"),
        ("OSC 8 hyperlink", f"{ESC}]8;;https://evil.example/{ST}click{ESC}]8;;{ST}"),
        ("OSC 11 background query", f"{ESC}]11;?{BEL}"),
        ("OSC 1337 iTerm2 file", f"{ESC}]1337;File=name=eA==;inline=1:eA=={BEL}"),
        ("CSI 2J clear screen", f"{ESC}[2J"),
        ("CSI 3J clear scrollback", f"{ESC}[3J"),
        ("CSI H home", f"{ESC}[H"),
        ("CSI ?1049l leave alternate screen", f"{ESC}[?1049l"),
        ("CSI ?1000l mouse off", f"{ESC}[?1000l"),
        ("CSI ?25h show cursor", f"{ESC}[?25h"),
        ("CSI cursor moves", f"{ESC}[10A{ESC}[5C{ESC}[3;7H{ESC}[2K{ESC}[1L"),
        ("CSI SGR blink red", f"{ESC}[5;31;47mred{ESC}[0m"),
        ("CSI device attributes query", f"{ESC}[c{ESC}[>c{ESC}[6n"),
        ("CSI window ops", f"{ESC}[21t{ESC}[8;1;1t"),
        ("CSI bracketed paste end", f"{ESC}[201~"),
        ("DCS DECRQSS", f"{ESC}P$qm{ST}"),
        ("APC kitty graphics", f"{ESC}_Ga=d{ST}"),
        ("RIS full reset", f"{ESC}c"),
        ("DECSC/DECRC", f"{ESC}7{ESC}8"),
        ("charset G0 line drawing", f"{ESC}(0lqk{ESC}(B"),
        ("8-bit CSI 2J", "\x9b2J"),
        ("8-bit OSC title", "\x9d0;pwned\x9c"),
        ("lone ESC at end", ESC),
    ]


def _markup() -> list[tuple[str, str]]:
    return [
        ("click action", "[@click=app.quit]x[/]"),
        ("click screenshot", "[@click=app.screenshot()]shot[/]"),
        ("link file", "[link=file:///etc/passwd]x[/link]"),
        ("unbalanced close", "[/]"),
        ("unbalanced named close", "[/bold]"),
        ("variable", "[$accent]"),
        ("bare B", "[B]"),
        ("percent", "[50%]"),
        ("bold red", "[bold red]x"),
        ("on red reverse", "[on red][reverse]x[/reverse][/on red]"),
        ("escaped bracket", "\\[bold]x"),
        ("unclosed link", "[link=https://evil.example/]"),
        ("emoji code", ":warning: :smile:"),
        ("dollar variable", "$accent $text"),
        ("markdown link", "[x](javascript:alert(1)) <script>x</script> *a* _b_ `c` |d|"),
        ("csv injection", '=HYPERLINK("http://evil.example","x"),"quote'),
        ("markdown structure", "Export\n# FAKE\n---\n- item\n> quote\n1. one\n```\ncode"),
        ("markdown table", "| a | b |\n|---|---|\n| 1 | 2 |"),
    ]


# Texts that begin a cell of a CSV export: a spreadsheet would run each as a formula.
FORMULA_CELLS = (
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
)
# Texts whose lines Markdown would read as structure: headings, rules, lists, quotes, code.
STRUCTURE_TEXTS = (
    "Export\n# FAKE\n---",
    "# ЗАГОЛОВОК\n---\n- пункт\n> цитата\n1. один\n```\nкод",
    "=== \n***\n+ plus item\n<div>html</div>\n    indented code",
)


def _scripts() -> list[tuple[str, str]]:
    zalgo = "Z" + "\u0301\u0316\u0337\u0352" * 25 + "algo"
    return [
        ("combining marks", "e\u0301 a\u0308 " + zalgo),
        ("wide CJK", "中文字符测试 日本語のテキスト 한국어 텍스트 " * 3),
        ("fullwidth", "ＡＢＣ１２３ｘｙｚ"),
        ("emoji", "🚀📈🏙️ 👍🏽 🇷🇺 1️⃣ ❤️"),
        ("emoji ZWJ family", "👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈"),
        ("right to left", "مرحبا بالعالم שלום עולם مرحبا 123"),
        ("mixed direction", "Moscow — Москва — موسكو — מוסקבה"),
        ("line and paragraph separator", "a\u2028b\u2029c"),
        ("soft hyphen and nbsp", "soft\u00adhyphen no\u00a0break"),
        ("hangul fillers", "\u115f\u1160\u3164\uffa0"),
        ("private use and noncharacter", "\ue000\uf8ff\U000f0000\ufffe\uffff"),
        ("tag characters", "\U000e0001\U000e0041\U000e007f"),
        ("replacement and control pictures", "\ufffd ␛ ␀ ␡ ␇"),
        ("math and astral", "𝔐𝔬𝔰𝔠𝔬𝔴 𝟘𝟙 \U0001f9ea"),
    ]


def payloads() -> list[Payload]:
    """Every payload of the corpus, by category."""
    items: list[Payload] = []
    for code in range(0x20):
        items.append(Payload(f"C0 U+{code:04X}", "c0", chr(code)))
    items.append(Payload("DEL U+007F", "c0", "\x7f"))
    for code in range(0x80, 0xA0):
        items.append(Payload(f"C1 U+{code:04X}", "c1", chr(code)))
    items += [Payload(name, "escapes", text) for name, text in _escapes()]
    for char in BIDI:
        items.append(Payload(f"bidi U+{ord(char):04X}", "bidi", char))
    items.append(
        Payload(
            "trojan source",
            "bidi",
            "access\u202e\u2066 if admin\u2069\u2066 level",
        )
    )
    for char in ZERO_WIDTH:
        items.append(Payload(f"zero-width U+{ord(char):04X}", "bidi", char))
    items += [Payload(name, "markup", text) for name, text in _markup()]
    items += [Payload(name, "scripts", text) for name, text in _scripts()]
    items.append(Payload(f"{LONG_WORD:,}-character word", "long", "x" * LONG_WORD))
    words = ("lorem ipsum dolor sit amet москва " * (LONG_LINE // 30 + 1))[:LONG_LINE]
    items.append(Payload(f"{LONG_LINE:,}-character line", "long", words))
    items.append(Payload("many lines", "long", "line\n" * MANY_LINES))
    return items


def needs_sanitising(text: str) -> bool:
    bad = {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)}
    return any(ch in bad or ch in BIDI or ch in ZERO_WIDTH for ch in text)


def toml_string(text: str, *, raw: bool = False) -> str:
    """A TOML basic string; forbidden controls escaped, the rest raw only when `raw`."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif (
            (code < 0x20 and (ch != "\t" or not raw))
            or code == 0x7F
            or (not raw and (0x80 <= code <= 0x9F or ch in BIDI or ch in ZERO_WIDTH))
        ):
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass
class TomlFile:
    """Lines of one file, and the (line, field) of each string the loader must warn about."""

    name: str
    raw: bool = False
    lines: list[str] = field(default_factory=list)
    warned: list[tuple[int, str]] = field(default_factory=list)
    expected: list[tuple[int, str]] = field(default_factory=list)  # (line, error) of `limits/`

    def add(self, line: str = "") -> None:
        self.lines.extend(line.split("\n"))

    def expect(self, error: str) -> None:
        """The last line written must give an error whose message holds `error`."""
        self.expected.append((len(self.lines), error))

    def put(self, key: str, text: str) -> None:
        self.lines.append(f"{key} = {toml_string(text, raw=self.raw)}")
        if needs_sanitising(text):
            self.warned.append((len(self.lines), key))

    def put_many(self, prefix: str, parts: list[tuple[str, str]], suffix: str = "") -> None:
        """One line holding several strings (an inline table), e.g. a series point."""
        inner = ", ".join(f"{k} = {toml_string(v, raw=self.raw)}" for k, v in parts)
        self.lines.append(f"{prefix}{inner}{suffix}")
        for key, value in parts:
            if needs_sanitising(value):
                self.warned.append((len(self.lines), key))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


HEADER = "#:schema ../../../../content/schema.json"

SECTIONS: list[tuple[str, str | None, str, str]] = [
    # (id, parent, category shown, title payload name)
    ("controls", None, "c0", "OSC 0 title, ST"),
    ("c1", None, "c1", "8-bit CSI 2J"),
    ("escapes", None, "escapes", "CSI 2J clear screen"),
    ("bidi", None, "bidi", "trojan source"),
    ("markup", None, "markup", "click action"),
    ("nested", "markup", "", "link file"),
    ("deeper", "markup/nested", "", "unbalanced close"),
    ("long", None, "long", "variable"),
    ("scripts", None, "scripts", "emoji ZWJ family"),
    ("quotes", None, "", "OSC 52 clipboard write, ST"),
    ("series", None, "", "right to left"),
    ("raw", None, "", "bidi U+202E"),
]

SOURCES = ("report", "undated", "c1-source")
DATED_SOURCES = ("report", "c1-source")  # a series point needs a date
QUALIFIERS = ("over", "about", "exactly", "up-to")


def _by_name() -> dict[str, Payload]:
    return {p.name: p for p in payloads()}


def _section_path(ident: str, parent: str | None) -> str:
    return f"{parent}/{ident}" if parent else ident


def pack_file() -> TomlFile:
    named = _by_name()
    f = TomlFile("pack.toml")
    f.add(HEADER)
    f.add("# The hostile corpus: every text below carries a payload (see generate.py).")
    f.add("")
    f.add("[pack]")
    f.put("title.ru", "Враждебный набор " + named["OSC 0 title, ST"].text + " [bold red]x")
    f.put("title.en", "Hostile pack " + named["OSC 0 title, ST"].text + " [bold red]x")
    f.add('primary_source = "report"')
    sources = [
        (
            "report",
            "TASS" + named["CSI 2J clear screen"].text,
            "Report " + named["OSC 52 clipboard write, ST"].text,
            "2025-10-22",
            "https://example.org/a" + named["OSC 0 title, ST"].text,
            "trojan source",
        ),
        (
            "undated",
            "[@click=app.quit]Publisher[/]",
            "Undated [link=file:///etc/passwd]x[/link]",
            None,
            "https://example.org/[link=file:///etc/passwd]x[/link]\u202ecod.exe",
            "OSC 8 hyperlink",
        ),
        (
            "c1-source",
            "C1\x9b2J\x85publisher",
            "Title \x9d0;pwned\x9c \u200b",
            "2018-10-25",
            None,
            "lone ESC at end",
        ),
    ]
    for ident, publisher, title, when, url, note in sources:
        f.add("")
        f.add("[[source]]")
        f.add(f'id = "{ident}"')
        f.put("publisher", publisher)
        f.put("title", title)
        if when:
            f.add(f"date = {when}")
        if url:
            f.put("url", url)
        f.add('language = "ru"')
        f.put("note.ru", "Примечание " + named[note].text)
        f.put("note.en", "Note " + named[note].text)
    return f


def sections_file() -> TomlFile:
    named = _by_name()
    f = TomlFile("sections.toml")
    f.add(HEADER)
    for number, (ident, parent, _category, payload) in enumerate(SECTIONS, start=1):
        text = named[payload].text
        f.add("")
        f.add("[[section]]")
        f.add(f'id = "{ident}"')
        if parent:
            f.add(f'parent = "{parent}"')
        f.add(f"order = {number}")
        f.put("title.ru", f"Раздел {ident} {text}")
        f.put("title.en", f"Section {ident} {text}")
        f.put("summary.ru", f"{mark(number)} Сводка: {text}\nвторая строка [b]x[/b]")
        f.put("summary.en", f"{mark(number)} Summary: {text}\nsecond line [b]x[/b]")
    return f


def _fact(
    f: TomlFile, ident: str, section: str, payload: Payload, index: int, *, raw_note: bool = False
) -> None:
    kind = ("reported", "target", "description", "derived")[index % 4]
    f.add("")
    f.add("[[fact]]")
    f.add(f'id = "{ident}"')
    f.add(f'section = "{section}"')
    f.add(f'kind = "{kind}"')
    if kind == "derived":  # ours, not a source's: computed from the fact before it
        prefix, number = ident.rsplit("-", 1)
        f.add(f'inputs = ["{prefix}-{int(number) - 1:03d}"]')
    else:
        f.add(f'source = "{SOURCES[index % len(SOURCES)]}"')
    f.put("text.ru", f"Нагрузка {payload.name}: <{payload.text}> конец")
    f.put("text.en", f"Payload {payload.name}: <{payload.text}> end")
    if kind != "description":
        f.add(f"value = {1000 + index * 37}")
        f.add(f'unit = "{("jobs", "companies", "percent", "times")[index % 4]}"')
        f.add(f'qualifier = "{QUALIFIERS[index % 4]}"')
        f.add("year = 2025")
    if kind == "derived":
        f.put("derivation.ru", f"Расчёт {payload.text}")
        f.put("derivation.en", f"Derivation {payload.text}")
    if index % 3 == 0 or raw_note:
        f.put("note.ru", f"Примечание {payload.text}")
        f.put("note.en", f"Note {payload.text}")


def _cell_and_structure_facts(f: TomlFile, section: str) -> None:
    """Facts whose texts and notes begin with a formula, or hold Markdown structure, whole."""
    texts = [*FORMULA_CELLS, *STRUCTURE_TEXTS]
    for index, text in enumerate(texts):
        other = texts[(index + 1) % len(texts)]
        f.add("")
        f.add("[[fact]]")
        f.add(f'id = "cells-{index:03d}"')
        f.add(f'section = "{section}"')
        f.add('kind = "description"')
        f.add(f'source = "{SOURCES[index % len(SOURCES)]}"')
        f.put("text.ru", text)
        f.put("text.en", other)
        f.put("note.ru", other)
        f.put("note.en", text)


def facts_files() -> list[TomlFile]:
    files: list[TomlFile] = []
    by_category: dict[str, list[Payload]] = {}
    for payload in payloads():
        by_category.setdefault(payload.category, []).append(payload)
    for ident, parent, category, _title in SECTIONS:
        if not category:
            continue
        f = TomlFile(f"facts-{ident}.toml")
        f.add(HEADER)
        path = _section_path(ident, parent)
        for index, payload in enumerate(by_category[category]):
            _fact(f, f"{ident}-{index:03d}", path, payload, index)
        files.append(f)
    # The nested sections: a few of the loudest payloads again, so the overview shows them.
    named = _by_name()
    f = TomlFile("facts-nested.toml")
    f.add(HEADER)
    loud = ["OSC 52 clipboard write, ST", "click action", "CSI 2J clear screen", "bidi U+202E"]
    for index, name in enumerate(loud):
        _fact(f, f"nested-{index:03d}", "markup/nested", named[name], index)
        _fact(f, f"deeper-{index:03d}", "markup/nested/deeper", named[name], index + 1)
    files.append(f)
    f = TomlFile("facts-cells.toml")
    f.add(HEADER)
    _cell_and_structure_facts(f, "markup/nested/deeper")
    files.append(f)
    return files


def quotes_file() -> TomlFile:
    named = _by_name()
    f = TomlFile("quotes.toml")
    f.add(HEADER)
    names = [
        "OSC 0 title, ST",
        "OSC 52 clipboard write, BEL",
        "CSI ?1049l leave alternate screen",
        "click action",
        "unbalanced close",
        "trojan source",
        "emoji ZWJ family",
        "right to left",
        "C0 U+0000",
        "C1 U+009B",
        f"{LONG_WORD:,}-character word",
    ]
    for index, name in enumerate(names):
        text = named[name].text
        f.add("")
        f.add("[[fact]]")
        f.add(f'id = "quote-{index:03d}"')
        f.add('section = "quotes"')
        f.add('kind = "quote"')
        f.add(f'source = "{SOURCES[index % len(SOURCES)]}"')
        f.put("text.ru", f"Цитата {name}: {text}")
        f.put("text.en", f"Quote {name}: {text}")
        f.put("quote.original", f"Оригинал «{text}»")
        f.put("quote.translation", f"Translation “{text}”")
        # A speaker's name is one line of at most 300 characters.
        f.put("quote.speaker.ru", f"Автор {text[:SPEAKER_CHARS]}")
        f.put("quote.speaker.en", f"Speaker {text[:SPEAKER_CHARS]}")
    return f


def _extreme_series(f: TomlFile) -> None:
    """Values at the edges of the range the loader accepts: the chart must still draw them."""
    f.add("")
    f.add("[[series]]")
    f.add('id = "series-extreme"')
    f.add('section = "series"')
    f.put("title.ru", "Крайние значения")
    f.put("title.en", "Extreme values")
    f.add('unit = "rub"')
    f.add('basis = "history"')
    f.add("points = [")
    for year, value in ((2014, -NUMBER_LIMIT), (2015, NUMBER_LIMIT), (2018, 0), (2025, 1e-300)):
        f.add(f'  {{ year = {year}, value = {value!r}, source = "{DATED_SOURCES[year % 2]}" }},')
    f.add("]")
    f.add("")
    f.add("[[fact]]")
    f.add('id = "extreme-fact"')
    f.add('section = "series"')
    f.add('kind = "reported"')
    f.add('source = "report"')
    f.put("text.ru", "Наибольшее допустимое значение")
    f.put("text.en", "The largest value allowed")
    f.add(f"value = {NUMBER_LIMIT!r}")
    f.add('unit = "rub"')
    f.add('qualifier = "over"')
    f.add("year = 2025")
    f.add('series = "series-extreme"')


def series_file() -> TomlFile:
    named = _by_name()
    f = TomlFile("series.toml")
    f.add(HEADER)
    specs = [
        ("history", "OSC 52 clipboard write, ST", "CSI 2J clear screen", None),
        ("target", "click action", "trojan source", "OSC 8 hyperlink"),
        ("derived", "wide CJK", "C1 U+0085", "bidi U+202E"),
    ]
    for index, (basis, title, note, rule) in enumerate(specs):
        ident = f"series-{basis}"
        f.add("")
        f.add("[[series]]")
        f.add(f'id = "{ident}"')
        f.add('section = "series"')
        f.put("title.ru", f"Ряд {named[title].text}")
        f.put("title.en", f"Series {named[title].text}")
        f.add('unit = "jobs"')
        f.add(f'basis = "{basis}"')
        if rule:
            f.put("rule.ru", f"Правило {named[rule].text}")
            f.put("rule.en", f"Rule {named[rule].text}")
        elif basis != "history":
            f.put("rule.ru", "Правило")
            f.put("rule.en", "Rule")
        f.put("note.ru", f"Примечание {named[note].text}")
        f.put("note.en", f"Note {named[note].text}")
        f.add("points = [")
        for year in (2014, 2015, 2018, 2025):
            prefix = (
                f"  {{ year = {year}, value = {year - 2000 + index}, "
                f'source = "{DATED_SOURCES[year % 2]}", note = {{ '
            )
            text = named[note].text
            f.put_many(prefix, [("ru", f"Точка {text}"), ("en", f"Point {text}")], " } },")
        f.add("]")
    _extreme_series(f)
    # A fact on the series section that draws one of the series on its card.
    f.add("")
    f.add("[[fact]]")
    f.add('id = "series-fact"')
    f.add('section = "series"')
    f.add('kind = "reported"')
    f.add('source = "report"')
    f.put("text.ru", "Факт с рядом " + named["OSC 0 title, ST"].text)
    f.put("text.en", "Fact with a series " + named["OSC 0 title, ST"].text)
    f.add("value = 25")
    f.add('unit = "jobs"')
    f.add('qualifier = "exactly"')
    f.add("year = 2025")
    f.add('series = "series-history"')
    return f


def raw_file() -> TomlFile:
    """C1, bidi, zero-width characters and tab written raw (TOML allows them unescaped)."""
    f = TomlFile("zz-raw.toml", raw=True)
    f.add(HEADER)
    f.add("# Raw C1, bidi and zero-width characters and tabs follow: view with care.")
    raw = [p for p in payloads() if p.category in ("c1", "bidi") or p.name == "C0 U+0009"]
    for index, payload in enumerate(raw):
        _fact(f, f"raw-{index:03d}", "raw", payload, index, raw_note=True)
    return f


def pack_files() -> list[TomlFile]:
    return [pack_file(), sections_file(), *facts_files(), quotes_file(), series_file(), raw_file()]


def expected_warnings() -> Counter[tuple[str, int]]:
    """How many sanitising warnings `moscow-tui check` must give for each (file name, line)."""
    counts: Counter[tuple[str, int]] = Counter()
    for f in pack_files():
        for line, _key in f.warned:
            counts[(f.name, line)] += 1
    return counts


def deep_files() -> dict[str, str]:
    """A pack whose second file nests arrays and tables 200 deep: errors, not a crash."""
    pack = (
        f'{HEADER}\n\n[pack]\ntitle = {{ ru = "Глубина", en = "Depth" }}\n'
        'primary_source = "report"\n\n[[source]]\nid = "report"\npublisher = "TASS"\n'
        'title = "Report"\nlanguage = "ru"\n\n[[section]]\nid = "only"\norder = 1\n'
        'title = { ru = "Один", en = "One" }\nsummary = { ru = "Сводка", en = "Summary" }\n'
    )
    arrays = "[" * DEPTH + "1" + "]" * DEPTH
    tables = "{ a = " * DEPTH + "1" + " }" * DEPTH
    nested = (
        f"{HEADER}\n\n[[fact]]\n"
        'id = "deep"\nsection = "only"\nkind = "reported"\nsource = "report"\n'
        'text = { ru = "Глубоко", en = "Deep" }\n'
        f"value = {arrays}\n"
        'unit = "jobs"\nqualifier = "over"\nyear = 2025\n'
        f"note = {tables}\n"
        f'\n[[section]]\nid = "deep-arrays"\norder = 2\ntitle = {arrays}\n'
        'summary = { ru = "Сводка", en = "Summary" }\n'
    )
    return {"pack.toml": pack, "nested.toml": nested}


def limits_file() -> TomlFile:
    """Numbers and texts past the loader's limits, each noted with the error it must give."""
    f = TomlFile("over.toml")
    f.add(HEADER)

    def fact(ident: str) -> None:
        f.add("")
        f.add("[[fact]]")
        f.add(f'id = "{ident}"')
        f.add('section = "only"')
        f.add('kind = "reported"')
        f.add('source = "report"')

    fact("huge-number")
    f.add('text = { ru = "Т", en = "T" }')
    f.add("value = 1e16")
    f.expect("is outside ±1,000,000,000,000,000")
    f.add('unit = "rub"\nqualifier = "over"\nyear = 2025')
    fact("overflowing-numbers")
    f.add('text = { ru = "Т", en = "T" }')
    f.add("value = -1.7e308")
    f.expect("is outside ±1,000,000,000,000,000")
    f.add('unit = "rub"\nqualifier = "over"\nyear = 2025')
    fact("long-text")
    f.put("text.ru", "ж" * 2_001)
    f.expect("2,001 characters, over the limit of 2,000")
    f.put("text.en", "T")
    fact("many-lines")
    f.put("text.ru", "строка\n" * 20 + "конец")
    f.expect("21 lines, over the limit of 20 lines")
    f.put("text.en", "T")
    f.add("")
    f.add("[[section]]")
    f.add('id = "structure"')
    f.add("order = 2")
    f.put("title.ru", "Раздел")
    f.put("title.en", "Export\n# FAKE\n---")
    f.expect("3 lines, over the limit of 1 line")
    f.put("summary.ru", "Сводка")
    f.put("summary.en", "Summary")
    f.add("")
    f.add("[[series]]")
    f.add('id = "overflowing"')
    f.add('section = "only"')
    f.add('title = { ru = "Ряд", en = "Series" }')
    f.add('unit = "rub"')
    f.add('basis = "history"')
    f.add("points = [")
    f.add('  { year = 2020, value = -1.7e308, source = "report" },')
    f.expect("is outside ±1,000,000,000,000,000")
    f.add('  { year = 2021, value = 1.7e308, source = "report" },')
    f.expect("is outside ±1,000,000,000,000,000")
    f.add("]")
    return f


def limits_files() -> dict[str, str]:
    pack = deep_files()["pack.toml"].replace(
        'title = "Report"', 'title = "Report"\ndate = 2025-10-22'
    )
    return {"pack.toml": pack, "over.toml": limits_file().text()}


def expected_limit_errors() -> list[tuple[str, int, str]]:
    """(file name, line, part of the message) of each error the `limits/` pack must give."""
    return [("over.toml", line, text) for line, text in limits_file().expected]


def write(
    pack_dir: Path = PACK_DIR, deep_dir: Path = DEEP_DIR, limits_dir: Path = LIMITS_DIR
) -> None:
    for folder in (pack_dir, deep_dir, limits_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.toml"):
            old.unlink()
    for f in pack_files():
        (pack_dir / f.name).write_text(f.text(), encoding="utf-8")
    for name, text in deep_files().items():
        (deep_dir / name).write_text(text, encoding="utf-8")
    for name, text in limits_files().items():
        (limits_dir / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(*(Path(arg) for arg in sys.argv[1:4]))
