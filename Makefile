# dinnet: two commands from a fresh clone.
#   make demo   - create .venv, install dinnet with all extras (and Graphviz if missing), validate,
#                 export, audit, draw and report the bundled Almelo data into out/
#   make test   - the same setup plus dev tools (and the hot modules of reading compiled with mypyc),
#                 then ruff, mypy and pytest

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test lint setup setup-dev graphviz chromium poppler clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python graphviz
	$(BIN)/python -m pip install --quiet -e '.[all]'

setup-dev: $(BIN)/python graphviz chromium poppler
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python tools/compile_speedups.py

# Graphviz's 'dot' comes from Debian; install it when missing (root or sudo).
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz 'dot' not found: installing the Debian package graphviz"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }

# The print tests read the PDF they made with pdfinfo (Debian's poppler-utils).
poppler:
	@command -v pdfinfo >/dev/null 2>&1 || { \
	  echo "pdfinfo not found: installing the Debian package poppler-utils"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# The report's browser tests drive Debian's chromium (never a browser Playwright downloads).
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "/usr/bin/chromium not found: installing the Debian package chromium"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: setup
	$(BIN)/dinnet validate
	$(BIN)/dinnet validate examples/
	$(BIN)/dinnet export --format json -o $(OUT)/almelo-2019.json
	@echo "wrote $(OUT)/almelo-2019.json"
	$(BIN)/dinnet audit --fail-on never --format markdown -o $(OUT)/audit.md
	$(BIN)/dinnet audit --fail-on never | tail -1
	@echo "wrote $(OUT)/audit.md"
	$(BIN)/dinnet render --highlight-gaps -o $(OUT)/din/
	$(BIN)/dinnet portfolio -o $(OUT)/portfolio.svg
	$(BIN)/dinnet report -o $(OUT)/report.html
	@echo "open $(OUT)/report.html in a browser; the DIN diagrams are in $(OUT)/din/"
	$(BIN)/dinnet validate --sources examples/zonnedal examples/zonnedal
	$(BIN)/dinnet audit --fail-on never examples/zonnedal | tail -1
	$(BIN)/dinnet render -o $(OUT)/zonnedal/din/ examples/zonnedal
	$(BIN)/dinnet charts -o $(OUT)/zonnedal/charts/ examples/zonnedal
	$(BIN)/dinnet report -o $(OUT)/zonnedal/report.html examples/zonnedal
	@echo "the fictional budget-shaped example (docs/own-municipality.md) is in $(OUT)/zonnedal/"

lint: setup-dev
	$(BIN)/ruff check src tests tools $(wildcard benchmarks examples)
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup-dev lint
	HYPOTHESIS_PROFILE=ci DINNET_EXPECT_COMPILED=1 $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache src/dinnet/io/_*_compiled*
