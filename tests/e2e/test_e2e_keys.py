"""End to end (issue 12): keys as a terminal user expects them, in the installed `moscow-tui`.

PgDn then `c` in the fact list copies the fact highlighted on screen (read back from the tmux
paste buffer), `Esc` goes back from the fact list to the tree, `/` finds "90 000" and jumps to
it, and the command palette speaks Russian. The screen is read with capture-pane, so there are
no colours: the highlighted fact is the one whose first line starts with the list's pointer
(shown only while the list has focus). tmux is required (see tests/e2e/test_e2e_tmux.py).
"""

from __future__ import annotations

import re
from functools import partial

from e2e_helpers import Tmux

from tui.export.copy import fact_clipboard_text
from tui.pack.model import Fact, Lang, Pack
from tui.text.words import t
from tui.ui.widgets.fact_list import POINTER

SECTION = "infrastructure/technoparks"  # 142 facts: many screens of them
NEXT_SECTION = "support"  # the tree's next node after SECTION (its children are folded)
JOBS_FACT = "technopolis-jobs-target"  # "More than 90,000 new jobs are planned at the SEZ …"
TREE_EDGE = "▕"  # the tree's right border: what is right of it is the panel
MARK = "@count@"  # stands for the number in the count's words
BAR_CELLS = "▁▂▃▄▅▆▇█"  # the scrollbar's thumb and the highlighted fact's mark
# Textual's own palette commands and prompt, which a Russian reader must not see in English.
TEXTUAL_ENGLISH = ("Keys", "Maximize", "Screenshot", "Quit", "Theme", "Search for commands")


def panel_lines(screen: str) -> list[str]:
    """The panel's lines (right of the tree), without the footer, the last line."""
    lines = screen.rstrip("\n").split("\n")[:-1]
    return [line.split(TREE_EDGE, 1)[1] if TREE_EDGE in line else line for line in lines]


def footer(screen: str) -> str:
    return screen.rstrip("\n").split("\n")[-1]


def squeezed(text: str) -> str:
    """`text` without blanks or bar cells: wrapped lines compare equal to the one-line text."""
    return "".join(char for char in text if not char.isspace() and char not in BAR_CELLS)


def pointed_block(screen: str) -> str | None:
    """The lines of the fact the list points at, from its pointer to the blank line after it."""
    lines = panel_lines(screen)
    starts = [i for i, line in enumerate(lines) if line.lstrip().startswith(POINTER + " ")]
    if len(starts) != 1:
        return None
    block: list[str] = []
    for line in lines[starts[0] :]:
        if not line.strip():
            break
        block.append(line.lstrip().removeprefix(POINTER))
    return " ".join(block)


def pointed_fact(pack: Pack, path: str, screen: str) -> Fact | None:
    """The fact of `path` whose text starts the pointed block (or fills it, when the screen
    cuts it off); None when there is no pointer or the block fits no fact or several."""
    block = pointed_block(screen)
    if block is None:
        return None
    shown = squeezed(block)
    if len(shown) < 20:  # too little on screen to tell facts apart
        return None
    matches = [
        fact
        for fact in pack.facts_in(path)
        if shown.startswith(squeezed(fact.text.en)) or squeezed(fact.text.en).startswith(shown)
    ]
    return matches[0] if len(matches) == 1 else None


def footer_has(screen: str, *keys: str, lang: Lang = "en") -> bool:
    return all(t(key, lang) in footer(screen) for key in keys)


def count_pattern(lang: Lang) -> re.Pattern[str]:
    """The search's final hit count ("6 found"), not the running one ("6 found so far…")."""
    prefix, suffix = t("search.count", lang, count=MARK).split(MARK)
    running = t("search.counting", lang, count=MARK).split(MARK)[1]
    not_running = f"(?!{re.escape(running[len(suffix) :])})" if running != suffix else ""
    number = r"\d[\d,\u00a0\u202f ]*"
    return re.compile(f"{re.escape(prefix)}({number}){re.escape(suffix)}{not_running}")


def focus_moved(tmux: Tmux, footer_before: str) -> bool:
    """Whether the footer changed (the focus moved) or the fact list points at a fact."""
    screen = tmux.capture()
    return footer(screen) != footer_before or pointed_block(screen) is not None


def start_in_fact_list(tmux: Tmux, pack: Pack, program: str) -> Fact:
    """Start on SECTION, Tab past the entity filter and table to the facts; the pointed fact."""
    tmux.start([program, SECTION, "--lang", "en"])
    tmux.wait_for_text(pack.sections[SECTION].title.en, t("footer.next-pane", "en"))
    # One Tab at a time, each once the last has moved the focus, as a reader presses them: a
    # burst of three in one read leaves the focused list off screen (reported on issue 12).
    for _ in range(3):
        before = footer(tmux.capture())
        tmux.send("Tab")
        tmux.wait_for("Tab to move the focus", partial(focus_moved, tmux, before))
        if pointed_block(tmux.capture()) is not None:
            break
    tmux.wait_for(
        "the fact list to point at a fact",
        lambda: pointed_fact(pack, SECTION, tmux.capture()) is not None,
    )
    first = pointed_fact(pack, SECTION, tmux.capture())
    assert first is not None
    return first


