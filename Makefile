# Career Scout: `make run` serves the app, `make test` runs every test.
# Both create what they need first (.venv, node_modules) and redo it only when its inputs change.

VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
# Debian packages: WeasyPrint prints the report's PDF with Pango and HarfBuzz, in DejaVu and
# Noto fonts (CJK names included); the tests add Chromium, which drives the browser tests.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-cjk
DEBIAN_PACKAGES := chromium $(PDF_PACKAGES)
# Two workers fit the two cores of the usual machine. Plain `load` spreads the few slow
# subprocess tests best; `make test PYTEST_WORKERS=0` runs everything in one process.
PYTEST_WORKERS ?= 2
PYTEST := $(PYTHON) -m pytest
PYTEST_PARALLEL := $(PYTEST) -n $(PYTEST_WORKERS) --dist load

.DEFAULT_GOAL := help
.PHONY: help run test test-sqlite test-postgres test-browser system-packages pdf-packages fuzz bench loadtest lint format clean

help:
	@echo "make run            create .venv if needed, migrate and serve on http://127.0.0.1:8000"
	@echo "make test           all tests: SQLite, PostgreSQL, then the browser tests"
	@echo "make test-sqlite    the fast suite on SQLite"
	@echo "make test-postgres  the fast suite on a throwaway PostgreSQL server"
	@echo "make test-browser   Playwright journeys in Chromium (screenshots in test-artifacts/)"
	@echo "make fuzz           the property-based and API fuzzers, with thousands of examples"
	@echo "make bench          run the benchmarks"
	@echo "make loadtest       Locust against \`careerscout serve\` on a throwaway PostgreSQL (minutes)"
	@echo "make lint           ruff format --check and ruff check"
	@echo "make format         let ruff format the code and fix what it can"

$(PYTHON):
	@python=$$(scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python ($$($$python --version))"; \
	$$python -m venv $(VENV) || { echo "error: '$$python -m venv' failed; on Debian install the python3-venv package" >&2; exit 1; }

# Reinstalled only when pyproject.toml changes; `make -B` or deleting the stamp forces it.
$(INSTALLED): pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[test]"
	@touch $@

$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed for the browser tests (axe-core); install Node.js" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Fast when everything is there; installs what is missing, or says what to run.
system-packages:
	@scripts/install-debian-packages $(DEBIAN_PACKAGES)

pdf-packages:
	@scripts/install-debian-packages $(PDF_PACKAGES)

run: $(INSTALLED) pdf-packages
	$(VENV)/bin/careerscout serve

test: test-sqlite test-postgres test-browser

test-sqlite: $(INSTALLED) system-packages
	$(PYTEST_PARALLEL)

# Schemathesis checks the API itself, which does not change with the database: SQLite only.
test-postgres: $(INSTALLED) system-packages
	scripts/with-test-postgres $(PYTEST_PARALLEL) -m "not browser and not api_fuzz"

test-browser: $(INSTALLED) $(NODE_INSTALLED) system-packages
	$(PYTEST) -m browser

# Far more examples than the suite's few dozen; minutes, not seconds.
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz $(PYTEST_PARALLEL) careerscout/tests/test_fuzzing.py careerscout/tests/test_api_schema.py

bench: $(INSTALLED)
	$(VENV)/bin/careerscout bench

# 200 students × 1,500 people, then two Locust runs of 60 s; see docs/performance.md ("Load").
loadtest: $(INSTALLED)
	REQUIRE_POSTGRES=1 PYTHON=$(PYTHON) scripts/with-test-postgres scripts/loadtest

lint: $(INSTALLED)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(INSTALLED)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf test-artifacts node_modules $(INSTALLED)
