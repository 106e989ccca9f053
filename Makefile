# Palabre — the two commands of the README, and a few for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint typecheck messages demo worker clean-venv

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Palabre needs Python 3.11 or newer (PYTHON=python3.12 make ...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	@touch $@

## Set everything up and serve Palabre on SQLite with the demo network.
run: $(VENV)/.installed
	$(BIN)/palabre run --demo

## Run every check and the whole test suite, on SQLite and PostgreSQL.
test: $(VENV)/.installed
	./scripts/test-deps.sh
	./scripts/test.sh

## ruff, then the suite on SQLite without the browser tests (docs/development.md).
test-fast: $(VENV)/.installed
	./scripts/test.sh --fast

## The static checks: ruff, the import contract (docs/architecture.md), mypy.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(MAKE) typecheck

## mypy loads the settings (django-stubs), which need a SECRET_KEY: a throwaway one will do.
typecheck: $(VENV)/.installed
	SECRET_KEY=$${SECRET_KEY:-not-a-secret-only-for-mypy} $(BIN)/mypy

## Extract, translate-check and compile the catalogs after changing strings.
messages: $(VENV)/.installed
	./scripts/messages.sh

demo: $(VENV)/.installed
	$(BIN)/palabre demo

worker: $(VENV)/.installed
	$(BIN)/palabre worker

clean-venv:
	rm -rf $(VENV)
