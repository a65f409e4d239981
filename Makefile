# watwerkt: two set-up commands for a fresh machine (see README):
#   make run    build the knowledge graph on the embedded store and list the cases
#   make test   run the whole test suite (unit, integration on ../shared/corpus, Neo4j)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus
export WATWERKT_CORPUS ?= $(abspath $(CORPUS))

.PHONY: run test lint docs neo4j neo4j-stop bench clean system-deps

$(BIN)/watwerkt: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Debian packages the tests and `watwerkt bundel` need: poppler-utils (pdftoppm, to look at the PDF
# pages), WeasyPrint's libraries (pango, harfbuzz with its subsetter, fontconfig) and the DejaVu fonts
# it embeds. Installed with apt-get only when one is missing (as root, or with sudo), so a machine
# that has them runs no apt at all. Other Debian packages the tests need go on the same list:
# chromium for the browser tests of the HTML explorer (Playwright drives /usr/lib/chromium/chromium;
# no browser is downloaded).
SYSTEM_PACKAGES ?= poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
                   libfontconfig1 fonts-dejavu-core shared-mime-info chromium

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "system-deps: installing$$missing"; \
	  if ! command -v apt-get >/dev/null; then echo "system-deps: no apt-get; install$$missing by hand" >&2; exit 1; fi; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: $(BIN)/watwerkt
	$(BIN)/watwerkt build
	$(BIN)/watwerkt cases

test: system-deps $(BIN)/watwerkt
	$(BIN)/ruff check .
	$(BIN)/watwerkt segment --check-only
	$(BIN)/watwerkt ontology --check
	$(BIN)/pytest -q

lint: $(BIN)/watwerkt
	$(BIN)/ruff check .

docs: $(BIN)/watwerkt
	$(BIN)/watwerkt ontology

neo4j: $(BIN)/watwerkt
	$(BIN)/watwerkt neo4j start

neo4j-stop: $(BIN)/watwerkt
	$(BIN)/watwerkt neo4j stop

bench: $(BIN)/watwerkt
	$(BIN)/python bench/store_bench.py
	$(BIN)/python bench/cli_cold.py
	$(BIN)/python bench/neo4j_bench.py
	$(BIN)/python bench/explorer_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info server/neo4j-launcher/target
