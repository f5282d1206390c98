# Quick start:  make demo   (set up, then summarise seeds/ into briefings/ with no endpoint)
#               make test   (set up, then run the test suite)
#               make lint   (ruff, mypy and the import contracts; CI runs it too)
# Another Python: make demo PYTHON=python3.12   (needs 3.11 or later; .venv is rebuilt for it)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYVERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
STAMP  := $(VENV)/.installed-$(PYVERSION)

.PHONY: setup demo test test-fast lint clean

setup: $(STAMP)

# The stamp names the Python version, so PYTHON=another version sets up again; a .venv made by
# another Python (or a failed first attempt with an old one) is removed first, never reused.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "summarise needs Python 3.11 or later; PYTHON=$(PYTHON) is $$($(PYTHON) --version 2>/dev/null || echo 'not found')." >&2; \
	  echo "Name one that is: make $(or $(MAKECMDGOALS),setup) PYTHON=python3.11" >&2; exit 1; }
	@if [ -e $(VENV) ] && [ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" != "$(PYVERSION)" ]; then \
	  echo "$(VENV) was not made by Python $(PYVERSION) ($(PYTHON)): removing it and setting up again"; \
	  rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/summarise run seeds/ --out briefings/

test: $(STAMP)
	$(BIN)/python -m pytest -q

# summarise.schemas and summarise.prompts are the top-level schemas/ and prompts/ (setuptools' package-dir);
# mypy cannot follow that mapping, so it finds them through links in build/typecheck/summarise/.
lint: $(STAMP)
	$(BIN)/ruff check .
	mkdir -p build/typecheck/summarise
	ln -sfn ../../../summarise/__init__.py build/typecheck/summarise/__init__.py
	ln -sfn ../../../schemas build/typecheck/summarise/schemas
	ln -sfn ../../../prompts build/typecheck/summarise/prompts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) briefings build *.egg-info
