# Casebook: `make run` sets everything up and serves the app; `make test` sets up and tests.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

# WeasyPrint needs Pango; the fonts make Urdu and Arabic shape in the browser too.
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-dejavu-core
# Tests also drive a real browser and read PDFs back.
TEST_PACKAGES := $(RUN_PACKAGES) chromium poppler-utils

.PHONY: run test test-only setup system-packages system-packages-test worker lint bench clean help

help:
	@echo "make run   - set up (first time) and serve Casebook at http://$(HOST):$(PORT)"
	@echo "make test  - set up and run the whole test suite (browser tests included)"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: system-packages $(BIN)/.installed

system-packages:
	@scripts/ensure-system-packages $(RUN_PACKAGES)

system-packages-test:
	@scripts/ensure-system-packages $(TEST_PACKAGES)

run: setup
	$(BIN)/casebook init
	$(BIN)/casebook demo
	$(BIN)/casebook run --host $(HOST) --port $(PORT)

test: system-packages-test $(BIN)/.installed test-only

test-only:
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check app models reports tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
