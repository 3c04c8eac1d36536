"""A long cold load in a real terminal: the installed program opens on the tree with the load's
progress, then shows the facts; content with an error closes it with the error's file and line;
quitting first leaves no loader behind."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from e2e_helpers import SESSION, Tmux

from bench.generate import GeneratedPack, generate

LOADING = "Loading and checking the facts"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> GeneratedPack:
    # About 12 MB: a cold load of a few seconds, well past the threshold of a long load.
    return generate(30000, tmp_path_factory.mktemp("long-load") / "pack")


def loaders_of(folder: Path) -> list[str]:
    """Processes whose command line names `folder` (the app and its forked loader do)."""
    found = subprocess.run(
        ["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True, check=True
    )
    return [line for line in found.stdout.splitlines() if str(folder) in line]


def test_opens_on_the_tree_then_shows_the_facts_then_starts_warm(
    tmux: Tmux, program: str, big: GeneratedPack
) -> None:
    argv = [program, "--lang", "en", "--content", str(big.directory)]
    tmux.start(argv)
    tmux.wait_for_text(big.marker, LOADING, timeout=30)
    tmux.wait_for_text(big.fact_marker, timeout=90)
    assert LOADING not in tmux.capture()
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    # The loader wrote the cache once the app had the pack: the next start is warm.
    cache = Path(tmux.env["HOME"]) / ".cache" / "moscow-tui"
    deadline = time.monotonic() + 30
    while not list(cache.glob("pack-*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(cache.glob("pack-*.pickle"))
    tmux.start(argv)
    tmux.wait_for_text(big.fact_marker, timeout=30)
    assert LOADING not in tmux.capture(history=True)
    tmux.send("q")
    assert tmux.wait_for_exit() == 0


def test_an_error_closes_the_app_and_names_its_file_and_line(
    tmux: Tmux, program: str, big: GeneratedPack, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(big.directory, broken)
    last = sorted(broken.glob("facts-*.toml"))[-1]
    lines_before = last.read_text(encoding="utf-8").count("\n")
    with last.open("a", encoding="utf-8") as out:
        out.write('\n[[fact]]\nid = "broken-fact"\nkind = "nonsense"\n')
    # Not `2>file`: Textual draws on stderr. The problems come once the app has closed its
    # screen, so they stay in the pane.
    tmux.start([program, "--lang", "en", "--content", str(broken)])
    tmux.wait_for_text(LOADING, timeout=30)
    assert tmux.wait_for_exit(timeout=90) == 1
    text = tmux.run("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION).stdout
    # The appended table starts two lines down (after a blank line); its `kind` is two more.
    assert f'{last}:{lines_before + 4}:1: error: [[fact]] #5001 (id "broken-fact")' in text, text
    assert 'unknown kind "nonsense"' in text
    assert "moscow-tui: content has 4 errors, 0 warnings" in text
    assert "Traceback" not in text


def test_quitting_while_loading_leaves_no_loader(
    tmux: Tmux, program: str, big: GeneratedPack
) -> None:
    tmux.start([program, "--lang", "en", "--content", str(big.directory)])
    tmux.wait_for_text(LOADING, timeout=30)
    assert len(loaders_of(big.directory)) >= 2  # the app and its loader
    started = time.monotonic()
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
    assert time.monotonic() - started < 5  # not waiting for the load to finish
    deadline = time.monotonic() + 5
    while loaders_of(big.directory) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert loaders_of(big.directory) == []
    cache = Path(tmux.env["HOME"]) / ".cache" / "moscow-tui"
    assert not list(cache.glob("pack-*.pickle"))
