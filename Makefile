# Quick start on a fresh machine (python3 with venv, make):
#   make serve   set up .venv and serve on 127.0.0.1:8000 (QUOTES_BIND to change)
#   make test    set up .venv with the test tools and Spark, lint, run every test under tests/
#   make bulk    set up .venv with Spark for `python -m service bulk` (see README, "Bulk runs")

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test bulk lint format lock docker-check clean

serve: $(VENV)/.runtime
	$(BIN)/gunicorn -c gunicorn.conf.py

test: $(VENV)/.dev $(VENV)/.bulk
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Formatting is checked on the web layer; the engine keeps its own layout.
FORMATTED := service/web service/bulk service/problems.py tests/web tests/bulk tests/conftest.py gunicorn.conf.py

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check $(FORMATTED)

format: $(VENV)/.dev
	$(BIN)/ruff format $(FORMATTED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when a lock file changes. The locks are fully resolved
# (every transitive dependency pinned with its hashes), so pip installs exactly
# them and resolves nothing: --no-deps keeps a newer upstream release (or pip's
# handling of extras such as smart-open[http]) out of the install, and pip check
# then proves the pinned set is consistent. The Dockerfile runs the same command.
INSTALL := -m pip install --quiet --no-deps --require-hashes --only-binary=:all:

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python $(INSTALL) -r requirements.txt
	$(BIN)/python -m pip check
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python $(INSTALL) -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip check
	touch $(VENV)/.runtime $@

# Spark for bulk runs: a lock of its own, never in the service's image. pyspark is
# published only as a source distribution (it carries Spark's jars); pip builds it
# with the setuptools the runtime lock installed (--no-build-isolation, so nothing
# unpinned is fetched for the build) and caches the wheel. Everything else: wheels.
$(VENV)/.bulk: requirements-bulk.txt $(VENV)/.runtime
	$(BIN)/python $(INSTALL) --no-binary=pyspark --no-build-isolation -r requirements-bulk.txt
	$(BIN)/python -m pip check
	touch $@

bulk: $(VENV)/.runtime $(VENV)/.bulk

# Recompile the hash-pinned locks after editing a .in file. uv (hash-pinned in
# the dev lock) writes every transitive dependency, which is what --no-deps needs.
lock: $(VENV)/.dev
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements.in -o requirements.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements-dev.in -o requirements-dev.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements-bulk.in -o requirements-bulk.txt

# No container runtime here: lint the Dockerfile and replay its steps in a fresh venv.
docker-check: $(VENV)/.dev
	bash .ci/docker-check

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
