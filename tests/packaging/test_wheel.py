"""The wheel carries the content and styles, and the installed command works from anywhere.

Builds the wheel, installs it into a fresh virtualenv (its dependencies come from the package
index or pip's cache), and runs `moscow-tui` from a folder outside the source tree.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tui.pack.load import load_pack

ROOT = Path(__file__).resolve().parents[2]


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    dist = tmp_path / "dist"

    # Without build isolation when hatchling is at hand (fast, offline); otherwise `build`
    # fetches it into an isolated environment.
    isolation: list[str] = []
    if importlib.util.find_spec("hatchling"):
        isolation = ["--no-isolation"]
    built = _run(
        [sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist), str(ROOT)],
        cwd=tmp_path,
        env=env,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("moscow_tui-*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"tui/content/{p.name}" for p in (ROOT / "content").glob("*.toml")}
    expected.add("tui/content/schema.json")
    expected |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "tui").rglob("*.tcss")}
    expected |= {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "tui").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert len(expected) > 10
    assert expected <= names, sorted(expected - names)

    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    installed = _run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        cwd=tmp_path,
        env=env,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = str(venv / "bin" / "moscow-tui")
    source = load_pack()
    assert source.pack is not None

    paths = _run([command, "paths"], cwd=elsewhere, env=env)
    assert paths.returncode == 0, paths.stderr
    content_dir = Path(paths.stdout.splitlines()[0].split(None, 1)[1])
    assert content_dir.is_relative_to(venv), "the installed command must read its own content"

    check = _run([command, "check"], cwd=elsewhere, env=env)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(
        f"content OK: {len(source.pack.sections)} sections, {len(source.pack.facts)} facts"
    )

    export = _run([command, "export", "--format", "json"], cwd=elsewhere, env=env)
    assert export.returncode == 0, export.stderr
    data = json.loads(export.stdout)
    assert [fact["id"] for fact in data["facts"]] == [fact.id for fact in source.pack.facts]
    # Every fact cites a publisher, except a derived one: moscow-tui computed it.
    assert all(fact.get("computed_by") or fact["source"]["publisher"] for fact in data["facts"])
