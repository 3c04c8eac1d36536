"""Fixtures of the app tests: apps at a known start, and a clean environment for snapshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from packs import START, build_pack

from tui.pack.model import Pack
from tui.ui.app import MoscowApp


@pytest.fixture
def snapshot_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG dirs in tmp, and no colour or theme choices from the developer's shell."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., MoscowApp]:
    """Apps on the test pack (or `pack`), in English, at START, with their state in tmp_path.

    A module that needs other defaults defines its own `make_app`, which takes precedence.
    """

    def make(pack: Pack | None = None, **kwargs: Any) -> MoscowApp:
        kwargs.setdefault("state_path", tmp_path / "state.json")
        kwargs.setdefault("lang", "en")
        kwargs.setdefault("start_path", START)
        return MoscowApp(pack or build_pack(), **kwargs)

    return make
