"""The import contract: the content pipeline, the words, the exports, the search and everything
the command line needs import no Textual or Rich; widgets do not import screens.

Each module is imported in a fresh interpreter, because this test process has long since imported
Textual for other tests. The modules are found by listing the packages, so a new module is
covered the day it is added.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

UI_PACKAGES = ("textual", "rich")
TUI_DIR = Path(__file__).resolve().parents[2] / "tui"
# Packages (every module in them) and the top-level modules (all but `__main__`, which runs the
# program) must stay free of the UI: only tui/ui/ may import Textual or Rich.
UI_FREE_PACKAGES = ("pack", "text", "export", "search")


def _module_name(path: Path) -> str:
    parts = path.relative_to(TUI_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ui_free_modules() -> list[str]:
    modules: list[str] = []
    for package in UI_FREE_PACKAGES:
        modules += [_module_name(path) for path in sorted((TUI_DIR / package).rglob("*.py"))]
    modules += [_module_name(path) for path in sorted(TUI_DIR.glob("*.py"))]
    return [name for name in modules if name != "tui.__main__"]


UI_FREE_MODULES = _ui_free_modules()


def test_the_listing_finds_the_pipeline() -> None:
    assert {"tui.pack.load", "tui.pack.kinds", "tui.pack.cache", "tui.text.units"} <= set(
        UI_FREE_MODULES
    )
    assert {"tui.export.formats", "tui.cli", "tui.paths", "tui.search"} <= set(UI_FREE_MODULES)


def _tui_imports(source: str, path: Path) -> set[str]:
    """The `tui.…` modules `source` (the text of `path`) imports, lazy imports inside functions
    and relative imports included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = path.relative_to(TUI_DIR.parent).with_suffix("").parts[: -node.level]
                module = ".".join((*base, *([module] if module else [])))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in names if name == "tui" or name.startswith("tui.")}


def test_widgets_do_not_import_screens() -> None:
    widgets = sorted((TUI_DIR / "ui" / "widgets").rglob("*.py"))
    assert widgets, "no widget modules found"
    offenders = {}
    for path in widgets:
        imported = _tui_imports(path.read_text(encoding="utf-8"), path)
        screens = sorted(name for name in imported if name.startswith("tui.ui.screens"))
        if screens:
            offenders[str(path.relative_to(TUI_DIR))] = screens
    assert offenders == {}


def test_the_widget_check_sees_every_form_of_import() -> None:
    source = (
        "import tui.ui.screens.search\n"
        "def f():\n"
        "    from tui.ui.screens.main import MainScreen\n"
        "    from ..screens import help\n"
    )
    names = _tui_imports(source, TUI_DIR / "ui" / "widgets" / "probe.py")
    assert {"tui.ui.screens.search", "tui.ui.screens.main", "tui.ui.screens.help"} <= names


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


def test_the_app_does_not_import_the_loader(tmp_path: Path) -> None:
    """A start from the cache never loads TOML: the loader's modules (about 25 ms to import)
    come in only with a long load, when the app opens on its first pass."""
    probe = "import json, sys, tui.ui.app; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    loaded = set(json.loads(done.stdout))
    assert "tui.ui.app" in loaded
    loader = {"tui.pack.load", "tui.pack.validate", "tui.pack.background", "tomli"}
    assert loaded.isdisjoint(loader), loaded & loader
