"""The key figures of several bench.keys runs: medians over the runs, every run kept."""

from __future__ import annotations

from typing import Any

from bench.key_runs import merge_runs


def run(tree_max: float, key: str, view: float, search_open: float) -> dict[str, Any]:
    return {
        "load": tree_max,
        "notes": ["n"],
        "tree": {"count": 10, "median": tree_max / 2, "max": tree_max, "slowest_key": key},
        "facts": {"count": 5, "median": 0.01, "max": 0.02, "slowest_key": "down"},
        "search_open": {"count": 2, "max": search_open, "slowest_key": "/"},
        "search": {"count": 0},
        "views": {"chart": {"count": 1, "max": view, "slowest_key": "v", "pushed": True}},
    }


def test_each_figure_is_the_median_run_with_every_run_kept() -> None:
    merged = merge_runs(
        [
            run(0.060, "G", 0.045, 0.01),
            run(0.040, "j", 0.055, 0.01),
            run(0.050, "down", 0.050, 0.07),
        ]
    )
    tree = merged["tree"]
    assert (tree["max"], tree["slowest_key"]) == (0.050, "down")  # the key that took it
    assert tree["median"] == 0.025
    assert tree["count"] == 30 and tree["run_maxima"] == [0.060, 0.040, 0.050]
    assert merged["views"]["chart"]["max"] == 0.050 and merged["views"]["chart"]["pushed"]
    assert merged["search"] == {"count": 0}
    # The slowest key is taken per run (tree, list, search opening), then the median.
    assert merged["slowest_key_runs"] == [0.060, 0.040, 0.070]
    assert merged["load"] == 0.050


def test_a_view_not_opened_in_one_run_is_not_opened() -> None:
    runs = [run(0.01, "j", 0.02, 0.01) for _ in range(3)]
    runs[1]["views"]["chart"]["pushed"] = False
    assert not merge_runs(runs)["views"]["chart"]["pushed"]
