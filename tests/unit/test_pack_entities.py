"""Issues 9 and 10, the loader's rules for the new keys: entities, the facts that describe them
(entity, attribute, evidence), derived facts (no source, inputs), and no drop in a history series
below an earlier lower bound. Every error is placed at its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.pack.load import ContentProblem, LoadResult, load_pack
from tui.pack.model import EntityKind

MakePack = Callable[..., Path]  # the `make_pack` fixture of conftest.py

ENTITIES = """\
[[entity]]
id = "kalibr"
kind = "technopark"
section = "beta/two"
name = { ru = "Технопарк «Калибр»", en = "Kalibr Technopark" }
summary = { ru = "Технопарк на северо-востоке.", en = "A technopark in the north-east." }

[[entity]]
id = "alabushevo"
kind = "sez-site"
section = "alpha"
name = { ru = "Площадка «Алабушево»", en = "Alabushevo site" }
note = { ru = "Примечание.", en = "A note." }

[[entity]]
id = "moscow-innovation-cluster"
kind = "cluster"
section = "beta/two"
name = { ru = "Московский инновационный кластер", en = "Moscow Innovation Cluster" }
"""

ENTITY_FACTS = """\
[[fact]]
id = "kalibr-area"
section = "beta/two"
kind = "reported"
source = "report-2025"
entity = "kalibr"
attribute = "area"
text = { ru = "Площадь 100 тыс. м².", en = "Area of 100,000 m²." }
value = 100000
unit = "m2"
qualifier = "about"
year = 2024
evidence = "площадь технопарка — около 100 тыс. кв. м"

