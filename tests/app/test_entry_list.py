"""The list of the sources and of what cites one: keys, mouse, wrapping, looks, the empty list."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip

from tui import ui
from tui.ui.widgets.entry_list import HIGHLIGHTED, HOVER, EntryList

WIDTH = 40


def entries(count: int, long: int | None = None) -> list[Text]:
    """`count` entries of two lines; the one at `long` has a second line three widths long."""
    made = []
    for index in range(count):
        text = Text()
        text.append(f"entry {index}", style="bold")
        text.append("\n")
        text.append("word " * (WIDTH * 3 // 5) if index == long else f"line of {index}")
        made.append(text)
    return made


class ListApp(App[None]):
    CSS_PATH = str(Path(ui.__file__).parent / "styles" / "app.tcss")  # the looks of the app
    CSS = "EntryList { height: 10; width: 40; }"

    def __init__(self, texts: list[Text]) -> None:
        super().__init__()
        self.texts = texts
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield EntryList(id="list")

    def on_mount(self) -> None:
        listed = self.query_one(EntryList)
        listed.set_entries(self.texts)
        listed.focus()

    def on_entry_list_chosen(self, event: EntryList.Chosen) -> None:
        self.chosen.append(event.index)


def look(strip: Strip) -> Style:
    """The style of a line's first piece of text, without the offsets Textual adds to it."""
    style = next(iter(strip)).style
    assert style is not None
    return style.clear_meta_and_links()


def the_list(pilot: Pilot[None]) -> EntryList:
    return pilot.app.query_one(EntryList)


async def test_keys_move_the_highlight_and_enter_chooses() -> None:
    app = ListApp(entries(30))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        assert listed.count == 30 and listed.highlighted == 0
        await pilot.press("down", "j", "j")
        assert listed.highlighted == 3
        await pilot.press("up", "k")
        assert listed.highlighted == 1
        await pilot.press("G")
        assert listed.highlighted == 29
        assert listed.scroll_y == listed.max_scroll_y  # the last entry is on screen
        await pilot.press("g")
        assert listed.highlighted == 0 and listed.scroll_y == 0
        await pilot.press("end", "home", "pagedown")
        assert listed.highlighted == 5  # ten lines a page, two lines an entry
        await pilot.press("pageup", "up")
        assert listed.highlighted == 0
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.chosen == [1]


async def test_a_click_highlights_and_chooses_the_entry_under_the_mouse() -> None:
    app = ListApp(entries(30))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        await pilot.click(EntryList, offset=(5, 5))  # the second line of entry 2
        await pilot.pause()
        assert listed.highlighted == 2
        assert app.chosen == [2]
        await pilot.hover(EntryList, offset=(5, 7))
        await pilot.pause()
        assert listed.render_line(7).text.startswith("line of 3")
        hover_style = listed.get_visual_style(HOVER).rich_style
        assert look(listed.render_line(7)) == hover_style
        assert look(listed.render_line(9)) != hover_style  # entry 4: not under it


async def test_long_lines_wrap_and_push_the_next_entries_down() -> None:
    app = ListApp(entries(3, long=1))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        width = listed.scrollable_content_region.width
        lines = [listed.render_line(y).text.rstrip() for y in range(10)]
        assert lines[2] == "entry 1"
        wrapped = [line for line in lines[3:] if line.startswith("word")]
        assert len(wrapped) >= 3 and all(len(line) <= width for line in wrapped)
        assert lines[3 + len(wrapped)] == "entry 2"
        assert listed.virtual_size.height == 2 + 1 + len(wrapped) + 2


async def test_the_highlight_looks_as_the_stylesheet_says_with_and_without_focus() -> None:
    app = ListApp(entries(5))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        focused = listed.get_visual_style(HIGHLIGHTED).rich_style
        assert look(listed.render_line(1)) == focused
        assert look(listed.render_line(3)) != focused
        listed.blur()
        await pilot.pause()
        blurred = listed.get_visual_style(HIGHLIGHTED).rich_style
        assert blurred != focused
        assert look(listed.render_line(1)) == blurred


async def test_an_empty_list_has_no_highlight_and_chooses_nothing() -> None:
    app = ListApp([])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        assert listed.count == 0 and listed.highlighted is None
        await pilot.press("down", "G", "pagedown", "enter")
        await pilot.click(EntryList, offset=(3, 3))
        await pilot.pause()
        assert app.chosen == [] and listed.highlighted is None
        assert listed.render_line(0).text.strip() == ""


async def test_new_entries_keep_the_highlight_in_range() -> None:
    app = ListApp(entries(10))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listed = the_list(pilot)
        await pilot.press("G")
        listed.set_entries(entries(4), highlighted=listed.highlighted)
        await pilot.pause()
        assert listed.highlighted == 3
        assert listed.render_line(listed.virtual_size.height - 2 - round(listed.scroll_y)).text
