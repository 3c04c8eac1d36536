"""Run every benchmark of issue 5 and write a table of the figures against their targets.

    python -m bench.run              # 9 interleaved runs, rewrites bench/RESULTS.md (`make bench`)
    python -m bench.run --quick      # one run per figure, small packs, to a temp file (smoke)

Measures the installed `moscow-tui` beside `bench/minimal_app.py` on the same interpreter: first
frame and peak RSS in a 120×40 pseudo-terminal, `check` and `export --format json` times, and
key latency in-process (bench.keys) for the default content and synthetic packs (bench.generate).
Start-up figures come warm (the pack cache of tui.pack.cache filled) and cold (each run without it);
every measured program has a cache dir of its own.
Exit status 1 when a figure could not be measured (a crash, a marker never shown), else 0,
whether or not the targets are met.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import GeneratedPack, generate
from bench.key_runs import KEY_RUNS, merge_runs
from bench.minimal_app import MARKER as MINIMAL_MARKER
from bench.terminal import COLUMNS, ROWS, FrameRun, bench_env, first_frame, run_command
from tui.text.words import t

# What a long cold load shows until the pack is ready: a warm start must never show it.
LOADING_TITLE = t("loading-title", "en")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)

DEFAULT_MARKERS = ("Technoparks",)  # a tree label of the first screen with --lang en
DEFAULT_SECTION = "infrastructure/technoparks"
DEFAULT_SEARCH = "technopark"

FIRST_FRAME_RATIO = 1.10  # default content ÷ minimal app
RSS_RATIO = 1.20
PACK_10K_RATIO = 1.5  # 10,000 facts ÷ default content
PACK_100K_FIRST_FRAME = 1.5  # seconds
ENTITY_ROWS = 10_000  # the entity table's size in issue 13's targets
QUICK_ENTITY_ROWS = 1_000
ENTITY_RUNS = 5  # at most: each run drives a fresh app through some 300 keys
KEY_LIMIT = 0.050
QUICK_KEYS = 3  # keys per activity in the smoke run
QUICK_BUDGET = 3.0  # seconds per activity in the smoke run
SEARCH_LIMIT = 0.016


@dataclass
class Variant:
    """A program started in the pseudo-terminal, with its runs."""

    name: str
    argv: list[str]
    markers: tuple[str, ...]
    runs: list[FrameRun] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cold: bool = False  # start each run without the pack cache (tui.pack.cache)

    def frames(self) -> list[float]:
        return [run.first_frame for run in self.runs if run.first_frame is not None]


@dataclass
class Row:
    figure: str
    value: str
    target: str = "—"
    status: str = "—"  # met | missed | — | not measured | skipped


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, figure: str, value: str, target: str = "—", status: str = "—") -> None:
        self.rows.append(Row(figure, value, target, status))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def _spread(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """Median with min and max: "212 ms (198–240)"."""
    if len(values) == 1:
        return fmt(values[0])
    low, high = fmt(min(values)), fmt(max(values))
    return f"{fmt(statistics.median(values))} (min {low}, max {high})"


def _ratio(value: float) -> str:
    return f"{value:.2f}×"


def _mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def _status(ok: bool) -> str:
    return "met" if ok else "missed"


def _pair_ratios(numerator: Variant, denominator: Variant) -> list[float]:
    """Ratios of runs made in the same round, so drift in the machine's load cancels out."""
    ratios = []
    for top, bottom in zip(numerator.runs, denominator.runs, strict=False):
        if top.first_frame is not None and bottom.first_frame is not None:
            ratios.append(top.first_frame / bottom.first_frame)
    return ratios


def _rss_ratios(numerator: Variant, denominator: Variant) -> list[float]:
    return [
        top.max_rss_kib / bottom.max_rss_kib
        for top, bottom in zip(numerator.runs, denominator.runs, strict=False)
        if bottom.max_rss_kib
    ]


