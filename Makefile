# newskg: two commands do all the set-up.
#   make demo  -> creates .venv, installs the project, builds the seed articles into out/
#   make test  -> runs the test suite
#   make notebook -> runs notebooks/explore.ipynb, with its outputs, into out/explore.ipynb
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo install test eval bench notebook clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e ".[dev]"
	@touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg build seeds/ --out out/graph.ttl
	$(BIN)/kg validate out/graph.ttl
	$(BIN)/kg query out/graph.ttl --name attacks

test: install
	$(BIN)/python -m pytest -q

notebook: install
	$(BIN)/python notebooks/execute.py notebooks/explore.ipynb out/explore.ipynb

eval: install
	bash bench/eval.sh

clean:
	rm -rf out .pytest_cache
