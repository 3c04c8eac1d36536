"""Shared fixtures: a valid content pack to build on, and isolation from the user's own dirs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from packs import VALID_PACK_DIR, write_pack_dir

MakePack = Callable[..., Path]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point XDG state, config and cache at a temp dir so no test touches the developer's own."""
    base = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(base / "state"))
        patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
        yield


@pytest.fixture
def valid_pack_dir() -> Path:
    """The small valid pack in tests/data/valid (read-only: copy it with `make_pack` to change)."""
    return VALID_PACK_DIR


@pytest.fixture
def make_pack(tmp_path: Path) -> MakePack:
    """Write a TOML pack folder (see `packs.write_pack_dir`) under this test's tmp_path.

    `make_pack({"extra.toml": "..."}, drop=("series.toml",))` returns the folder. Pass
    `base=None` to start from an empty folder.
    """

    def make(
        files: dict[str, str | bytes] | None = None,
        *,
        drop: tuple[str, ...] = (),
        base: Path | None = VALID_PACK_DIR,
        name: str = "pack",
    ) -> Path:
        return write_pack_dir(tmp_path / name, files, drop=drop, base=base)

    return make
