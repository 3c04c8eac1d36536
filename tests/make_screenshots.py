"""Render the README's screenshots: `python tests/make_screenshots.py [OUTPUT-DIR]`.

The scenes are the ones the snapshot tests check (tests/test_snapshots.py imports `SCENES`), so
the pictures in the README are the screens the tests hold still. SVGs come from Textual's own
export; PNGs are made when `rsvg-convert` (Debian's librsvg2-bin) is on PATH.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.pack.model import Lang, Pack

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.ui.app import MoscowApp

ROOT = Path(__file__).resolve().parent.parent
START = "infrastructure/technoparks"


@dataclass(frozen=True)
class Scene:
    """One screen to show: the terminal size, language, theme and keys pressed after start."""

    name: str
    size: tuple[int, int]
    lang: Lang = "en"
    theme: str | None = None
    press: tuple[str, ...] = ()
    start: str | None = START


SCENES: tuple[Scene, ...] = (
    Scene("main-80x24-en", (80, 24)),
    Scene("main-120x40-en", (120, 40)),
    Scene("main-120x40-ru", (120, 40), lang="ru"),
    Scene("main-120x40-en-light", (120, 40), theme="textual-light"),
    Scene("help-120x40-en", (120, 40), press=("question_mark",)),
    Scene("help-120x40-ru", (120, 40), lang="ru", press=("question_mark",)),
    Scene("no-tree-80x24-en", (80, 24), press=("t",)),
    Scene("too-small-50x12-en", (50, 12)),
    # The evidence layer: a series' chart from the tree, a fact's detail, the list of sources.
    Scene("chart-120x40-en", (120, 40), press=("v",)),
    Scene("chart-80x24-ru", (80, 24), lang="ru", press=("v",)),
    Scene("detail-120x40-en", (120, 40), press=("tab", "enter"), start="support/export"),
    Scene("sources-120x40-en", (120, 40), press=("S",)),
)


def isolate_environment(base: Path) -> None:
    """Keep the renders away from the user's state and config and from their colour choices."""
    os.environ["XDG_STATE_HOME"] = str(base / "state")
    os.environ["XDG_CONFIG_HOME"] = str(base / "config")
    for variable in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME"):
        os.environ.pop(variable, None)


def load_shipped_pack() -> Pack:
    from tui.pack.load import load_pack

    result = load_pack()
    if result.pack is None:
        raise SystemExit("\n".join(str(problem) for problem in result.errors))
    return result.pack


def build_app(pack: Pack, scene: Scene, state_path: Path) -> MoscowApp:
    """The app for `scene`, started at the same section with nothing remembered."""
    from tui.ui.app import MoscowApp

    return MoscowApp(pack, start_path=scene.start, lang=scene.lang, state_path=state_path)


async def prepare(scene: Scene, pilot: Pilot[None]) -> None:
    """Bring a running app to `scene`: the theme, then the keys; used by the snapshot tests too."""
    app = pilot.app
    await pilot.pause()
    if scene.theme is not None:
        app.theme = scene.theme
        await pilot.pause()
    for key in scene.press:
        await pilot.press(key)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def render(pack: Pack, scene: Scene, work: Path) -> str:
    app = build_app(pack, scene, work / f"{scene.name}-state.json")
    async with app.run_test(size=scene.size) as pilot:
        await prepare(scene, pilot)
        # A short title: the pack's own would run into the window buttons at 50 columns.
        return app.export_screenshot(title="moscow-tui")


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    converter = shutil.which("rsvg-convert")
    with tempfile.TemporaryDirectory(prefix="moscow-tui-shots-") as temporary:
        work = Path(temporary)
        isolate_environment(work)
        pack = load_shipped_pack()
        for scene in SCENES:
            svg = output / f"{scene.name}.svg"
            svg.write_text(asyncio.run(render(pack, scene, work)), encoding="utf-8")
            print(svg.relative_to(ROOT) if svg.is_relative_to(ROOT) else svg)
            if converter is not None:
                png = svg.with_suffix(".png")
                subprocess.run([converter, "--format=png", "-o", str(png), str(svg)], check=True)
                print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    if converter is None:
        print("rsvg-convert not found (Debian: librsvg2-bin): SVG only", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
