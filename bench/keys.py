"""Key latency inside the app: moving through the tree and the fact list, and typing a search.

Runs the app headless with `App.run_test` and times each key from the moment it is sent until
every message it caused has been handled (workers included) and the screen has been laid out
and rendered. `Pilot.press` itself is not timed: it sleeps at least 2 × 20 ms in
`textual._wait.wait_for_idle` after every key, which would hide a 16 ms target. Headless runs
skip only the final write of the frame to the terminal.

Run in its own process by bench.run, one pack per process, printing one JSON object:

    python -m bench.keys --content DIR --section PATH --search WORD
    python -m bench.keys --minimal
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.worker import WorkerState

SIZE = (120, 40)
PAUSE_BETWEEN_KEYS = 0.03  # a fast typist; lets timers due after a key run before the next one

TREE_KEYS = (
    ["down"] * 20 + ["up"] * 10 + ["G", "g"] + ["j"] * 10 + ["k"] * 5 + ["right", "left"] * 3
)
LIST_KEYS = ["down"] * 25 + ["up"] * 10 + ["j"] * 10 + ["k"] * 5
# The views opened from the fact list, each timed from its key until drawn: (name, key).
VIEWS = (("detail", "enter"), ("chart", "v"), ("sources", "S"))


def _key_event(key: str) -> events.Key:
    """The event Textual's own `App._press_keys` would post for `key`."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def _queued(app: App[Any]) -> bool:
    """True while the app, its screen or a widget on it has a message waiting."""
    pumps = [app, *app.screen.walk_children(with_self=True)]
    return any(not pump._message_queue.empty() for pump in pumps)


def _busy(app: App[Any]) -> bool:
    if _queued(app):
        return True
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


# Loop turns for a key sent by the driver to reach the app's queue (`Driver.send_message` hands
# it over with `run_coroutine_threadsafe`: a callback, then a task that posts it).
HAND_OFF_TURNS = 3
DRAIN_TURNS = 1_000  # at most, before a full round is waited for anyway


async def settle(pilot: Pilot[Any]) -> None:
    """Return once the app has handled everything queued and painted the result.

    Done when a full round of `Pilot._wait_for_screen` (a callback through the queue of the
    app, the screen and every widget on it, each waited for) leaves no message queued and no
    worker running. Such a round costs about 0.1 ms per widget whatever the app did, so the
    messages a key causes (a key bubbling up the DOM, a widget's prompt to repaint) are first
    let run by yielding to the loop, which costs next to nothing; a round that only finds
    the next hop of the same key queued would charge the key the harness's own cost again.
    """
    app = pilot.app
    for _ in range(HAND_OFF_TURNS):
        await asyncio.sleep(0)
    for _ in range(200):
        for _ in range(DRAIN_TURNS):  # workers are waited for below, not spun on
            if not _queued(app):
                break
            await asyncio.sleep(0)
        await pilot._wait_for_screen()
        if app.workers:
            await app.workers.wait_for_complete()
        await asyncio.sleep(0)
        if not _busy(app):
            break
    # The 60 fps update timer would do this within 16.7 ms; doing it now times the work, not
    # the timer.
    app.screen._on_timer_update()


