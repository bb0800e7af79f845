# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench bench-quick compile clean

# `make run` installs what the app needs, `make test` adds the dev tools (pytest, ruff, mypy…).
# Each re-installs only when the project's metadata changed. The venv's own pip is used as it
# comes with the interpreter (not upgraded): the same pip a user's `python3 -m venv` gets.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV)

# Bytecode for our modules, as a regular (non-editable) install would have: start-up then
# costs the same for our code as for Textual's (this also holds with PYTHONDONTWRITEBYTECODE).
compile: $(STAMP)
	$(BIN)/python -m compileall -q fancompanion

run: compile
	$(BIN)/fancompanion $(ARGS)

lint: $(DEV)
	$(BIN)/ruff check fancompanion tests bench
	$(BIN)/ruff format --check fancompanion tests bench
	$(BIN)/lint-imports

typecheck: $(DEV)
	$(BIN)/mypy

unit: $(DEV)
	$(BIN)/pytest -n 2 -q

test: lint typecheck unit

bench: compile
	$(BIN)/python -m bench

bench-quick: compile
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
