# The two set-up commands of the README.
#   make serve  installs the site, builds the example municipality and serves it
#   make test   installs the test tools, runs ruff, the fast suite on Python 3.12 and 3.13,
#               and the whole suite (browser gates too) on Python 3.11
PYTHON ?= python3
PORT ?= 8000
FULL_PYTHON ?= 3.11
FAST_PYTHONS ?= 3.12 3.13
# The suite's scratch folders go on the RAM disk when it has room (4 GB free): its builds write
# about 90,000 files a run, and on a disk mounted with `discard` removing one run's took 13 s.
# `make test TEST_TMPDIR=<folder>` chooses another folder (a TMPDIR set before does not).
TEST_TMPDIR ?= $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 4000000 { print "/dev/shm" }')

.PHONY: serve test build

serve:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e .
	$(PYTHON) build.py
	$(PYTHON) build.py serve --port $(PORT)

build:
	$(PYTHON) build.py --alla

test: export TMPDIR := $(or $(TEST_TMPDIR),$(TMPDIR),/tmp)
test:
	./scripts/install-test-tools
	"$$(./scripts/python-for $(FULL_PYTHON))" -m ruff check .
	"$$(./scripts/python-for $(FULL_PYTHON))" -m ruff format --check .
	@# Every Python runs even if one fails, so that one run shows them all; then it fails.
	failed=""; \
	for version in $(FAST_PYTHONS); do \
	  echo "== Python $$version: pytest -m 'not browser'"; \
	  "$$(./scripts/python-for $$version)" -m pytest -m "not browser" --durations=5 || failed="$$failed $$version"; \
	done; \
	echo "== Python $(FULL_PYTHON): pytest, the whole suite"; \
	"$$(./scripts/python-for $(FULL_PYTHON))" -m pytest --durations=10 || failed="$$failed $(FULL_PYTHON)"; \
	if [ -n "$$failed" ]; then echo "== the suite failed on Python$$failed"; exit 1; fi