[[fact]]
id = "kalibr-status"
section = "beta/two"
kind = "description"
source = "report-2025"
entity = "kalibr"
attribute = "status-year"
text = { ru = "Статус технопарка с 2016 года.", en = "A technopark since 2016." }
year = 2016
"""
EVIDENCE = 'evidence = "площадь технопарка — около 100 тыс. кв. м"'


def find(result: LoadResult, file: str, line: int | None, text: str) -> ContentProblem:
    """The one error in `file` at `line` whose message contains `text`."""
    hits = [
        problem
        for problem in result.errors
        if Path(problem.path).name == file and problem.line == line and text in problem.message
    ]
    listing = "\n".join(str(problem) for problem in result.problems)
    assert len(hits) == 1, f"no single {file}:{line} error with {text!r} in:\n{listing}"
    return hits[0]


def load(make_pack: MakePack, **files: str) -> LoadResult:
    return load_pack([make_pack({f"{name}.toml": text for name, text in files.items()})])


# --- a pack with entities -----------------------------------------------------------------------


def test_entities_and_their_facts_load_into_the_model(make_pack: MakePack) -> None:
    result = load(make_pack, entities=ENTITIES, zz_facts=ENTITY_FACTS)
    assert result.problems == []
    pack = result.pack
    assert pack is not None
    assert list(pack.entities) == ["kalibr", "alabushevo", "moscow-innovation-cluster"]
    kalibr = pack.entities["kalibr"]
    assert kalibr.kind is EntityKind.TECHNOPARK
    assert kalibr.name.en == "Kalibr Technopark" and kalibr.section == "beta/two"
    assert kalibr.summary is not None and kalibr.note is None
    assert pack.entities["alabushevo"].kind is EntityKind.SEZ_SITE
    assert [e.id for e in pack.entities_in("beta/two")] == ["kalibr", "moscow-innovation-cluster"]
    area, status = pack.facts_of("kalibr")
    assert (area.id, area.entity, area.attribute) == ("kalibr-area", "kalibr", "area")
    assert area.evidence == "площадь технопарка — около 100 тыс. кв. м"
    # A status-year may give its year alone.
    assert (status.attribute, status.year, status.value, status.unit) == (
        "status-year",
        2016,
        None,
        None,
    )


def test_entities_in_file_order_across_files(make_pack: MakePack) -> None:
    first, rest = ENTITIES.split('[[entity]]\nid = "alabushevo"')
    result = load(make_pack, a_entities=first, b_entities='[[entity]]\nid = "alabushevo"' + rest)
    assert result.pack is not None
    assert list(result.pack.entities) == ["kalibr", "alabushevo", "moscow-innovation-cluster"]


def test_derived_fact_names_its_inputs_and_has_no_source(make_pack: MakePack) -> None:
    result = load(make_pack)
    assert result.pack is not None
    (derived,) = [fact for fact in result.pack.facts if fact.id == "two-derived"]
    assert derived.source is None and result.pack.source_of(derived) is None
    assert derived.inputs == ("alpha-jobs", "deep-contracts")


# --- entity rules -------------------------------------------------------------------------------


def test_duplicate_entity_id_names_the_first(make_pack: MakePack) -> None:
    again = ENTITIES.split("\n\n")[1]
    result = load(make_pack, entities=ENTITIES, zz_again=again.replace("alabushevo", "kalibr", 1))
    problem = find(result, "zz_again.toml", 2, 'duplicate entity id "kalibr"')
    assert "entities.toml:2" in problem.message
    assert result.pack is None


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('kind = "technopark"', 'kind = "technopak"', 3, 'unknown kind "technopak"'),
        ('kind = "technopark"', 'kind = "park"', 3, "expected one of: technopark, sez-site"),
        ('section = "beta/two"', 'section = "beta/six"', 4, 'no [[section]] with path "beta/six"'),
        (', en = "Kalibr Technopark"', "", 5, "missing translation 'en'"),
        ('en = "Kalibr Technopark"', 'en = ""', 5, "empty translation"),
        ('name = { ru = "Технопарк «Калибр»", en = "Kalibr Technopark" }\n', "", 1, "'name'"),
        ('id = "kalibr"', 'id = "Kalibr"', 2, "is not a slug"),
        ('kind = "technopark"', 'kind = "technopark"\nlogo = "x"', 4, "unknown key 'logo'"),
    ],
)
def test_entity_rules(make_pack: MakePack, old: str, new: str, line: int, message: str) -> None:
    assert old in ENTITIES
    result = load(make_pack, entities=ENTITIES.replace(old, new, 1))
    find(result, "entities.toml", line, message)
    assert result.pack is None


def test_entity_name_is_one_line(make_pack: MakePack) -> None:
    text = ENTITIES.replace('en = "Kalibr Technopark"', 'en = "Kalibr\\n# Technopark"')
    result = load(make_pack, entities=text)
    find(result, "entities.toml", 5, "2 lines, over the limit of 1 line")


# --- facts of entities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('entity = "kalibr"', 'entity = "kalibrr"', 6, 'no [[entity]] with id "kalibrr"'),
        (
            'section = "beta/two"',
            'section = "alpha"',
            6,
            'entity "kalibr" is in section "beta/two", not "alpha"',
        ),
        ('attribute = "area"', 'attribute = "floor"', 7, 'unknown attribute "floor"'),
        ('entity = "kalibr"\n', "", 6, "needs key 'entity'"),
        ("evidence = ", "evidence = 5 #", 13, "key 'evidence': expected a string, not an integer"),
        ("evidence = ", 'evidence = ""#', 13, "empty text"),
        (EVIDENCE, 'evidence = "' + "ж" * 601 + '"', 13, "601 characters, over the limit of 600"),
        (EVIDENCE, 'evidence = """а\nб\nв\nг"""', 13, "4 lines, over the limit of 3 lines"),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else str(value),
)
def test_rules_of_a_fact_of_an_entity(
    make_pack: MakePack, old: str, new: str, line: int, message: str
) -> None:
    assert old in ENTITY_FACTS
    facts = ENTITY_FACTS.replace(old, new, 1)
    result = load(make_pack, entities=ENTITIES, zz_facts=facts)
    find(result, "zz_facts.toml", line, message)
    assert result.pack is None


def test_only_a_status_year_may_give_its_year_alone(make_pack: MakePack) -> None:
    facts = ENTITY_FACTS.replace('attribute = "status-year"', 'attribute = "area"')
    result = load(make_pack, entities=ENTITIES, zz_facts=facts)
    find(result, "zz_facts.toml", 23, "value, unit, qualifier and year go together")


# --- derived facts ------------------------------------------------------------------------------

DERIVED = """\
[[fact]]
id = "ratio"
section = "alpha"
kind = "derived"
inputs = ["alpha-jobs", "two-list"]
text = { ru = "Отношение.", en = "A ratio." }
derivation = { ru = "Деление.", en = "A division." }
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            'kind = "derived"',
            'kind = "derived"\nsource = "report-2025"',
            5,
            "kind = \"derived\" takes no key 'source'",
        ),
        ('inputs = ["alpha-jobs", "two-list"]\n', "", 4, "kind = \"derived\" needs key 'inputs'"),
        ('"two-list"', '"two-lists"', 5, 'no [[fact]] with id "two-lists"'),
        ('"two-list"', '"ratio"', 5, 'names the fact itself ("ratio") as an input'),
        ('"two-list"', '"alpha-jobs"', 5, '"alpha-jobs" is named twice'),
        ('["alpha-jobs", "two-list"]', "[]", 5, "needs at least 1 id(s), has 0"),
        ('["alpha-jobs", "two-list"]', '"alpha-jobs"', 5, "expected an array of ids"),
        ('"two-list"', '"Two List"', 5, '"Two List" is not an id'),
        ('kind = "derived"', 'kind = "description"', 5, 'only for kind = "derived"'),
    ],
)
def test_derived_fact_rules(
    make_pack: MakePack, old: str, new: str, line: int, message: str
) -> None:
    assert old in DERIVED
    result = load(make_pack, zz_derived=DERIVED.replace(old, new, 1))
    find(result, "zz_derived.toml", line, message)
    assert result.pack is None


