"""The first screen of a long load: the tree at once, the progress as it comes, then the main
screen at the section the reader chose meanwhile; the problems, or the loader's end, close the
app with status 1; quitting first ends the loader.

Most tests drive the screen with a stand-in loader: a pipe the test writes the loader's
messages into, and a `sleep` process in its own session as the child to be ended.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from bench.generate import generate
from tui.pack.background import BackgroundLoad, _send
from tui.pack.load import LoadResult, load_pack
from tui.pack.model import Pack
from tui.pack.preview import preview_pack
from tui.ui.app import MoscowApp
from tui.ui.screens.loading import LoadingScreen
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.section_tree import SectionTree

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


class StandInLoad(BackgroundLoad):
    """As a real child's end closes its end of the pipe, ending the stand-in closes the test's."""

    def __init__(self, pid: int, stream: BinaryIO, out: BinaryIO) -> None:
        super().__init__(pid, stream)
        self.out = out

    def cancel(self) -> None:
        super().cancel()
        if not self.out.closed:
            self.out.close()


class StandInLoader:
    """A `BackgroundLoad` whose messages the test writes, and whose child is `sleep`."""

    def __init__(self) -> None:
        self.child = subprocess.Popen(["sleep", "60"], start_new_session=True)
        read_end, write_end = os.pipe()
        self.out = os.fdopen(write_end, "wb")
        self.load = StandInLoad(self.child.pid, os.fdopen(read_end, "rb"), self.out)

    def progress(self, files: int, listed: int, facts: int, stage: str = "reading") -> None:
        _send(self.out, "progress", (files, listed, facts, stage))

    def result(self, result: LoadResult) -> None:
        _send(self.out, "result", result)
        self.out.close()

    def close(self) -> None:
        if not self.out.closed:
            self.out.close()
        self.child.kill()
        self.child.wait()


@pytest.fixture
def loader() -> Iterator[StandInLoader]:
    stand_in = StandInLoader()
    yield stand_in
    stand_in.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(400, tmp_path_factory.mktemp("pack")).directory


@pytest.fixture(scope="module")
def preview(folder: Path) -> Pack:
    first = preview_pack([folder])
    assert first is not None
    return first


def app_for(preview: Pack, load: BackgroundLoad, tmp_path: Path) -> MoscowApp:
    return MoscowApp(preview, lang="en", state_path=tmp_path / "state.json", loading=load)


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], rounds: int = 400) -> None:
    for _ in range(rounds):
        if done():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


def panel_text(app: MoscowApp) -> str:
    return str(app.screen.query_one("#loading-panel", Static).render())


async def test_tree_at_once_then_progress_then_the_main_screen_where_the_reader_moved(
    preview: Pack, folder: Path, loader: StandInLoader, tmp_path: Path
) -> None:
    app = app_for(preview, loader.load, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        tree = app.screen.query_one(SectionTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == [preview.sections[root.path].title.en for root in preview.roots]
        assert "Starting to read the files" in panel_text(app)
        loader.progress(2, 4, 1234)
        await wait_until(pilot, lambda: "Read 2 of 4 files, 1,234 facts" in panel_text(app))
        loader.progress(4, 4, 400, "checking")
        await wait_until(pilot, lambda: "Checking the references between 400" in panel_text(app))
        await pilot.press("down", "down")
        chosen = tree.current_path
        assert chosen is not None and chosen != app.start_path
        assert preview.sections[chosen].title.en in panel_text(app)
        loader.result(load_pack([folder]))
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        main = app.screen
        await wait_until(pilot, lambda: main.query_one(SectionTree).current_path == chosen)
        assert main.query_one(FactPanel).path == chosen
        assert app.pack.facts  # the whole pack now, not the first pass
        assert app.loading is None and app.load_failure is None


async def test_problems_close_the_app_with_status_1(
    preview: Pack, loader: StandInLoader, make_pack: Callable[..., Path], tmp_path: Path
) -> None:
    broken = load_pack([make_pack({"zz-bad.toml": '[[fact]]\nid = "x"\nkind = "nonsense"\n'})])
    assert broken.errors
    app = app_for(preview, loader.load, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        loader.result(broken)
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert app.load_failure == broken  # a copy: it came through the pipe


async def test_a_loader_that_dies_closes_the_app_with_why(
    preview: Pack, loader: StandInLoader, tmp_path: Path
) -> None:
    app = app_for(preview, loader.load, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        loader.progress(1, 4, 10)
        loader.child.kill()
        loader.out.close()
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert isinstance(app.load_failure, str) and "SIGKILL" in app.load_failure


async def test_language_switches_the_tree_and_the_progress(
    preview: Pack, loader: StandInLoader, tmp_path: Path
) -> None:
    app = app_for(preview, loader.load, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        loader.progress(1, 4, 1500)
        await wait_until(pilot, lambda: "Read 1 of 4" in panel_text(app))
        await pilot.press("L")
        await wait_until(pilot, lambda: "Прочитано файлов: 1 из 4" in panel_text(app))
        tree = app.screen.query_one(SectionTree)
        first_root = preview.roots[0]
        assert str(tree.root.children[0].label) == preview.sections[first_root.path].title.ru
        assert "1\u202f500" in panel_text(app)


async def test_quitting_while_loading_ends_the_loader(tmp_path: Path) -> None:
    pack = generate(20000, tmp_path / "big")
    first = preview_pack([pack.directory])
    load = BackgroundLoad.start([pack.directory])
    assert first is not None and load is not None
    app = app_for(first, load, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("q")
    assert app.load_failure is None
    with pytest.raises(ChildProcessError):
        os.waitpid(load.pid, os.WNOHANG)  # reaped: it was ended, not left running


@pytest.mark.usefixtures("snapshot_environment")
def test_loading_screen_snapshot(
    snap_compare: SnapCompare, preview: Pack, loader: StandInLoader, tmp_path: Path
) -> None:
    loader.progress(3, 5, 61500)

    async def run_before(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, LoadingScreen)
        await wait_until(pilot, lambda: screen.progress is not None)

    app = app_for(preview, loader.load, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
