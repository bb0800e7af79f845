# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench bench-quick compile clean

# Re-install only when the project's metadata changed.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Bytecode for our modules, as a regular (non-editable) install would have: start-up then
# costs the same for our code as for Textual's (this also holds with PYTHONDONTWRITEBYTECODE).
compile: $(STAMP)
	$(BIN)/python -m compileall -q fancompanion

run: compile
	$(BIN)/fancompanion $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check fancompanion tests bench
	$(BIN)/ruff format --check fancompanion tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 -q

test: lint typecheck unit

bench: compile
	$(BIN)/python -m bench

bench-quick: compile
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
