"""The entity table at scale (issue 13): open, sort and move with 10,000 named places.

A pack from `bench.generate` with `--entities N` technoparks in its first leaf is opened
headless at 120×40 and driven key by key with `bench.keys.press`, which times each key from
the moment it is sent until everything it caused is handled and painted. Each run is a fresh
app; figures are the median over runs of each run's median (and the slowest key of all runs).

    python -m bench.entities --entities 10000 --runs 5

Targets: the table opens ≤ 100 ms, sorts ≤ 100 ms, moving ≤ 16 ms per key.

Until the loader reads `[[entity]]` (branch `pack`), the generated entity files are read here
with tomli and added to the pack in code, so the table is measured either way.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli

from bench.generate import generate
from bench.keys import SIZE, KeyTimes, press, settle
from tui.pack.model import (
    Entity,
    EntityKind,
    Fact,
    FactKind,
    Localized,
    Pack,
    Qualifier,
)

TARGETS = {"open": 0.100, "sort": 0.100, "move": 0.016}
MOVE_KEYS = ["down"] * 220 + ["up"] * 20 + ["j"] * 10 + ["k"] * 10
PAGE_KEYS = ["pagedown"] * 5 + ["pageup"] * 5
SORT_KEYS = ["s", "s", "r", "s", "r"]
FILTER_KEYS = [*"micro", *["backspace"] * 5]


def _localized(table: dict[str, str]) -> Localized:
    return Localized(ru=table["ru"], en=table["en"])


def _entities_in_code(pack: Pack, files: list[Path]) -> Pack:
    """Add the entities and attribute facts of `files` to `pack` without the loader."""
    entities: dict[str, Entity] = {}
    facts: list[Fact] = []
    for path in files:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        for item in data.get("entity", []):
            entities[item["id"]] = Entity(
                item["id"], EntityKind(item["kind"]), _localized(item["name"]), item["section"]
            )
        for item in data.get("fact", []):
            qualifier = item.get("qualifier")
            facts.append(
                Fact(
                    item["id"],
                    item["section"],
                    FactKind(item["kind"]),
                    _localized(item["text"]),
                    item["source"],
                    value=item.get("value"),
                    unit=item.get("unit"),
                    qualifier=Qualifier(qualifier) if qualifier else None,
                    year=item.get("year"),
                    entity=item.get("entity"),
                    attribute=item.get("attribute"),
                )
            )
    by_section: dict[str, list[Fact]] = {}
    for fact in [*pack.facts, *facts]:
        by_section.setdefault(fact.section, []).append(fact)
    ordered = tuple(fact for path in pack.sections for fact in by_section.get(path, []))
    return dataclasses.replace(pack, facts=ordered, entities=entities)


def build_pack(n_facts: int, n_entities: int, directory: Path) -> tuple[Pack, str, str]:
    """The pack, the section of the entities, and how the entities were read."""
    from tui.pack.load import load_pack

    info = generate(n_facts, directory, entities=n_entities)
    assert info.entity_section is not None
    result = load_pack([directory])
    if result.pack is not None and result.pack.entities:
        return result.pack, info.entity_section, "loader"
    entity_files = sorted(directory.glob("entities-*.toml"))
    aside = directory.parent / "entities-aside"
    aside.mkdir(exist_ok=True)
    for path in entity_files:
        path.rename(aside / path.name)
    result = load_pack([directory])
    if result.pack is None:
        raise SystemExit(f"generated pack invalid: {[str(p) for p in result.errors[:5]]}")
    pack = _entities_in_code(result.pack, sorted(aside.glob("entities-*.toml")))
    return pack, info.entity_section, "tomli, in code (the loader does not read [[entity]] yet)"


async def one_run(pack: Pack, section: str, state: Path) -> dict[str, KeyTimes]:
    """Open the section from its parent, go into the table, sort, move, page and filter."""
    from tui.ui.app import MoscowApp
    from tui.ui.widgets.entity_table import EntityGrid

    parent = pack.sections[section].parent or section
    app = MoscowApp(pack, start_path=parent, lang="en", state_path=state)
    names = ("open", "tree", "sort", "move", "page", "ends", "filter", "floor")
    times = {name: KeyTimes() for name in names}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gc.collect()
        await press(pilot, "down", times["open"])  # the tree cursor onto the section: its table
        grid = app.screen.query_one(EntityGrid)
        assert grid.count == len(pack.entities_in(section)), "the table is not full"
        await press(pilot, "right", times["tree"])  # open the node: a label and every name
        await press(pilot, "right", times["tree"])
        await press(pilot, "enter", times["tree"])
        assert app.focused is grid, f"focus is {app.focused!r}"
        for _ in range(5):
            await press(pilot, "x", times["floor"])  # bound to nothing: the harness's own cost
        for key in SORT_KEYS:
            await press(pilot, key, times["sort"])
        assert app.focused is grid, f"focus left the table: {app.focused!r}"
        await press(pilot, "g", times["ends"])
        for key in MOVE_KEYS:
            await press(pilot, key, times["move"])
        for key in PAGE_KEYS:
            await press(pilot, key, times["page"])
        for key in ["G", "g"]:
            await press(pilot, key, times["ends"])
        assert app.focused is grid, f"focus left the table: {app.focused!r}"
        await press(pilot, "f", times["filter"])
        for key in FILTER_KEYS:
            await press(pilot, key, times["filter"])
        assert grid.count == len(pack.entities_in(section)), "the filter did not clear"
    return times


def summarise(runs: list[dict[str, KeyTimes]]) -> dict[str, dict[str, Any]]:
    """Per activity: median of the runs' medians, and the slowest key of all runs."""
    summary: dict[str, dict[str, Any]] = {}
    for name in runs[0]:
        medians = [statistics.median(run[name].wall) for run in runs if run[name].wall]
        cpu = [statistics.median(run[name].cpu) for run in runs if run[name].cpu]
        slowest = max(
            (max(run[name].wall), run[name].keys[run[name].wall.index(max(run[name].wall))])
            for run in runs
            if run[name].wall
        )
        summary[name] = {
            "median": statistics.median(medians),
            "cpu_median": statistics.median(cpu),
            "cpu_max": max(max(run[name].cpu) for run in runs if run[name].cpu),
            "max": slowest[0],
            "slowest_key": slowest[1],
            "keys_per_run": len(runs[0][name].wall),
        }
    return summary


