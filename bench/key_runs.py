"""Several runs of `bench.keys` made into one set of figures: each figure is the median over the
runs, and every run's value is kept so that the table can show them all.

A view is opened once per run and an activity's slowest key is one sample of the machine's
slowest moment: on these noisy machines one run decides nothing, so each figure is taken from
`KEY_RUNS` fresh app processes (one with --quick).
"""

from __future__ import annotations

import statistics
from typing import Any

KEY_RUNS = 3
ACTIVITIES = ("tree", "facts", "search", "search_open")
# The activities whose slowest key is judged by "no key slower than 50 ms".
SLOWEST_KEY_ACTIVITIES = ("tree", "facts", "search_open")


def _merge(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One activity over the runs: the median run's maximum (and its slowest key), the median
    of the runs' medians, every key counted, and each run's maximum."""
    timed = [summary for summary in summaries if summary.get("count")]
    if not timed:
        return {"count": 0}
    # The run whose maximum is the median one (the lower of two middles), so that the key
    # named as the slowest is the one that took that time.
    middle = sorted(timed, key=lambda summary: summary["max"])[(len(timed) - 1) // 2]
    merged = dict(middle)
    merged["count"] = sum(summary["count"] for summary in timed)
    merged["runs"] = len(timed)
    merged["run_maxima"] = [summary["max"] for summary in timed]
    if all("median" in summary for summary in timed):
        merged["median"] = statistics.median(summary["median"] for summary in timed)
    return merged


def slowest_key(run: dict[str, Any]) -> float:
    """One run's slowest key of the tree, the fact list and opening and closing the search."""
    maxima = [run.get(name, {}).get("max", 0.0) for name in SLOWEST_KEY_ACTIVITIES]
    return max(maxima, default=0.0)


def merge_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of several `bench.keys` runs of the same pack, as one run's dictionary."""
    merged = dict(runs[0])  # notes and the like: the first run's
    merged["load"] = statistics.median(run["load"] for run in runs)
    for name in ACTIVITIES:
        merged[name] = _merge([run.get(name, {}) for run in runs])
    views: dict[str, Any] = {}
    for view in runs[0].get("views", {}):
        openings = [run.get("views", {}).get(view, {}) for run in runs]
        views[view] = _merge(openings)
        views[view]["pushed"] = all(opening.get("pushed") for opening in openings)
    merged["views"] = views
    merged["slowest_key_runs"] = [slowest_key(run) for run in runs]
    return merged
