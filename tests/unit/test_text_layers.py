"""The text, export and search layers import neither Textual nor Rich, and stay small."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = sorted(
    [
        *(ROOT / "tui" / "text").glob("*.py"),
        *(ROOT / "tui" / "export").glob("*.py"),
        *(ROOT / "tui" / "search").glob("*.py"),
    ]
)
PROBE = (
    "import importlib, json, sys; importlib.import_module(sys.argv[1]); "
    "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", LAYERS, ids=module_name)
def test_imports_no_ui(path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, module_name(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    loaded = set(json.loads(out.stdout))
    assert not {"textual", "rich"} & loaded, module_name(path)


@pytest.mark.parametrize("path", LAYERS, ids=module_name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            assert node.end_lineno - node.lineno < 60, f"{path.name}: {node.name}"


def test_the_layers_are_found() -> None:
    names = {module_name(path) for path in LAYERS}
    assert {"tui.search", "tui.text.words", "tui.export.markdown"} <= names