def test_page_down_then_copy_takes_the_fact_on_screen(tmux: Tmux, pack: Pack, program: str) -> None:
    first = start_in_fact_list(tmux, pack, program)
    facts = pack.facts_in(SECTION)
    assert len(facts) > 40, "the section must hold many screens of facts"
    assert tmux.buffer() is None

    tmux.send("PageDown")
    tmux.wait_for(
        "PgDn to move the pointer to another fact on screen",
        lambda: pointed_fact(pack, SECTION, tmux.capture()) not in (None, first),
    )
    screen = tmux.capture()
    shown = pointed_fact(pack, SECTION, screen)
    assert shown is not None and shown != first
    # A whole page down, not a step: a later fact than the one after the first.
    assert facts.index(shown) > facts.index(first) + 1, (shown.id, screen)

    tmux.send("c")
    tmux.wait_for("the copy in a tmux buffer", lambda: (tmux.buffer() or "") != "")
    copied = tmux.buffer() or ""
    assert copied.strip() == fact_clipboard_text(pack, shown, "en").strip()
    assert squeezed(first.text.en) not in squeezed(copied)
    tmux.send("q")
    assert tmux.wait_for_exit() == 0


def test_escape_goes_back_from_the_fact_list_to_the_tree(
    tmux: Tmux, pack: Pack, program: str
) -> None:
    first = start_in_fact_list(tmux, pack, program)
    in_list = tmux.capture()
    # The list's footer is not the tree's: the check after Esc below means something.
    assert not footer_has(in_list, "footer.next-pane", "footer.tree.open"), footer(in_list)
    assert footer_has(in_list, "footer.back"), footer(in_list)

    tmux.send("Escape")
    tmux.wait_for(
        "the tree's keys in the footer",
        lambda: footer_has(tmux.capture(), "footer.next-pane", "footer.tree.open"),
    )
    # The list lost the focus: no pointer, and `j` moves the tree, not the list's highlight.
    tmux.wait_for("the list's pointer to go", lambda: pointed_block(tmux.capture()) is None)
    tmux.send("j")
    next_title = pack.sections[NEXT_SECTION].title.en
    tmux.wait_for(
        f"`j` to move the tree to {NEXT_SECTION}",
        lambda: any(line.strip() == next_title for line in panel_lines(tmux.capture())),
    )
    assert first.text.en[:40] not in tmux.capture()
    tmux.send("q")
    assert tmux.wait_for_exit() == 0


def test_search_finds_90_000_and_jumps_to_it(tmux: Tmux, pack: Pack, program: str) -> None:
    jobs = next(fact for fact in pack.facts if fact.id == JOBS_FACT)
    tmux.start([program, SECTION, "--lang", "en"])
    tmux.wait_for_text(pack.sections[SECTION].title.en)
    assert jobs.text.en not in tmux.capture()

    tmux.send("/")
    tmux.wait_for_text(t("search.placeholder", "en")[:30])
    tmux.run("send-keys", "-t", "e2e", "-l", "90 000")
    pattern = count_pattern("en")
    tmux.wait_for(
        "the 90,000 jobs fact and the hit count",
        lambda: jobs.text.en in (screen := tmux.capture()) and pattern.search(screen) is not None,
    )
    found = pattern.search(tmux.capture())
    assert found is not None and int(re.sub(r"\D", "", found.group(1))) >= 1

    # The first hit is the jobs fact (the cursor starts on it): Enter jumps to it, highlighted.
    tmux.send("Enter")
    tmux.wait_for(
        "the jump to the jobs fact, pointed at",
        lambda: pointed_fact(pack, jobs.section, tmux.capture()) == jobs,
    )
    screen = tmux.capture()
    assert pattern.search(screen) is None, "the search overlay is still open"
    tmux.send("q")
    assert tmux.wait_for_exit() == 0


def test_palette_in_russian(tmux: Tmux, pack: Pack, program: str) -> None:
    tmux.start([program, SECTION, "--lang", "ru"])
    tmux.wait_for_text(pack.sections[SECTION].title.ru)
    tmux.send("C-p")
    tmux.wait_for_text(t("palette.placeholder", "ru"), t("cmd.help", "ru"), t("cmd.theme", "ru"))
    screen = tmux.capture()
    english = [word for word in TEXTUAL_ENGLISH if re.search(rf"\b{re.escape(word)}\b", screen)]
    assert english == [], f"Textual's English commands in the Russian palette: {english}\n{screen}"

    tmux.send("Escape")
    tmux.wait_for(
        "the palette to close", lambda: t("palette.placeholder", "ru") not in tmux.capture()
    )
    tmux.send("q")
    assert tmux.wait_for_exit() == 0
