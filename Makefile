# jixiao — the two set-up commands of the README are `make run` and `make test`.
# Each creates .venv with Python 3.11 and installs the pinned dependencies first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run samples test install system-deps docs bench bench-render clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（找不到 $(PYTHON)）"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## the web app on SQLite with the sample reports and demo users (http://127.0.0.1:8000/), DEBUG on
	JIXIAO_DEBUG=1 $(BIN)/jixiao serve

samples: $(STAMP)  ## the command line on the samples: score two, check all five
	$(BIN)/jixiao score examples/reports/000_1c537258e20f2a87.txt
	$(BIN)/jixiao score examples/reports/004_66e78293cd0851a8.txt
	-$(BIN)/jixiao check examples/reports/*.txt

system-deps:  ## LibreOffice, CJK fonts, poppler (installed when the machine allows)
	@bash scripts/system-deps.sh

test: $(STAMP) system-deps  ## the whole test suite (SQLite), then the web tests on PostgreSQL
	$(BIN)/python -m pytest
	bash scripts/test-postgres.sh

docs: $(STAMP)  ## regenerate docs/checks.md from the check registry
	$(BIN)/jixiao rules --markdown > docs/checks.md

bench: $(STAMP)  ## speed, memory and recall against the floor (under ten minutes on 2 cores)
	$(BIN)/python bench/run.py

bench-render: $(STAMP)  ## .docx rendering against table size, against bare python-docx (under a minute)
	$(BIN)/python bench/render.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis bench/work var
