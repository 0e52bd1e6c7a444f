# Two commands set everything up: `make figures` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install test unit figures lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the package with pinned versions

test: $(STAMP) ## unit tests, notebooks and figure reproducibility
	$(BIN)/python -m pytest

figures: $(STAMP) ## rebuild every figure in figures/ from seeds/
	$(BIN)/stance figures --corpus seeds --out figures

lint: $(STAMP) ## ruff over the package, tests and benchmarks
	$(BIN)/ruff check stance tests benchmarks

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
