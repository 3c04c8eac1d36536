"""SVG snapshots of what a reader sees, against the shipped content.

The scenes are shared with `make screenshots` (tests/make_screenshots.py), so the README's
pictures are the screens held still here. Update after a deliberate change with
`pytest tests/app/test_snapshots.py --snapshot-update`, look at the SVGs, then run without the flag.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from make_screenshots import SCENES, Scene, build_app, load_shipped_pack, prepare
from textual.pilot import Pilot
from textual.widgets import Tree

from tui.pack.model import Pack
from tui.ui.screens.chart import ChartScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.sources import SourcesScreen
from tui.ui.widgets.too_small import TooSmall

SnapCompare = Callable[..., bool]
SCENE = {scene.name: scene for scene in SCENES}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_shipped_pack()


pytestmark = pytest.mark.usefixtures("snapshot_environment")


def snapshot(
    snap_compare: SnapCompare,
    pack: Pack,
    tmp_path: Path,
    scene: Scene,
    check: Callable[[Pilot[None]], None] | None = None,
) -> bool:
    """Compare `scene` with its snapshot; `check` asserts on the live app before the picture."""
    state = tmp_path / "state.json"
    assert not state.exists()

    async def run_before(pilot: Pilot[None]) -> None:
        await prepare(scene, pilot)
        if check is not None:
            check(pilot)

    return snap_compare(
        build_app(pack, scene, state), terminal_size=scene.size, run_before=run_before
    )


def tree_cursor_on(path: str) -> Callable[[Pilot[None]], None]:
    def check(pilot: Pilot[None]) -> None:
        tree = pilot.app.screen.query_one(Tree)
        assert tree.has_focus
        node = tree.cursor_node
        assert node is not None and node.data == path

    return check


class TestMainScreen:
    def test_english_80x24(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        scene = SCENE["main-80x24-en"]
        assert snapshot(snap_compare, pack, tmp_path, scene, tree_cursor_on(scene.start or ""))

    def test_english_120x40(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        scene = SCENE["main-120x40-en"]
        assert snapshot(snap_compare, pack, tmp_path, scene, tree_cursor_on(scene.start or ""))

    def test_russian_120x40(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        scene = SCENE["main-120x40-ru"]

        def check(pilot: Pilot[None]) -> None:
            assert getattr(pilot.app, "lang", None) == "ru"
            tree_cursor_on(scene.start or "")(pilot)

        assert snapshot(snap_compare, pack, tmp_path, scene, check)


class TestThemes:
    def test_light_theme_120x40(
        self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path
    ) -> None:
        scene = SCENE["main-120x40-en-light"]

        def check(pilot: Pilot[None]) -> None:
            assert pilot.app.theme == "textual-light"
            assert not pilot.app.current_theme.dark

        assert snapshot(snap_compare, pack, tmp_path, scene, check)


class TestHelp:
    def test_help_screen_120x40(
        self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path
    ) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert isinstance(pilot.app.screen, HelpScreen)

        assert snapshot(snap_compare, pack, tmp_path, SCENE["help-120x40-en"], check)

    def test_help_screen_russian_120x40(
        self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path
    ) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert isinstance(pilot.app.screen, HelpScreen)
            assert getattr(pilot.app, "lang", None) == "ru"

        assert snapshot(snap_compare, pack, tmp_path, SCENE["help-120x40-ru"], check)


class TestRoom:
    def test_tree_hidden_80x24(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        """`t` hides the tree: the title stays on screen, the footer says how to bring it back."""

        def check(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert not screen.query_one(Tree).display
            assert screen.query_one("#panel").scroll_y == 0
            shown = [a.binding for a in screen.active_bindings.values() if a.binding.show]
            assert shown[0].key == "t" and shown[0].description == "Show tree"

        assert snapshot(snap_compare, pack, tmp_path, SCENE["no-tree-80x24-en"], check)


class TestTooSmall:
    def test_too_small_50x12(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert pilot.app.screen.query_one(TooSmall).display

        assert snapshot(snap_compare, pack, tmp_path, SCENE["too-small-50x12-en"], check)


class TestEvidence:
    """The README's pictures of the evidence layer (every screen at both sizes and languages is
    in test_evidence_snapshots.py)."""

    @pytest.mark.parametrize("name", ["chart-120x40-en", "chart-80x24-ru"])
    def test_chart(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path, name: str) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert isinstance(pilot.app.screen, ChartScreen)

        assert snapshot(snap_compare, pack, tmp_path, SCENE[name], check)

    def test_detail(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert isinstance(pilot.app.screen, DetailScreen)

        assert snapshot(snap_compare, pack, tmp_path, SCENE["detail-120x40-en"], check)

    def test_sources(self, snap_compare: SnapCompare, pack: Pack, tmp_path: Path) -> None:
        def check(pilot: Pilot[None]) -> None:
            assert isinstance(pilot.app.screen, SourcesScreen)

        assert snapshot(snap_compare, pack, tmp_path, SCENE["sources-120x40-en"], check)


def test_every_scene_has_a_snapshot_test() -> None:
    tested = {
        "main-80x24-en",
        "main-120x40-en",
        "main-120x40-ru",
        "main-120x40-en-light",
        "help-120x40-en",
        "help-120x40-ru",
        "no-tree-80x24-en",
        "too-small-50x12-en",
        "chart-120x40-en",
        "chart-80x24-ru",
        "detail-120x40-en",
        "sources-120x40-en",
    }
    assert set(SCENE) == tested
