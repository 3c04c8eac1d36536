"""The explorer runs full garbage collections in the user's pauses, not during keys (issue 13)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from packs import build_pack

from tui.pack.memory import RARE_FULL_COLLECTIONS
from tui.ui.app import IDLE_BEFORE_COLLECTING, IDLE_COLLECTION_CHECK, MoscowApp


def _full_collections(seen: list[float]) -> Callable[[str, dict[str, Any]], None]:
    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(asyncio.get_running_loop().time())

    return record


async def test_full_collections_wait_for_a_pause_and_the_thresholds_come_back(
    tmp_path: Path,
) -> None:
    before = gc.get_threshold()
    app = MoscowApp(build_pack(), state_path=tmp_path / "state.json", lang="en")
    seen: list[float] = []
    record = _full_collections(seen)
    gc.callbacks.append(record)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert gc.get_threshold() == (before[0], before[1], RARE_FULL_COLLECTIONS)
            # Keys keep coming: however much they allocate, the app does not collect.
            for _ in range(int((IDLE_COLLECTION_CHECK + IDLE_BEFORE_COLLECTING) * 10) + 5):
                gc.collect(1)  # garbage to collect, as allocating would count it
                seen.clear()
                await pilot.press("down")
                await asyncio.sleep(0.05)
                assert not seen, "a full collection ran while keys were arriving"
            # Then a pause: the next check collects.
            await asyncio.sleep(IDLE_COLLECTION_CHECK + IDLE_BEFORE_COLLECTING + 0.5)
            assert seen, "no full collection in the pause"
            assert gc.get_count()[2] == 0
    finally:
        gc.callbacks.remove(record)
    assert gc.get_threshold() == before
