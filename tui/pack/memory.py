"""The cyclic garbage collector around a large pack: paused while it is built, then frozen.

A large pack allocates millions of objects and no garbage cycles. While it is built (parsed, or
unpickled from the cache) the collector would scan the growing heap again and again (a third of
the load time at 100,000 facts); once built, it lives as long as the program, so moving it out of
the collector's sight keeps later full collections short.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; then what it made is frozen, and the collector's
    state restored.

    Freezing first matters: re-enabled with a million new objects counted, the collector's very
    next allocation would start a full collection over all of them (about 0.2 s at 100,000
    facts), only to find no garbage. What the block made lives as long as the program (the
    pack); its temporaries are still freed by their reference counts.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        freeze_heap()
        if collecting:
            gc.enable()


def freeze_heap() -> None:
    """Move every object alive now (the pack, the imports) out of the collector's view.

    No collection first: at 100,000 facts that alone is a visible pause at start.
    """
    gc.freeze()


# Python starts a full collection after 10 collections of the middle generation. With the pack
# frozen, almost nothing counts as long-lived, so in the explorer that happened every few keys and
# each took 40–120 ms at 100,000 facts (the young garbage of closed screens and old panels is
# cyclic, so only a collection frees it). At 1,000 a full collection comes by itself only after
# some seven million net allocations; the app collects when the user pauses instead.
RARE_FULL_COLLECTIONS = 1000


def defer_full_collections() -> tuple[int, int, int]:
    """Make automatic full collections rare; returns the thresholds to restore afterwards."""
    thresholds = gc.get_threshold()
    young, middle, _ = thresholds
    gc.set_threshold(young, middle, RARE_FULL_COLLECTIONS)
    return thresholds


def collect_if_grown() -> bool:
    """A full collection, when any collection of the middle generation has run since the last
    one (something was allocated and may be cyclic garbage); True when it collected."""
    if not gc.isenabled() or gc.get_count()[2] == 0:
        return False
    gc.collect()
    return True
