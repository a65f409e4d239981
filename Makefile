# watwerkt: two set-up commands for a fresh machine (see README):
#   make run    build the knowledge graph on the embedded store and list the cases
#   make test   run the whole test suite (unit, integration on ../shared/corpus, Neo4j)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus
export WATWERKT_CORPUS ?= $(abspath $(CORPUS))

.PHONY: run test lint docs neo4j neo4j-stop bench clean

$(BIN)/watwerkt: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(BIN)/watwerkt
	$(BIN)/watwerkt build
	$(BIN)/watwerkt cases

test: $(BIN)/watwerkt
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

clean:
	rm -rf $(VENV) build dist *.egg-info server/neo4j-launcher/target