def test_a_fact_that_is_not_derived_still_needs_a_source(make_pack: MakePack) -> None:
    fact = DERIVED.replace('kind = "derived"', 'kind = "description"').replace(
        'inputs = ["alpha-jobs", "two-list"]\n', ""
    )
    result = load(make_pack, zz_derived=fact.replace("derivation = {", "note = {"))
    find(result, "zz_derived.toml", 1, "missing key 'source'")


def test_a_valid_derived_fact_loads(make_pack: MakePack) -> None:
    result = load(make_pack, zz_derived=DERIVED)
    assert result.errors == []
    assert result.pack is not None
    (ratio,) = [fact for fact in result.pack.facts if fact.id == "ratio"]
    assert ratio.inputs == ("alpha-jobs", "two-list") and ratio.source is None


# --- no drop below an earlier lower bound -------------------------------------------------------

SERIES = """\
[[series]]
id = "companies"
section = "alpha"
title = {{ ru = "Компании", en = "Companies" }}
unit = "companies"
basis = "{basis}"
rule = {{ ru = "Правило.", en = "A rule." }}
points = [
  {{ year = 2023, value = 1800, source = "report-2025" }},
  {{ year = 2024, value = 2200, source = "report-2025", qualifier = "over" }},
  {{ year = 2025, value = {last}, source = "report-2025", qualifier = "{qualifier}" }},
]
"""


def test_a_drop_below_an_earlier_lower_bound_is_an_error_naming_both_points(
    make_pack: MakePack,
) -> None:
    text = SERIES.format(basis="history", last=2000, qualifier="about")
    result = load(make_pack, zz_series=text)
    problem = find(result, "zz_series.toml", 11, "point #3 (2025: 2,000) is below point #2")
    assert "(2024: over 2,200), an earlier lower bound" in problem.message
    assert problem.column == 18  # at the later point's value


def test_the_drop_rule_follows_years_not_the_written_order(make_pack: MakePack) -> None:
    text = SERIES.format(basis="history", last=2000, qualifier="about")
    lines = text.splitlines()
    lines[8], lines[10] = lines[10], lines[8]  # 2025 written first
    result = load(make_pack, zz_series="\n".join(lines) + "\n")
    find(result, "zz_series.toml", 9, "point #1 (2025: 2,000) is below point #2 (2024: over")


@pytest.mark.parametrize(
    ("basis", "last", "qualifier"),
    [
        ("history", 2200, "about"),  # equal to the bound: no drop
        ("history", 2300, "over"),
        ("target", 2000, "about"),  # only history series claim what happened
        ("derived", 2000, "about"),
    ],
)
def test_no_error_without_a_drop_in_a_history(
    make_pack: MakePack, basis: str, last: int, qualifier: str
) -> None:
    result = load(make_pack, zz_series=SERIES.format(basis=basis, last=last, qualifier=qualifier))
    assert result.errors == []


def test_the_bound_is_the_highest_lower_bound_so_far(make_pack: MakePack) -> None:
    text = SERIES.format(basis="history", last=2100, qualifier="over").replace(
        "value = 1800, source", 'value = 1800, qualifier = "over", source'
    )
    result = load(make_pack, zz_series=text)
    find(
        result, "zz_series.toml", 11, "point #3 (2025: 2,100) is below point #2 (2024: over 2,200)"
    )
