"""No private Rich or Textual API in the package, except the two Tree attributes under the pin."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from textual.widgets import Tree

PACKAGE = Path(__file__).resolve().parents[2] / "tui"
PRIVATE_IMPORT = re.compile(r"^\s*(from|import)\s+(rich|textual)(\.\w+)*\._", re.MULTILINE)
# SectionTree.notify_style_update restyles the tree without rebuilding its lines; Textual has no
# public way to do that, so it uses these and pyproject.toml pins the Textual it was tested with.
TREE_ATTRIBUTES = ("_line_cache", "_updates")


def test_no_module_imports_a_private_rich_or_textual_module() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}: {match.group(0).strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for match in PRIVATE_IMPORT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_private_footer_attribute_is_not_used() -> None:
    uses = [
        path.name
        for path in PACKAGE.rglob("*.py")
        if "_bindings_ready" in path.read_text(encoding="utf-8")
    ]
    assert uses == []


def test_textual_still_has_the_tree_attributes_section_tree_relies_on() -> None:
    tree: Tree[None] = Tree("root")
    missing = [name for name in TREE_ATTRIBUTES if not hasattr(tree, name)]
    assert not missing, (
        f"Textual {version('textual')} has no Tree.{', Tree.'.join(missing)}: "
        "SectionTree.notify_style_update (tui/ui/widgets/section_tree.py) clears Tree's line "
        "cache through them. Replace that override (or drop it and accept a full rebuild on "
        "focus changes), then move the textual pin in pyproject.toml."
    )
    assert isinstance(tree._updates, int)
    assert callable(getattr(tree._line_cache, "clear", None))


def test_textual_is_the_pinned_version() -> None:
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    pinned = re.search(r'"textual==([\d.]+)"', pyproject)
    assert pinned is not None, "pyproject.toml must pin textual to the version tested"
    assert version("textual") == pinned.group(1)
