"""The model, the loader and everything the command line needs import no Textual or Rich.

Each module is imported in a fresh interpreter, because this test process has long since imported
Textual for other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

UI_PACKAGES = ("textual", "rich")
UI_FREE_MODULES = [
    "tui.pack.model",
    "tui.pack.load",
    "tui.pack.spec",
    "tui.pack.sanitize",
    "tui.text.format",
    "tui.export.formats",
    "tui.paths",
    "tui.pack.cache",
    "tui.clipboard",
    "tui.state",
    "tui.cli",
]

_PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""

_CHECK_PROBE = """
import json, sys
from tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "top": sorted({name.split(".")[0] for name in sys.modules})}),
      file=sys.stderr)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


@pytest.mark.parametrize("module", UI_FREE_MODULES)
def test_module_imports_no_ui(module: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, module],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "tui" in loaded
    assert loaded.isdisjoint(UI_PACKAGES), f"{module} pulls in {loaded & set(UI_PACKAGES)}"


@pytest.mark.parametrize(
    "argv",
    [["check"], ["export", "--format", "md"], ["export", "--format", "json"], ["schema"]],
)
def test_commands_do_not_import_the_ui(argv: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_PROBE, *argv],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    assert set(report["top"]).isdisjoint(UI_PACKAGES)


def test_the_probe_would_see_textual(tmp_path: Path) -> None:
    """The probe itself works: importing Textual does show up."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "textual.app"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    assert "textual" in json.loads(done.stdout)
