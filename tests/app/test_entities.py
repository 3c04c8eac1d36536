"""Pilot tests of the named places: tree nodes, the entity table (sort, filter, open) and the
entity screen, in both languages, with content that looks like markup kept as data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from app_helpers import L, build_pack
from entity_pack import TECHNOPARKS, TECHNOPOLIS, entity_pack
from textual.pilot import Pilot
from textual.widget import Widget

from tui.pack.model import Entity, EntityKind, Fact, FactKind, Pack, Qualifier
from tui.ui.app import MoscowApp
from tui.ui.entity_rows import EntityRows, attribute_cell, entities_a_to_z, named_label
from tui.ui.screens.entity import EntityScreen
from tui.ui.widgets.entity_table import EntityGrid, EntityTable
from tui.ui.widgets.fact_panel import FactPanel
from tui.ui.widgets.section_tree import SectionTree

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def make_app(pack: Pack, tmp_path: Path, lang: str = "en", start: str = TECHNOPARKS) -> MoscowApp:
    return MoscowApp(
        pack,
        start_path=start,
        lang=lang,  # type: ignore[arg-type]
        state_path=tmp_path / "state.json",
    )


async def open_table(pilot: Pilot[None]) -> EntityGrid:
    """From the Technoparks node: open it, go to its label node, Enter into the table."""
    await pilot.press("right", "right")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    grid = pilot.app.focused
    assert isinstance(grid, EntityGrid)
    return grid


def column(grid: EntityGrid, index: int) -> list[str]:
    """The texts of one column, row by row, in the order shown."""
    return [grid.cells_at(position)[index] for position in range(grid.count)]


def drawn(grid: EntityGrid, y: int) -> str:
    """The text of content line `y` of the grid as drawn (line 0 is the header)."""
    return grid.render_line(y).text


async def click_header(pilot: Pilot[None], grid: EntityGrid, column: int) -> None:
    """A mouse click on the title of `column` (the frame's border is one cell on each side)."""
    await pilot.click("#entity-frame", offset=(1 + grid.column_start(column) + 1, 1))
    await pilot.pause()


def count_shown(grid: EntityGrid) -> object:
    """The count in the bottom border of the table's frame."""
    frame = grid.parent
    assert isinstance(frame, Widget) and frame.id == "entity-frame"
    return frame.border_subtitle


def cursor_on_screen(grid: EntityGrid) -> bool:
    return grid.top_row <= grid.position < grid.top_row + grid.visible_rows


def test_attribute_cell_shows_every_conflicting_value() -> None:
    pack = entity_pack()
    kalibr = pack.entities["technopark-00000"]
    areas = [f for f in pack.facts_of(kalibr.id) if f.attribute == "area"]
    assert len(areas) == 3
    assert attribute_cell(areas, "en") == "75,000 / 18,000 / 28,500 m²"
    assert attribute_cell(areas, "ru") == "75\u202f000 / 18\u202f000 / 28\u202f500 м²"


def test_named_label_finds_the_count_or_says_none() -> None:
    pack = entity_pack()
    assert named_label(pack, TECHNOPARKS, "en") == "40 named in public statements, of 49"
    assert named_label(pack, TECHNOPARKS, "ru") == "Названы в открытых источниках: 40 из 49"
    # The technopolis has no count of sites: the label does not invent one.
    assert named_label(pack, TECHNOPOLIS, "en") == "2 named in public statements"


def test_sorting_keeps_empty_cells_last_both_ways() -> None:
    pack = entity_pack()
    model = EntityRows(pack, TECHNOPARKS, "en")
    area = 1 + model.columns.index("area")
    for direction in ("asc", "desc"):
        order = model.sorted(list(range(len(model))), area, direction)
        keys = [model.keys(area)[i] for i in order]
        present = [key for key in keys if key is not None]
        assert keys[: len(present)] == present and None in keys
        assert present == sorted(present, reverse=direction == "desc")


def test_rows_find_an_entitys_facts_when_they_are_scattered() -> None:
    """The rows look for an entity's facts from its first to its last: facts of other
    entities and of the section in between are left out, wherever the loader put them."""
    pack = entity_pack()
    section = pack.facts_in(TECHNOPARKS)
    # The odd facts after the even ones: most entities' facts are split around the others'.
    scattered = [*section[::2], *section[1::2]]
    others = [fact for fact in pack.facts if fact.section != TECHNOPARKS]
    for facts in (section, scattered):
        model = EntityRows(dataclasses.replace(pack, facts=(*facts, *others)), TECHNOPARKS, "en")
        assert model.own_facts == [fact for fact in facts if fact.entity is None]
        for index, entity in enumerate(model.entities):
            expected: dict[str, list[Fact]] = {}
            for fact in facts:
                if fact.entity == entity.id and fact.attribute:
                    expected.setdefault(fact.attribute, []).append(fact)
            assert model.facts(index) == expected
        assert "area" in model.columns and model.cells(0)[0] == model.entities[0].name.en


def test_names_sort_alike_one_by_one_and_all_at_once() -> None:
    """Names are folded together for speed; a name holding the joining character still sorts."""
    pack = entity_pack()
    first = next(iter(pack.entities_in(TECHNOPARKS)))
    odd = dataclasses.replace(first, name=L("Ёлка\x00«Б»", "«zeta»\x00 Alpha"))
    entities = {**pack.entities, first.id: odd}
    for candidate in (pack, dataclasses.replace(pack, entities=entities)):
        for lang in ("en", "ru"):
            model = EntityRows(candidate, TECHNOPARKS, lang)
            expected = entities_a_to_z(candidate, TECHNOPARKS, lang)
            assert [entity.id for entity in model.entities] == [e.id for e in expected]


async def test_tree_lists_named_places_a_to_z_in_the_current_language(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        await pilot.press("right")
        await pilot.pause()
        node = tree.cursor_node
        assert node is not None and node.data == TECHNOPARKS
        labels = [str(child.label) for child in node.children]
        assert labels[0] == "40 named publicly, of 49"
        names = labels[1:]
        assert len(names) == 40 and names == sorted(names, key=str.casefold)
        await pilot.press("L")
        await pilot.pause()
        ru = [str(child.label) for child in node.children]
        assert ru[0] == "Названы публично: 40 из 49"
        assert ru[1:] == sorted(ru[1:], key=lambda name: name.casefold().replace("ё", "е"))
        assert ru[1:] != names


async def test_entity_node_shows_the_entity_and_its_sources(tmp_path: Path) -> None:
    pack = entity_pack()
    app = make_app(pack, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "down")
        await pilot.pause()
        panel = app.screen.query_one(FactPanel)
        tree = app.screen.query_one(SectionTree)
        entity = tree.current_entity
        assert entity is not None and panel.entity is entity
        fact_list = panel.fact_list
        assert fact_list is not None
        assert fact_list.facts == pack.facts_of(entity.id)
        assert "TASS, 22 Oct 2025" in fact_list.rendered_text(0)
        assert entity.name.en in str(app.screen.query_one("#panel-title").render())
        # Back up to the label node: the section and its table again.
        await pilot.press("up")
        await pilot.pause()
        assert panel.entity is None and panel.path == TECHNOPARKS
        assert panel.entity_table is not None and panel.entity_table.display


async def test_section_facts_leave_out_entity_facts(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(FactPanel)
        assert panel.fact_list is not None
        assert [fact.id for fact in panel.fact_list.facts] == [
            "technoparks-count",
            "technoparks-growth",
            "technoparks-specialists",
        ]


async def test_table_renders_a_row_per_entity_with_attribute_columns(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        assert grid.count == 40
        assert grid.titles == ["Name ▲", "Year", "District", "Focus", "Area", "Staff"]
        names = column(grid, 0)
        assert names == sorted(names, key=str.casefold)
        kalibr = names.index("Kalibr Technopark")
        assert column(grid, 4)[kalibr] == "75,000 / 18,000 / 28,500 m²"
        assert count_shown(grid) == "40"
        # What is drawn: the header, then the rows A–Z, each cell cut to its column with "…".
        assert drawn(grid, 0).split() == ["Name", "▲", "Year", "District", "Focus", "Area", "Staff"]
        assert drawn(grid, 1).startswith(" 707 Technopark ")
        assert "…" in drawn(grid, 1 + kalibr) and "75,000 / 1…" in drawn(grid, 1 + kalibr)


async def test_sort_by_key_and_by_header_click(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        await pilot.press("s")  # the next column: Year
        await pilot.pause()
        years = column(grid, 1)
        assert years == sorted(years)
        assert grid.titles[1] == "Year ▲" and grid.titles[0] == "Name"
        assert drawn(grid, 1).startswith(" " + column(grid, 0)[0][:10])
        await pilot.press("r")
        await pilot.pause()
        assert column(grid, 1) == sorted(years, reverse=True)
        assert grid.titles[1] == "Year ▼"
        # A click on the Staff header sorts by staff; a second click reverses.
        await click_header(pilot, grid, 5)
        staff = [int(cell.strip("≈ ").replace(",", "") or 0) for cell in column(grid, 5)]
        present = [value for value in staff if value]
        assert present == sorted(present) and staff[-1] == 0
        assert grid.titles[5] == "Staff ▲"
        await click_header(pilot, grid, 5)
        staff = [int(cell.strip("≈ ").replace(",", "") or 0) for cell in column(grid, 5)]
        present = [value for value in staff if value]
        assert present == sorted(present, reverse=True) and staff[-1] == 0
        assert grid.titles[5] == "Staff ▼"
        # `s` from the last column comes back to the name, A–Z.
        await pilot.press("s")
        await pilot.pause()
        assert grid.titles[0] == "Name ▲"
        assert column(grid, 0) == sorted(column(grid, 0), key=str.casefold)


async def test_header_click_with_the_mouse_sorts(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        region = grid.region
        # The Year header: after the name column (20 cells + padding) inside the border.
        await pilot.click("#entity-frame", offset=(2 + 22 + 2, 1))
        await pilot.pause()
        assert grid.sort_column == 1 and grid.titles[1] == "Year ▲"
        assert column(grid, 1) == sorted(column(grid, 1))
        assert region == grid.region


async def test_filter_as_you_type_and_enter_back_to_the_table(tmp_path: Path) -> None:
    app = make_app(entity_pack(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        await pilot.press("f")
        table = app.screen.query_one(EntityTable)
        assert app.focused is table.filter_input
        await pilot.press(*"zel")
        await pilot.pause()
        names = column(grid, 0)
        districts = column(grid, 2)
        assert names and len(names) < 40
        assert all("zel" in (n + d).casefold() for n, d in zip(names, districts, strict=True))
        assert "STMP-Zelenograd Technopark" in names
        assert count_shown(grid) == f"{len(names)} / 40"
        await pilot.press("enter")
        assert grid.has_focus
        assert drawn(grid, 1 + names.index("STMP-Zelenograd Technopark")).startswith(" STMP-")
        assert drawn(grid, 1 + len(names)).strip() == ""  # no row under the last match
        await pilot.press("f", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert grid.count == 40


async def test_enter_opens_the_entity_and_escape_comes_back(tmp_path: Path) -> None:
    pack = entity_pack()
    app = make_app(pack, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        await pilot.press("down", "down", "down")
        chosen = grid.entity_at_cursor()
        assert chosen is not None
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen) and screen.entity is chosen
        assert screen.fact_list.facts == pack.facts_of(chosen.id)
        texts = [screen.fact_list.rendered_text(i) for i in range(len(screen.fact_list.facts))]
        assert all("— TASS, 22 Oct 2025" in text for text in texts)
        assert "Year of status:" in str(screen.query_one("#entity-lines").render())
        await pilot.press("L")
        await pilot.pause()
        assert chosen.name.ru in str(screen.query_one("#entity-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert app.focused is grid and grid.entity_at_cursor() is chosen
        # The language changed while the entity was open: the table follows it.
        assert grid.titles[0].startswith("Название")
        assert cursor_on_screen(grid)
        assert chosen.name.ru in drawn(grid, 1 + grid.position - grid.top_row)


def many_technoparks(count: int) -> Pack:
    """entity_pack with `count` technoparks (most unnamed in NAMES, numbered)."""
    return entity_pack(technoparks=count)


async def test_content_that_looks_like_markup_is_shown_as_text(tmp_path: Path) -> None:
    bad = "[bold]x[/] [@click=app.quit]q[/]"
    base = entity_pack(technoparks=6)
    first = next(iter(base.entities.values()))
    entities = dict(base.entities)
    entities[first.id] = dataclasses.replace(first, name=L(bad, bad))
    pack = dataclasses.replace(base, entities=entities)
    app = make_app(pack, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_table(pilot)
        assert bad in column(grid, 0)
        # Drawn as typed, cut to the name column: no bold, no link, the app still running.
        assert any(f" {bad[:19]}… " in drawn(grid, y) for y in range(1, 7))
        tree = app.screen.query_one(SectionTree)
        node = tree.cursor_node
        assert node is not None and node.parent is not None
        assert bad in [str(child.label) for child in node.parent.children]
        assert app.is_running


async def test_few_entities_get_tree_nodes_but_no_table(tmp_path: Path) -> None:
    pack = build_pack()
    site = Entity("site-1", EntityKind.SEZ_SITE, L("Площадка", "Site"), TECHNOPOLIS)
    area = Fact(
        "site-1-area",
        TECHNOPOLIS,
        FactKind.REPORTED,
        L("Площадь", "Area"),
        "tass-2025-10-22",
        value=5.0,
        unit="ha",
        qualifier=Qualifier.ABOUT,
        entity="site-1",
        attribute="area",
    )
    pack = dataclasses.replace(pack, entities={site.id: site}, facts=(*pack.facts, area))
    app = make_app(pack, tmp_path, start=TECHNOPOLIS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(FactPanel)
        assert panel.entity_table is None
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        node = app.screen.query_one(SectionTree).cursor_node
        assert node is not None and str(node.label) == "1 named publicly"
        assert app.focused is panel.fact_list


async def test_a_table_of_thousands_is_built_right_after_the_first_frame(tmp_path: Path) -> None:
    from tui.ui.widgets import fact_panel

    pack = entity_pack(technoparks=fact_panel.PREPARE_AT)
    app = make_app(pack, tmp_path, start=TECHNOPOLIS)  # not the section with the table
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(FactPanel).entity_table
        assert table is not None and not table.display  # mounted hidden, not shown
        assert (TECHNOPARKS, "en") in table._models  # its rows are ready
        await pilot.press("down")  # onto the technoparks: the built rows are shown
        await pilot.pause()
        assert table.display and table.path == TECHNOPARKS
        assert app.screen.query_one(EntityGrid).count == fact_panel.PREPARE_AT


async def test_a_small_table_is_not_built_before_it_is_shown(tmp_path: Path) -> None:
    app = make_app(entity_pack(technoparks=40), tmp_path, start=TECHNOPOLIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(FactPanel).entity_table is None
