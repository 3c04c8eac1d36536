"""The shipped content: it checks clean, every figure taken from the TASS report carries the
report's own words, and those words really are in the report.

The report itself lives outside the repository (`../shared/seed/`), so the evidence test skips
when it is absent, except in CI, where a missing report is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tui.pack.load import load_pack
from tui.pack.model import Pack, Qualifier

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
REPORT = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_77c8f5bdf76c6fcf.txt"
QUOTE_MARKS = str.maketrans({mark: '"' for mark in '“”„"«»'})
# A digit, an ordinary space, then a Russian word or a percent sign: "90 тысяч", "22 октября".
BREAKABLE_NUMBER = re.compile(r"\d [а-яёА-ЯЁ%]")


def normalise(text: str) -> str:
    """Whitespace runs become one space and every kind of double quote mark becomes `"`."""
    return re.sub(r"\s+", " ", text.translate(QUOTE_MARKS)).strip()


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack([CONTENT_DIR])
    assert result.pack is not None, "\n".join(str(problem) for problem in result.errors)
    return result.pack


@pytest.fixture(scope="module")
def report_text() -> str:
    if not REPORT.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the TASS report is missing: {REPORT}")
        pytest.skip(f"the TASS report is not here: {REPORT}")
    return normalise(REPORT.read_text(encoding="utf-8"))


def test_shipped_content_checks_with_no_errors() -> None:
    result = load_pack([CONTENT_DIR])
    assert result.errors == []
    assert result.pack is not None


def test_every_fact_from_the_report_carries_evidence(pack: Pack) -> None:
    from_report = [fact for fact in pack.facts if fact.source == pack.primary_source]
    assert from_report, "no fact cites the report"
    missing = [fact.id for fact in from_report if not fact.evidence]
    assert missing == []


def test_evidence_from_the_report_is_in_the_report(pack: Pack, report_text: str) -> None:
    not_found = [
        f"{fact.id}: {fact.evidence}"
        for fact in pack.facts
        if fact.source == pack.primary_source
        and fact.evidence
        and normalise(fact.evidence) not in report_text
    ]
    assert not_found == []


def test_normalise_treats_quote_marks_and_spaces_alike() -> None:
    assert normalise("ОЭЗ «Технополис\u00a0Москва»") == normalise('ОЭЗ "Технополис  Москва"')
    assert normalise("«a»") != normalise("a")


def russian_texts(pack: Pack) -> list[tuple[str, str]]:
    """Every Russian text a reader sees that is our wording (quotes and evidence are not)."""
    texts: list[tuple[str, str]] = []
    for fact in pack.facts:
        texts.append((fact.id, fact.text.ru))
        if fact.note is not None:
            texts.append((f"{fact.id} note", fact.note.ru))
    for entity in pack.entities.values():
        texts.append((entity.id, entity.name.ru))
        for extra in (entity.summary, entity.note):
            if extra is not None:
                texts.append((f"{entity.id} note", extra.ru))
    for section in pack.sections.values():
        texts += [(section.path, section.title.ru), (section.path, section.summary.ru)]
    return texts


def test_russian_numbers_and_dates_do_not_break_across_lines(pack: Pack) -> None:
    breakable = [
        f"{where}: {text}" for where, text in russian_texts(pack) if BREAKABLE_NUMBER.search(text)
    ]
    assert breakable == []


def test_english_texts_use_no_russian_quote_marks(pack: Pack) -> None:
    english = [(fact.id, fact.text.en) for fact in pack.facts]
    english += [(entity.id, entity.name.en) for entity in pack.entities.values()]
    english += [(section.path, section.title.en) for section in pack.sections.values()]
    assert [where for where, text in english if "«" in text or "»" in text] == []


def test_no_history_series_drops_below_an_earlier_lower_bound(pack: Pack) -> None:
    drops = []
    for series in pack.series.values():
        floor = None
        for point in series.points:
            if floor is not None and point.value < floor:
                drops.append(f"{series.id} {point.year}")
            if point.qualifier == Qualifier.OVER:
                floor = max(point.value, floor or point.value)
    assert drops == []


def test_every_entity_has_a_fact_and_its_facts_share_its_section(pack: Pack) -> None:
    sections = {entity_id: entity.section for entity_id, entity in pack.entities.items()}
    with_facts = {fact.entity for fact in pack.facts if fact.entity is not None}
    assert set(sections) - with_facts == set()
    misplaced = [
        fact.id
        for fact in pack.facts
        if fact.entity is not None and sections.get(fact.entity) != fact.section
    ]
    assert misplaced == []
