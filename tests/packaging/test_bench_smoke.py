"""The benchmarks of issue 5 run once per figure (`bench.run --quick`) so they cannot rot.

Timings are not asserted here (the machine is noisy); that every figure is produced is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.entities import RESULT_FIGURES
from bench.generate import generate
from bench.terminal import strip_escapes
from tui.pack.load import load_pack

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_generated_pack_is_valid_and_deterministic(tmp_path: Path) -> None:
    first = generate(1_000, tmp_path / "a")
    second = generate(1_000, tmp_path / "b")
    texts = [
        sorted((path.name, path.read_text()) for path in pack.directory.glob("*.toml"))
        for pack in (first, second)
    ]
    assert texts[0] == texts[1]
    result = load_pack([first.directory])
    assert [str(p) for p in result.problems] == []
    assert result.pack is not None
    assert len(result.pack.facts) == 1_000
    assert len(result.pack.sections) == first.sections >= 10
    assert result.pack.series and len(result.pack.sources) == first.sources
    kinds = {fact.kind.value for fact in result.pack.facts}
    assert kinds == {"reported", "target", "quote", "description", "derived"}
    assert first.leaf in result.pack.sections and result.pack.facts_in(first.leaf)
    titles = [section.title.en for section in result.pack.roots]
    assert first.marker == titles[0]


def test_strip_escapes_keeps_the_screen_text() -> None:
    raw = "\x1b[?1049h\x1b[1;1H\x1b[38;5;12mTechno\x1b[0mparks\x1b]0;title\x07 \x1b(B\x1b=ok"
    assert strip_escapes(raw) == "Technoparks ok"


def _table(markdown: str) -> dict[str, tuple[str, str, str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 4 and cells[0] != "Figure":
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


def test_quick_bench_writes_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "results.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    assert re.search(r"- CPUs: \d+", text)
    assert re.search(r"- Commit: [0-9a-f]{4,}", text)
    assert "Textual 8." in text
    rows = _table(text)

    measured = ["first frame", "`check`", "`export --format json`"]
    keys = ["key in the tree", "key in the fact list", "search per keystroke"]
    required = [
        "Minimal Textual app: first frame",
        "Minimal Textual app: peak RSS (app)",
        "Default content: first frame",
        "Default content: peak RSS (app)",
        "Default ÷ minimal: first frame (per pair)",
        "Default ÷ minimal: peak RSS (per pair)",
        "10,000 facts ÷ default: first frame (per pair)",
        *[f"Default content: {what}" for what in measured[1:] + keys],
        *[f"{n} facts: {what}" for n in ("1,000", "10,000") for what in measured + keys],
        *[f"{n} facts: {what} peak RSS" for n in ("1,000", "10,000") for what in measured[1:]],
        *[f"Entity table, 1,000 rows: {what}" for _, what, _ in RESULT_FIGURES],
    ]
    missing = [figure for figure in required if figure not in rows]
    assert missing == []
    for figure in required:
        value, target, status = rows[figure]
        assert re.search(r"\d", value), (figure, value)
        if target != "—":
            assert status in ("met", "missed"), (figure, status)
    # Each activity names its slowest key, so that a missed target says where to look.
    for what in keys:
        assert re.search(r"max [\d.]+ ms \(\S+\), n=\d+", rows[f"Default content: {what}"][0])
    # The smoke run's table is small: its figures are shown, not judged against the targets.
    assert all(rows[f"Entity table, 1,000 rows: {what}"][1] == "—" for _, what, _ in RESULT_FIGURES)
    skipped = [figure for figure in rows if figure.startswith("100,000 facts")]
    assert skipped and all(rows[figure][2] == "skipped" for figure in skipped)
