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
    """No cyclic collection inside the block; the collector's state is restored after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def freeze_heap() -> None:
    """Move every object alive now (the pack, the imports) out of the collector's view.

    No collection first: at 100,000 facts that alone is a visible pause at start.
    """
    gc.freeze()
