# Two commands that work on a fresh Debian machine with Python 3.11:
#   make run   – set up and start the app
#   make test  – set up and run ruff, the type checker (mypy) and the whole test suite (GUI tests offscreen)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint smoke bench screenshots dist clean system-deps test-deps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	@scripts/install-debian-packages.sh requirements-system.txt

# Chromium and poppler-utils for the export tests, Xvfb, D-Bus and AT-SPI for the screen-reader test
# (requirements-test-system.txt), and axe-core (npm) into build/.
test-deps:
	@scripts/install-debian-packages.sh requirements-test-system.txt
	@scripts/install-axe-core.sh

run: system-deps $(STAMP)
	$(PY) main.py || [ $$? -eq 4 ]

test: system-deps test-deps $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m handbook lint

# Compiled first, as an installed app is (PYTHONDONTWRITEBYTECODE would otherwise count compiling as start-up).
smoke: $(STAMP)
	$(PY) -m compileall -q handbook
	QT_QPA_PLATFORM=offscreen $(PY) main.py --smoke

screenshots: $(STAMP)
	$(PY) scripts/screenshots.py

bench: $(STAMP)
	$(PY) -m handbook bench

# The portable one-folder app in dist/veileder/ (PyInstaller), started once with --smoke (offscreen).
dist: system-deps $(STAMP)
	$(PY) -m pip install -q -e '.[dist]'
	$(PY) packaging/build_dist.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
