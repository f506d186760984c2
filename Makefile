# The two commands of the README: `make run` opens the app, `make test` runs every check.
# Both create .venv on first use (downloading from PyPI: the first run needs the network) and
# keep it in step with pyproject.toml. `make run` installs only what the app needs; the test
# toolchain (pytest, ruff, mypy, hypothesis…) is installed by the first `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench soak wheel-check clean

$(APP_STAMP): pyproject.toml
	@echo "Installing the app into $(VENV) (first run: downloads PySide6 and friends from PyPI, about 150 MB)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP_STAMP)

$(STAMP): $(APP_STAMP) pyproject.toml
	@echo "Installing the test toolchain into $(VENV) (needs the network once)…"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(APP_STAMP)
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
		echo "No display to open a window on; run it under a virtual screen with: xvfb-run -a make run"; \
		exit 2; \
	fi
	@$(BIN)/walkthrough

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	@$(BIN)/pytest -q; status=$$?; \
	echo "Skipped tests (if any, listed above with their reason) need PostgreSQL, Node's bpmn-moddle"; \
	echo "or the shared BPMN examples: sudo .ci/run installs the first two and runs them all, or set"; \
	echo "WALKTHROUGH_TEST_POSTGRES_URL / WALKTHROUGH_BPMN_MODDLE yourself (README, Development)."; \
	exit $$status

bench: $(APP_STAMP)
	$(BIN)/python -m bench

# The fault budget: random SIGKILLs during edits, imports, exports, backups and updates
# (SOAK_ROUNDS, SOAK_SEED); committed edits lost and databases that do not open must be 0.
soak: $(STAMP)
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) build dist *.egg-info

# `make bundle`: the standalone app in dist/ (packaging/README.md). Its own virtualenv holds the
# app's dependencies and PyInstaller only, so nothing of the test tools reaches the bundle.
BUNDLE_VENV := build/bundle-venv
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed

$(BUNDLE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet ".[bundle]"
	touch $(BUNDLE_STAMP)

.PHONY: bundle
bundle: $(BUNDLE_STAMP)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --no-deps --force-reinstall .
	$(BUNDLE_VENV)/bin/python packaging/bundle.py
