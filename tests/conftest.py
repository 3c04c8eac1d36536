"""Shared fixtures: a valid content pack to build on, and isolation from the user's own dirs."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).parent / "data"
VALID_PACK_DIR = DATA_DIR / "valid"

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
    """Make a pack folder: a copy of the valid pack with files added, replaced or removed.

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
        folder = tmp_path / name
        if base is not None:
            shutil.copytree(base, folder)
        else:
            folder.mkdir()
        for file_name in drop:
            (folder / file_name).unlink()
        for file_name, content in (files or {}).items():
            path = folder / file_name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return make
