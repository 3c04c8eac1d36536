"""End to end: the installed `moscow-tui` opens a chart with `v`, moves its point cursor, opens the
point's source with `o` through `$BROWSER`, and copies its URL (`y`) and the series (`c`), read
back from the tmux paste buffer. tmux is required (see tests/e2e/test_e2e_tmux.py)."""

from __future__ import annotations

import stat
from pathlib import Path

from e2e_helpers import Tmux, installed_script

from tui.export.series import point_value, series_text
from tui.pack.model import Pack, Series, SeriesPoint
from tui.text.words import qualifier_words

SECTION = "infrastructure/technoparks"


def shown(series: Series, point: SeriesPoint) -> str:
    """How the chart states the point under its cursor: "2025: 49 technoparks (exactly)"."""
    words = qualifier_words(point.qualifier, "en")
    return f"{point.year}: {point_value(series, point, 'en')} ({words})"


def recording_browser(tmp_path: Path) -> tuple[Path, Path]:
    """A `$BROWSER` script that writes the URL it is given to a file, and that file."""
    record = tmp_path / "browser-opened.txt"
    script = tmp_path / "record-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{record}"\n', encoding="utf-8")
    script.chmod(stat.S_IRWXU)
    return script, record


def test_chart_cursor_open_and_copies(tmux: Tmux, pack: Pack, tmp_path: Path) -> None:
    series = pack.series["technoparks-count"]
    last, previous = series.points[-1], series.points[-2]
    url = pack.sources[previous.source].url
    assert url and pack.sources[last.source].url != url
    script, record = recording_browser(tmp_path)
    tmux.start(
        [str(installed_script()), SECTION, "--lang", "en"], extra_env={"BROWSER": str(script)}
    )
    tmux.wait_for_text(pack.sections[SECTION].title.en)
    tmux.send("v")  # from the tree: the section's first series
    tmux.wait_for_text(series.title.en, "axis from zero", shown(series, last))

    tmux.send("Left")
    tmux.wait_for_text(shown(series, previous), url)
    tmux.send("o")
    tmux.wait_for(
        "the browser script to receive the URL",
        lambda: record.exists() and record.read_text("utf-8").strip() == url,
    )
    tmux.wait_for_text("Opening in the browser")

    tmux.send("y")
    tmux.wait_for("the URL in a tmux buffer", lambda: (tmux.buffer() or "").strip() == url)

    tmux.send("c")
    expected = series_text(pack, series, "en").strip()
    tmux.wait_for("the series in a tmux buffer", lambda: (tmux.buffer() or "").strip() == expected)
    copied = tmux.buffer() or ""
    for point in series.points:
        assert f"{point.year}: " in copied
    assert copied.count(" — ") >= len(series.points)

    tmux.send("Escape")
    tmux.wait_for("the main screen again", lambda: "axis from zero" not in tmux.capture())
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    assert record.read_text("utf-8").splitlines() == [url]
