"""The collector policy of tui.pack.memory: full collections deferred, then run on demand."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tui.pack.memory import RARE_FULL_COLLECTIONS, collect_if_grown, defer_full_collections


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The generations of the collections that run while the test does."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


def test_defer_raises_only_the_oldest_threshold_and_returns_the_old_ones() -> None:
    before = gc.get_threshold()
    try:
        assert defer_full_collections() == before
        assert gc.get_threshold() == (before[0], before[1], RARE_FULL_COLLECTIONS)
    finally:
        gc.set_threshold(*before)


def test_collect_if_grown_collects_only_after_a_middle_collection(
    full_collections: list[int],
) -> None:
    gc.collect()
    assert gc.get_count()[2] == 0
    full_collections.clear()
    assert collect_if_grown() is False  # nothing has happened since the last full collection
    assert 2 not in full_collections
    gc.collect(1)  # what allocating would bring about: one collection of the middle generation
    assert gc.get_count()[2] > 0
    assert collect_if_grown() is True
    assert full_collections.count(2) == 1
    assert gc.get_count()[2] == 0


def test_collect_if_grown_respects_a_disabled_collector() -> None:
    gc.collect(1)
    gc.disable()
    try:
        assert collect_if_grown() is False
        assert gc.get_count()[2] > 0
    finally:
        gc.enable()
