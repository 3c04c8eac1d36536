"""The TOML conformance suite (toml-test) through the loader: clean errors, never a traceback.

The suite (https://github.com/toml-lang/toml-test) lives in `../shared/toml-test/tests`, beside
the repository's root (so it resolves the same way in /work/main and in a CI clone elsewhere), or
where TOML_TEST_DIR points. Each folder of the suite is loaded once, as a content folder, and
every file in it is checked against its own problems. Without the suite these tests skip, with
one line naming the missing path; under CI=true its absence is a failure.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from tui.pack.load import LoadResult, load_pack

SUITE = Path(
    os.environ.get("TOML_TEST_DIR")
    or Path(__file__).resolve().parents[3] / "shared" / "toml-test" / "tests"
)
if not SUITE.is_dir():
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"the toml-test suite is missing: {SUITE} (needed under CI=true)", pytrace=False
        )
    pytest.skip(f"the toml-test suite is not at {SUITE}", allow_module_level=True)

# tomli implements TOML 1.1, which made these legal; this copy of the suite files them as invalid
# (TOML 1.0). They are checked to parse, so the list cannot go stale silently.
TOML_1_1_ACCEPTS = {
    "invalid/datetime/no-secs.toml",  # seconds may be omitted
    "invalid/local-datetime/no-secs.toml",
    "invalid/local-time/no-secs.toml",
    "invalid/inline-table/linebreak-01.toml",  # newlines inside inline tables
    "invalid/inline-table/linebreak-02.toml",
    "invalid/inline-table/linebreak-03.toml",
    "invalid/inline-table/linebreak-04.toml",
    "invalid/inline-table/trailing-comma.toml",  # a trailing comma in an inline table
    "invalid/string/basic-byte-escapes.toml",  # the \xHH escape
}


def _files(kind: str) -> list[str]:
    return sorted(str(path.relative_to(SUITE)) for path in (SUITE / kind).rglob("*.toml"))


INVALID = _files("invalid")
VALID = _files("valid")


@functools.cache
def _load_folder(folder: Path) -> LoadResult:
    return load_pack([folder])


def _syntax_problems(name: str) -> list[str]:
    path = SUITE / name
    result = _load_folder(path.parent)
    assert path in result.files
    return [
        str(problem)
        for problem in result.errors
        if problem.path == str(path)
        and (problem.message.startswith(("invalid TOML:", "not valid UTF-8")))
    ]


def test_the_suite_is_there() -> None:
    assert len(INVALID) > 400, SUITE
    assert len(VALID) > 200, SUITE
    assert {name for name in TOML_1_1_ACCEPTS if (SUITE / name).is_file()} == TOML_1_1_ACCEPTS


@pytest.mark.parametrize("name", INVALID)
def test_invalid_file_gives_an_error_with_a_line(name: str) -> None:
    path = SUITE / name
    result = _load_folder(path.parent)
    assert result.pack is None
    mine = [problem for problem in result.errors if problem.path == str(path)]
    if name in TOML_1_1_ACCEPTS:
        assert _syntax_problems(name) == []
        return
    assert len(mine) == 1, [str(problem) for problem in mine]
    problem = mine[0]
    assert problem.message.startswith(("invalid TOML:", "not valid UTF-8")), str(problem)
    assert problem.line is not None and problem.line >= 1
    assert problem.column is not None and problem.column >= 1


@pytest.mark.parametrize("name", VALID)
def test_valid_file_parses(name: str) -> None:
    # Schema errors are expected (these are not content files); syntax errors are not.
    assert _syntax_problems(name) == []
