"""Fixtures of the tmux end-to-end tests: the shipped pack, the installed program, a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Tmux, installed_script

from tui.pack.load import load_pack
from tui.pack.model import Pack


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack()
    assert result.pack is not None, [str(problem) for problem in result.problems]
    return result.pack


@pytest.fixture(scope="module")
def program() -> str:
    return str(installed_script())


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    terminal = Tmux(tmp_path, width=120, height=40)
    yield terminal
    terminal.kill()
