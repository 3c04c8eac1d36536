"""Fixtures of the snapshot tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def snapshot_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG dirs in tmp, and no colour or theme choices from the developer's shell."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)
