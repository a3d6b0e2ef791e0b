# `make demo` and `make test` do all the set-up: they create .venv and install Heron into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.heron-installed

.PHONY: demo test lint install clean

demo: $(STAMP)
	$(BIN)/heron demo --db heron.duckdb

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) heron.duckdb .pytest_cache
