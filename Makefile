# `make run` and `make test` each build .venv when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/moscow-tui

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

# The snapshot tests' scenes as screenshots/*.svg, plus PNGs when rsvg-convert is installed.
screenshots: $(STAMP)
	$(BIN)/python tests/make_screenshots.py screenshots

# The benchmarks: rewrite bench/RESULTS.md (slow; run on a quiet machine).
# `make test` runs the smoke version (one run per figure) through tests/packaging/test_bench_smoke.py.
.PHONY: bench-smoke
bench: $(STAMP)
	$(BIN)/python -m bench.run --runs 9

bench-smoke: $(STAMP)
	$(BIN)/python -m bench.run --quick

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