class KeyTimes:
    """Latency (wall) and CPU time of each key of one activity."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def over_budget(self, budget: float) -> bool:
        """True once this activity has taken `budget` seconds: a slow app still finishes."""
        return sum(self.wall) > budget

    def summary(self) -> dict[str, Any]:
        if not self.wall:
            return {"count": 0}
        slowest = max(range(len(self.wall)), key=self.wall.__getitem__)
        return {
            "count": len(self.wall),
            "median": statistics.median(self.wall),
            "max": self.wall[slowest],
            "slowest_key": self.keys[slowest],
            "cpu_median": statistics.median(self.cpu),
            "cpu_max": max(self.cpu),
        }


async def press(pilot: Pilot[Any], key: str, times: KeyTimes) -> None:
    """Send one key as a terminal would and time it until handled and painted."""
    app = pilot.app
    assert app._driver is not None
    event = _key_event(key)
    event.set_sender(app)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    app._driver.send_message(event)
    await settle(pilot)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    times.keys.append(key)
    times.wall.append(wall)
    times.cpu.append(cpu)
    await asyncio.sleep(PAUSE_BETWEEN_KEYS)


async def measure_views(pilot: Pilot[Any], notes: list[str]) -> dict[str, Any]:
    """Open each of VIEWS from the fact list and close it again; the opening is timed."""
    from tui.ui.widgets.fact_list import FactList
    from tui.ui.widgets.section_tree import SectionTree

    app = pilot.app
    untimed = KeyTimes()
    focused = app.focused
    app.screen.query_one(FactList).focus()  # a section may put a table's filter before it
    await settle(pilot)
    # Each view is opened from a screen at rest: the focus above scrolls the panel with an
    # animation, whose frames would otherwise be timed as part of the first view's opening.
    await pilot.wait_for_scheduled_animations()
    views: dict[str, Any] = {}
    for name, key in VIEWS:
        opening = KeyTimes()
        screen_before = app.screen
        await press(pilot, key, opening)
        pushed = app.screen is not screen_before
        notes.append(
            f"{name}: {key!r} "
            + (f"pushed {type(app.screen).__name__}" if pushed else "kept the screen")
        )
        if pushed:
            await press(pilot, "escape", untimed)
            await pilot.wait_for_scheduled_animations()
        views[name] = {**opening.summary(), "pushed": pushed}
    (focused or app.screen.query_one(SectionTree)).focus()
    await settle(pilot)
    return views


def _focus_name(app: App[Any]) -> str:
    focused = app.focused
    return "none" if focused is None else type(focused).__name__


async def measure_app(
    app: App[Any],
    *,
    fact_list: bool,
    search_word: str | None,
    max_keys: int = 1_000,
    budget: float = 20.0,
) -> dict[str, Any]:
    """Drive `app` through the tree, the fact list and a search; return the timings.

    Each activity presses at most `max_keys` keys and stops early after `budget` seconds.
    """
    notes: list[str] = []
    tree, facts = KeyTimes(), KeyTimes()
    views: dict[str, Any] = {}
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        mounted = time.perf_counter() - start
        gc.collect()
        notes.append(f"focus at start: {_focus_name(app)}")
        if fact_list:
            await press(pilot, "tab", facts)
            notes.append(f"focus after tab: {_focus_name(app)}")
            for key in LIST_KEYS[:max_keys]:
                if facts.over_budget(budget):
                    notes.append(f"fact list: stopped after {len(facts.wall)} keys (budget)")
                    break
                await press(pilot, key, facts)
            await press(pilot, "shift+tab", facts)
            notes.append(f"focus after shift+tab: {_focus_name(app)}")
            views = await measure_views(pilot, notes)  # in the start section: it has a series
        for key in TREE_KEYS[:max_keys]:
            if tree.over_budget(budget):
                notes.append(f"tree: stopped after {len(tree.wall)} keys (budget)")
                break
            await press(pilot, key, tree)
        result: dict[str, Any] = {"mount": mounted, "notes": notes, "views": views}
        if search_word:
            opening, typing = KeyTimes(), KeyTimes()
            screen_before = app.screen
            await press(pilot, "/", opening)
            pushed = app.screen is not screen_before
            where = f"pushed {type(app.screen).__name__}" if pushed else "kept the screen"
            notes.append(f"search: '/' {where}, focus {_focus_name(app)}")
            for key in [*search_word, "backspace", "backspace", "backspace"][:max_keys]:
                if typing.over_budget(budget):
                    notes.append(f"search: stopped after {len(typing.wall)} keys (budget)")
                    break
                await press(pilot, key, typing)
            await press(pilot, "escape", opening)
            result["search_open"] = opening.summary()
            result["search"] = typing.summary()
    result["tree"] = tree.summary()
    result["facts"] = facts.summary()
    return result


def _pack_app(content: Path, section: str | None, state_dir: Path) -> tuple[App[Any], float, int]:
    from tui.pack.load import load_pack
    from tui.ui.app import MoscowApp

    start = time.perf_counter()
    result = load_pack([content])
    loaded = time.perf_counter() - start
    if result.pack is None:
        problems = "\n".join(str(p) for p in result.errors[:20])
        raise SystemExit(f"{content}: {len(result.errors)} errors\n{problems}")
    result.pack.build_indexes()  # as the app gets the pack: from the cache, indexes built
    app = MoscowApp(result.pack, start_path=section, lang="en", state_path=state_dir / "state.json")
    return app, loaded, len(result.pack.facts)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Key latency of moscow-tui (JSON on stdout).")
    parser.add_argument("--content", type=Path)
    parser.add_argument("--section", help="start at this section (it should have facts)")
    parser.add_argument("--search", help="an English word to type into the search")
    parser.add_argument("--minimal", action="store_true", help="measure bench/minimal_app.py")
    parser.add_argument("--max-keys", type=int, default=1_000, help="keys per activity at most")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per activity at most")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="moscow-bench-keys-") as tmp:
        home = Path(tmp)
        # Never read or write the developer's own state or config.
        os.environ["XDG_STATE_HOME"] = str(home / "state")
        os.environ["XDG_CONFIG_HOME"] = str(home / "config")
        if args.minimal:
            from bench.minimal_app import MinimalApp

            app: App[Any] = MinimalApp()
            loaded, n_facts = 0.0, 0
            fact_list = False
        else:
            app, loaded, n_facts = _pack_app(args.content, args.section, home)
            fact_list = True
        result = asyncio.run(
            measure_app(
                app,
                fact_list=fact_list,
                search_word=args.search,
                max_keys=args.max_keys,
                budget=args.budget,
            )
        )
    result["load"] = loaded
    result["facts_loaded"] = n_facts
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