def _git_commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def _textual_version(python: Path) -> str:
    out = subprocess.run(
        [str(python), "-c", "import textual; print(textual.__version__)"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or "unknown"


def _cache_env(env: dict[str, str], name: str) -> dict[str, str]:
    """`env` with a pack cache of its own, so clearing one program's cache spares the others."""
    slug = (
        "".join(ch if ch.isalnum() else "-" for ch in name)[:60]
        + f"-{zlib.crc32(name.encode()):08x}"
    )
    directory = Path(env["XDG_CACHE_HOME"]) / slug
    directory.mkdir(parents=True, exist_ok=True)
    return {**env, "XDG_CACHE_HOME": str(directory)}


def _clear_cache(env: dict[str, str], cold: bool) -> None:
    """Remove the pack cache of the measured programs (cold), or wait for its writes (warm).

    The app writes the cache from a child process after a cold start; a start must not begin
    before that write has landed.
    """
    directory = Path(env["XDG_CACHE_HOME"]) / "moscow-tui"
    deadline = time.monotonic() + 30
    while any(directory.glob(".pack-*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    if cold:
        shutil.rmtree(directory, ignore_errors=True)


def _fill_cache(variant: Variant, env: dict[str, str]) -> None:
    """Fill a warm variant's pack cache with `check`, which writes it before it exits.

    A warm-up start cannot be relied on: a long cold load opens on the tree and loads beside
    the app, and the start is ended (with its load) two seconds after the tree is shown.
    """
    program, *args = variant.argv
    if Path(program).name != "moscow-tui":
        return  # the minimal app has no cache
    folders = [args[i + 1] for i, arg in enumerate(args) if arg == "--content"]
    subprocess.run(
        [program, "check", *folders],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def _measure_frames(variants: list[Variant], runs: int, env: dict[str, str]) -> None:
    """One warm-up start of each (not counted: fills the page cache), then `runs` rounds.

    The order rotates from round to round so no program always follows the same one.
    """
    envs = {variant.name: _cache_env(env, variant.name) for variant in variants}
    for variant in variants:
        _clear_cache(envs[variant.name], variant.cold)
        if not variant.cold:
            _fill_cache(variant, envs[variant.name])
        first_frame(variant.argv, variant.markers, envs[variant.name])
    for round_no in range(runs):
        shift = round_no % len(variants)
        order = variants[shift:] + variants[:shift]
        for variant in order:
            _clear_cache(envs[variant.name], variant.cold)
            run = first_frame(variant.argv, variant.markers, envs[variant.name])
            variant.runs.append(run)
            if run.first_frame is None:
                variant.failures.append(
                    f"{variant.name}: markers {variant.markers} not seen "
                    f"(exit {run.exit_code}); screen tail: {run.output[-300:]!r}"
                )
            elif run.exit_code not in (0, None):
                variant.failures.append(f"{variant.name}: exit status {run.exit_code} after ctrl+q")
            if not variant.cold and LOADING_TITLE in run.output:
                variant.failures.append(f"{variant.name}: a warm start showed the long load")
        print(f"  round {round_no + 1}/{runs} done", file=sys.stderr)


def _measure_command(
    argv: list[str],
    env: dict[str, str],
    workdir: Path,
    runs: int,
    check_json: bool = False,
    cold: bool = False,
) -> tuple[list[float], list[int], str | None]:
    seconds: list[float] = []
    rss: list[int] = []
    env = _cache_env(env, f"{'cold' if cold else 'warm'} {' '.join(argv[1:])}")
    if not cold:
        run_command(argv, env, workdir).stdout_path.unlink()  # fills the cache
    for _ in range(runs):
        _clear_cache(env, cold)
        result = run_command(argv, env, workdir)
        try:
            if result.exit_code != 0:
                return seconds, rss, f"exit {result.exit_code}: {result.stderr[-300:]}"
            if check_json:
                with result.stdout_path.open(encoding="utf-8") as handle:
                    json.load(handle)
        except ValueError as error:
            return seconds, rss, f"output is not JSON: {error}"
        finally:
            result.stdout_path.unlink()
        seconds.append(result.seconds)
        rss.append(result.max_rss_kib)
    return seconds, rss, None


def _measure_keys(
    python: Path,
    content: Path | None,
    section: str,
    search: str,
    env: dict[str, str],
    quick: bool,
) -> dict[str, Any] | str:
    argv = [str(python), "-m", "bench.keys", "--section", section, "--search", search]
    if quick:
        argv += ["--max-keys", str(QUICK_KEYS), "--budget", str(QUICK_BUDGET)]
    if content is not None:
        argv += ["--content", str(content)]
    else:
        argv += ["--content", str(ROOT / "content")]
    runs: list[dict[str, Any]] = []
    for _ in range(1 if quick else KEY_RUNS):
        out = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            return f"bench.keys exit {out.returncode}: {out.stderr[-600:]}"
        try:
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            return f"bench.keys printed no JSON: {out.stdout[-300:]!r} {out.stderr[-300:]!r}"
    return merge_runs(runs)


def _per_run(summary: dict[str, Any]) -> str:
    """Each run's maximum, when there were several."""
    maxima = summary.get("run_maxima", [])
    return f"; each run: {', '.join(_ms(value) for value in maxima)}" if len(maxima) > 1 else ""


def _key_rows(
    report: Report, label: str, keys: dict[str, Any] | str | None, with_targets: bool
) -> None:
    names = (("tree", "key in the tree"), ("facts", "key in the fact list"))
    if keys is None or isinstance(keys, str):
        value, status = ("skipped (--quick)", "skipped") if keys is None else ("—", "not measured")
        for _, what in names:
            report.add(f"{label}: {what}", value, status=status)
        report.add(f"{label}: search per keystroke", value, status=status)
        if isinstance(keys, str) and keys != "invalid pack":
            report.failures.append(f"{label} keys: {keys}")
        return
    report.notes.append(f"{label}: " + "; ".join(keys.get("notes", [])))
    for name, what in names:
        summary = keys.get(name, {})
        if not summary.get("count"):
            report.add(f"{label}: {what}", "no keys timed", status="not measured")
            report.failures.append(f"{label}: no {what} timed")
            continue
        value = (
            f"median {_ms(summary['median'])}, max {_ms(summary['max'])} "
            f"({summary['slowest_key']}), n={summary['count']}{_per_run(summary)}"
        )
        report.add(f"{label}: {what}", value)
    opening = keys.get("search_open", {})
    if opening.get("count"):
        value = f"max {_ms(opening['max'])}{_per_run(opening)}"
        report.add(f"{label}: open and close search (/, escape)", value)
    for name, opening in keys.get("views", {}).items():
        if not opening.get("count"):
            continue
        what = f"{label}: open the {name} view" + ("" if opening["pushed"] else " (not opened)")
        value = _ms(opening["max"]) + _per_run(opening)
        if with_targets:
            ok = opening["pushed"] and opening["max"] <= KEY_LIMIT
            report.add(what, value, f"≤ {_ms(KEY_LIMIT)}", _status(ok))
        else:
            report.add(what, value)
    search = keys.get("search", {})
    if search.get("count"):
        value = (
            f"median {_ms(search['median'])}, max {_ms(search['max'])} "
            f"({search['slowest_key']}), n={search['count']}{_per_run(search)}"
        )
        if with_targets:
            report.add(
                f"{label}: search per keystroke",
                value,
                f"≤ {_ms(SEARCH_LIMIT)} each",
                _status(search["max"] <= SEARCH_LIMIT),
            )
        else:
            report.add(f"{label}: search per keystroke", value)
    else:
        report.add(f"{label}: search per keystroke", "no keys timed", status="not measured")
        report.failures.append(f"{label}: no search keys timed")
    if with_targets:
        worst_runs = keys.get("slowest_key_runs", [])
        worst = statistics.median(worst_runs) if worst_runs else 0.0
        each = f"; each run: {', '.join(map(_ms, worst_runs))}" if len(worst_runs) > 1 else ""
        report.add(
            f"{label}: slowest key (tree, list, search open/close)",
            _ms(worst) + each,
            f"≤ {_ms(KEY_LIMIT)}",
            _status(worst <= KEY_LIMIT),
        )
    report.add(f"{label}: load_pack in-process", _ms(keys["load"]))


def _entity_table_rows(
    report: Report, python: Path, env: dict[str, str], runs: int, quick: bool
) -> None:
    """The entity table's open, sort and move (bench.entities in its own process)."""
    from bench.entities import result_rows

    rows = QUICK_ENTITY_ROWS if quick else ENTITY_ROWS
    argv = [str(python), "-m", "bench.entities", "--entities", str(rows), "--json"]
    argv += ["--runs", str(min(runs, ENTITY_RUNS))]
    print(f"entity table: {rows:,} rows", file=sys.stderr)
    out = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    try:
        measured: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        report.add(f"Entity table, {rows:,} rows", "failed", status="not measured")
        report.failures.append(f"bench.entities exit {out.returncode}: {out.stderr[-600:]}")
        return
    for figure, value, target, status in result_rows(measured, with_targets=rows == ENTITY_ROWS):
        report.add(figure, value, target, status)
    report.notes.append(f"Entity table: entities read by {measured['read_by']}")


def run(runs: int, quick: bool, sizes: Sequence[int], output: Path) -> int:
    """Measure everything; write the table to `output`; 1 when a figure could not be measured."""
    python = Path(sys.executable)  # not resolved: a venv's python is a symlink out of the venv
    app_command = python.parent / "moscow-tui"
    if not app_command.exists():
        found = shutil.which("moscow-tui")
        if found is None:
            raise SystemExit("moscow-tui is not installed beside this Python or on PATH")
        app_command = Path(found)
    report = Report()
    started = datetime.datetime.now().astimezone()

    with tempfile.TemporaryDirectory(prefix="moscow-bench-") as tmp:
        workdir = Path(tmp)
        env = bench_env(workdir / "home")
        keys_env = {**env, "PYTHONPATH": str(ROOT)}
        packs: dict[int, GeneratedPack] = {}
        invalid: set[int] = set()
        for size in sizes:
            pack = generate(size, workdir / f"pack-{size}")
            print(f"generated {size} facts: {pack.bytes / 1e6:.1f} MB", file=sys.stderr)
            # A pack the loader refuses would time error messages, not the app: drop it early.
            checked = run_command([str(app_command), "check", str(pack.directory)], env, workdir)
            checked.stdout_path.unlink()
            if checked.exit_code == 0:
                packs[size] = pack
            else:
                invalid.add(size)
                report.failures.append(
                    f"{size:,} facts: the generated pack fails `check` (exit {checked.exit_code}); "
                    f"bench/generate.py needs updating: {checked.stderr[-500:]}"
                )

        minimal = Variant("minimal", [str(python), str(ROOT / "bench" / "minimal_app.py")],
                          (MINIMAL_MARKER,))  # fmt: skip
        default_argv = [str(app_command), "--lang", "en"]
        default = Variant("default", default_argv, DEFAULT_MARKERS)
        default_cold = Variant("default, cold", default_argv, DEFAULT_MARKERS, cold=True)
        pack_variants: dict[int, Variant] = {}
        cold_variants: dict[int, Variant] = {}
        # A long cold load opens on the tree and shows the facts when the pack is whole: the
        # first frame alone would hide how long the reader waits for them.
        facts_variants: dict[int, Variant] = {}
        for size, pack in packs.items():
            argv = [str(app_command), "--lang", "en", "--content", str(pack.directory)]
            pack_variants[size] = Variant(f"{size} facts", argv, (pack.marker,))
            cold_variants[size] = Variant(f"{size} facts, cold", argv, (pack.marker,), cold=True)
            facts_variants[size] = Variant(
                f"{size} facts, cold, facts", argv, (pack.marker, pack.fact_marker), cold=True
            )
        variants = [
            minimal,
            default,
            default_cold,
            *pack_variants.values(),
            *cold_variants.values(),
            *facts_variants.values(),
        ]
        print(f"first frames: {runs} rounds of {len(variants)} programs", file=sys.stderr)
        _measure_frames(variants, runs, env)
        for variant in variants:
            report.failures += variant.failures

        def frame_row(variant: Variant, label: str) -> list[float]:
            frames = variant.frames()
            if frames:
                report.add(f"{label}: first frame", _spread(frames, _ms))
            else:
                report.add(f"{label}: first frame", "never shown", status="not measured")
            rss = [run.max_rss_kib for run in variant.runs]
            if rss:
                report.add(f"{label}: peak RSS (app)", _spread(rss, _mib))
            return frames

        frame_row(minimal, "Minimal Textual app")
        frame_row(default, "Default content")
        frame_row(default_cold, "Default content, cold (no cache)")
        ratios = _pair_ratios(default, minimal)
        if ratios:
            median = statistics.median(ratios)
            report.add(
                "Default ÷ minimal: first frame (per pair)",
                _spread(ratios, _ratio),
                f"≤ {_ratio(FIRST_FRAME_RATIO)}",
                _status(median <= FIRST_FRAME_RATIO),
            )
        cold_ratios = _pair_ratios(default_cold, minimal)
        if cold_ratios:
            report.add(
                "Default, cold ÷ minimal: first frame (per pair)", _spread(cold_ratios, _ratio)
            )
        rss_ratios = _rss_ratios(default, minimal)
        if rss_ratios:
            report.add(
                "Default ÷ minimal: peak RSS (per pair)",
                _spread(rss_ratios, _ratio),
                f"≤ {_ratio(RSS_RATIO)}",
                _status(statistics.median(rss_ratios) <= RSS_RATIO),
            )

        def command_rows(label: str, content: Path | None) -> None:
            extra = [] if content is None else [str(content)]
            check_argv = [str(app_command), "check", *extra]
            export_argv = [str(app_command), "export", "--format", "json"]
            if content is not None:
                export_argv += ["--content", str(content)]
            for what, argv, is_json, cold in (
                ("check", check_argv, False, False),
                ("check", check_argv, False, True),
                ("export --format json", export_argv, True, False),
                ("export --format json", export_argv, True, True),
            ):
                seconds, rss, error = _measure_command(argv, env, workdir, runs, is_json, cold)
                figure = f"{label}: `{what}`" + (", cold (no cache)" if cold else "")
                if error is not None:
                    report.add(figure, "failed", status="not measured")
                    report.failures.append(f"{figure} {error}")
                    continue
                report.add(figure, _spread(seconds, _ms))
                suffix = ", cold (no cache)" if cold else ""
                report.add(f"{label}: `{what}` peak RSS{suffix}", _spread(rss, _mib))

        command_rows("Default content", None)
        default_keys = _measure_keys(python, None, DEFAULT_SECTION, DEFAULT_SEARCH, keys_env, quick)
        _key_rows(report, "Default content", default_keys, with_targets=False)

        for size in SIZES:
            label = f"{size:,} facts"
            if size not in packs:
                value, status = (
                    ("—", "not measured") if size in invalid else ("skipped (--quick)", "skipped")
                )
                for figure in ("first frame", "`check`", "`export --format json`"):
                    report.add(f"{label}: {figure}", value, status=status)
                absent = "invalid pack" if size in invalid else None
                _key_rows(report, label, absent, with_targets=size == 100_000)
                continue
            pack = packs[size]
            report.notes.append(
                f"{label}: {pack.sections} sections, {pack.series} series, {pack.sources} "
                f"sources, {pack.bytes / 1e6:.1f} MB of TOML in {pack.directory.name}"
            )
            variant = pack_variants[size]
            frames = frame_row(variant, label)
            cold_frames = frame_row(cold_variants[size], f"{label}, cold (no cache)")
            facts_frames = facts_variants[size].frames()
            report.add(
                f"{label}, cold (no cache): first facts on screen",
                _spread(facts_frames, _ms) if facts_frames else "never shown",
                status="—" if facts_frames else "not measured",
            )
            cold_pairs = _pair_ratios(cold_variants[size], default_cold)
            if cold_pairs:
                report.add(
                    f"{label}, cold ÷ default, cold: first frame (per pair)",
                    _spread(cold_pairs, _ratio),
                )
            per_pair = _pair_ratios(variant, default)
            if per_pair:
                value = _spread(per_pair, _ratio)
                if size == 10_000:
                    ok = statistics.median(per_pair) <= PACK_10K_RATIO
                    report.add(
                        f"{label} ÷ default: first frame (per pair)",
                        value,
                        f"≤ {_ratio(PACK_10K_RATIO)}",
                        _status(ok),
                    )
                else:
                    report.add(f"{label} ÷ default: first frame (per pair)", value)
            if size == 100_000 and frames:
                report.add(
                    f"{label}: first frame, median",
                    _ms(statistics.median(frames)),
                    f"≤ {_ms(PACK_100K_FIRST_FRAME)}",
                    _status(statistics.median(frames) <= PACK_100K_FIRST_FRAME),
                )
            if size == 100_000 and cold_frames:
                report.add(
                    f"{label}, cold (no cache): first frame, median",
                    _ms(statistics.median(cold_frames)),
                    f"≤ {_ms(PACK_100K_FIRST_FRAME)}",
                    _status(statistics.median(cold_frames) <= PACK_100K_FIRST_FRAME),
                )
            command_rows(label, pack.directory)
            keys = _measure_keys(
                python, pack.directory, pack.leaf, pack.search_word, keys_env, quick
            )
            _key_rows(report, label, keys, with_targets=size == 100_000)

        _entity_table_rows(report, python, keys_env, runs, quick)

    finished = datetime.datetime.now().astimezone()
    _write(output, report, runs, quick, started, finished, python)
    for failure in report.failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if report.failures else 0


def _write(
    output: Path,
    report: Report,
    runs: int,
    quick: bool,
    started: datetime.datetime,
    finished: datetime.datetime,
    python: Path,
) -> None:
    command = "python -m bench.run" + (" --quick" if quick else f" --runs {runs}")
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}` ({'a smoke run' if quick else '`make bench`'}); "
        "see issue 5 for the targets.",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M %Z} (took {(finished - started).total_seconds():.0f} s)",
        f"- Commit: {_git_commit()}",
        f"- CPUs: {os.cpu_count()}; {platform.platform()}",
        f"- Python {platform.python_version()}, Textual {_textual_version(python)}",
        f"- Runs per figure: {runs}, interleaved (minimal app, default content and each pack in "
        "turn, order rotating each round)",
        "",
        "| Figure | Value | Target | Result |",
        "|---|---|---|---|",
    ]
    for row in report.rows:
        lines.append(f"| {row.figure} | {row.value} | {row.target} | {row.status} |")
    lines += [
        "",
        "## How",
        "",
        f"- First frame: the installed `moscow-tui --lang en` starts in a {COLUMNS}×{ROWS} "
        "pseudo-terminal (TERM=xterm-256color, private XDG dirs); the clock runs from fork until "
        "a known text of the first screen has been written (escapes stripped): the tree label "
        f"{DEFAULT_MARKERS[0]!r}, a synthetic pack's first group, the minimal app's "
        f"{MINIMAL_MARKER!r}. Then ctrl+q once the output has been quiet for 150 ms.",
        "- Warm and cold: the program caches the validated pack (`tui.pack.cache`, in "
        "XDG_CACHE_HOME). "
        "Plain figures are warm (the cache filled by `check` before the first start, as for a "
        "user's every start but the first after an edit; a warm start that shows the long "
        "load's screen is a failure); 'cold (no cache)' figures remove the cache before "
        "each run, so the TOML is parsed and checked. The targets are judged on the warm "
        "figures; the 100,000-fact first frame is reported against its target both ways. "
        "From 2 MB of TOML a cold start opens on the tree of a first pass while the pack loads "
        "beside it (`tui.pack.background`): its first frame is that tree, and 'first facts on "
        "screen' times the same start until the first fact's text is shown.",
        "- Peak RSS: the child's own `ru_maxrss` from `os.wait4`.",
        "- Ratios are taken per pair of runs in the same round; the target is judged on their "
        "median.",
        "- Keys: in-process (`App.run_test`, 120×40, headless), each key timed from sending it "
        "until every message it caused has been handled, workers finished, and the screen laid "
        "out and rendered (`bench/keys.py`). `Pilot.press` is not timed: it sleeps at least 40 ms "
        "per key. Each pack's keys are timed in "
        f"{KEY_RUNS} fresh app processes (one with --quick): a figure is the median over them "
        "and each run's value is shown beside it. 'No key slower than 50 ms' and 'search "
        "≤ 16 ms' are judged on the median run's maximum.",
        f"- Entity table: `bench/entities.py` ({ENTITY_ROWS:,} named places in one section of a "
        f"synthetic pack, {ENTITY_RUNS} fresh apps at most; {QUICK_ENTITY_ROWS:,} with --quick), "
        "each key timed as above: the section opened from the tree, five sorts, 260 moves. "
        "Opening and sorting are judged on the median key, moving on the slowest; the CPU "
        "median is this process's own time, what the wall time would be on an idle machine.",
        "- Synthetic packs: `bench/generate.py` (seeded), written to a temp dir.",
    ]
    if report.notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in report.notes]
    if report.failures:
        counts: dict[str, int] = {}
        for failure in report.failures:
            counts[failure] = counts.get(failure, 0) + 1
        lines += ["", "## Not measured", ""]
        lines += [f"- {f}" + (f" (×{n})" if n > 1 else "") for f, n in counts.items()]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmarks of issue 5.")
    parser.add_argument("--runs", type=int, default=9, help="runs per figure (default 9)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke mode: one run, packs of 1k and 10k facts"
    )
    parser.add_argument(
        "--output", type=Path, help="default: bench/RESULTS.md; a temp file with --quick"
    )
    args = parser.parse_args(argv)
    runs = 1 if args.quick else max(1, args.runs)
    sizes = QUICK_SIZES if args.quick else SIZES
    output = args.output
    if output is None:
        if args.quick:
            output = Path(tempfile.gettempdir()) / "moscow-tui-bench-smoke.md"
        else:
            output = RESULTS
    status = run(runs, args.quick, sizes, output)
    print(f"wrote {output}", file=sys.stderr)
    sys.exit(status)


if __name__ == "__main__":
    main()