def report(summary: dict[str, dict[str, Any]], n_entities: int, how: str, runs: int) -> str:
    what = {
        "open": ("section with its table opens (tree key)", "open"),
        "sort": ("sort (`s` next column, `r` reverse)", "sort"),
        "move": ("move in the table (↓ ↑ j k)", "move"),
        "page": ("page (PgDn PgUp)", None),
        "ends": ("first / last (`g` `G`)", None),
        "tree": ("open the tree node, go into the table", None),
        "filter": ("filter per keystroke", None),
        "floor": ("a key bound to nothing (the harness's floor)", None),
    }
    lines = [
        f"Entity table, {n_entities:,} rows, {runs} runs at {SIZE[0]}×{SIZE[1]}, "
        f"{os.cpu_count()} CPUs; entities read by {how}.",
        "",
        "Wall time is what a reader waits; CPU time is this process's own work, which is what",
        "the wall time would be on an idle machine (2 CPUs are shared with other jobs here).",
        "",
        "| figure | median | slowest key | CPU median / max | target | status |",
        "|---|---|---|---|---|---|",
    ]
    for name, (label, target_name) in what.items():
        row = summary[name]
        target = TARGETS.get(target_name or "")
        status = "—"
        if target is not None:
            figure = row["max"] if name == "move" else row["median"]
            status = "met" if figure <= target else "missed"
        shown_target = f"≤ {target * 1000:.0f} ms" if target else "—"
        lines.append(
            f"| {label} | {row['median'] * 1000:.1f} ms | {row['max'] * 1000:.1f} ms "
            f"({row['slowest_key']}) | {row['cpu_median'] * 1000:.1f} / "
            f"{row['cpu_max'] * 1000:.1f} ms | {shown_target} | {status} |"
        )
    return "\n".join(lines)


# The figures bench.run writes into bench/RESULTS.md: (activity, what it is, judged on).
RESULT_FIGURES = (
    ("open", "open the section with its table (tree key)", "median"),
    ("sort", "sort (`s` next column, `r` reverse)", "median"),
    ("move", "move in the table (↓ ↑ j k)", "max"),
    ("floor", "a key bound to nothing (the harness's floor)", None),
)


def result_rows(measured: dict[str, Any], with_targets: bool) -> list[tuple[str, str, str, str]]:
    """Rows of (figure, value, target, status) for bench/RESULTS.md from `--json` output.

    Judged as `report` judges them: open and sort on the median key, moving on the slowest
    (every key within 16 ms); the CPU median is shown beside the wall time.
    """
    label = f"Entity table, {measured['entities']:,} rows"
    rows = []
    for name, what, judged_on in RESULT_FIGURES:
        figure = measured[name]
        value = (
            f"median {figure['median'] * 1000:.0f} ms, max {figure['max'] * 1000:.0f} ms "
            f"({figure['slowest_key']}), CPU median {figure['cpu_median'] * 1000:.1f} ms, "
            f"n={figure['keys_per_run']}×{measured['runs']}"
        )
        target, status = "—", "—"
        if with_targets and judged_on is not None:
            limit = TARGETS[name]
            target = f"≤ {limit * 1000:.0f} ms" + (" each" if judged_on == "max" else "")
            status = "met" if figure[judged_on] <= limit else "missed"
        rows.append((f"{label}: {what}", value, target, status))
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Entity table latency (issue 13).")
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=1_000, help="other facts in the pack")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="moscow-bench-entities-") as tmp:
        home = Path(tmp)
        os.environ["XDG_STATE_HOME"] = str(home / "state")
        os.environ["XDG_CONFIG_HOME"] = str(home / "config")
        start = time.perf_counter()
        pack, section, how = build_pack(args.facts, args.entities, home / "pack")
        print(f"pack ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        runs = [asyncio.run(one_run(pack, section, home / "state.json")) for _ in range(args.runs)]
    summary = summarise(runs)
    if args.json:
        measured = {"entities": args.entities, "runs": args.runs, "read_by": how, **summary}
        json.dump(measured, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(report(summary, args.entities, how, args.runs))


if __name__ == "__main__":
    main()
