# The two set-up commands of the README.
#   make serve  installs the site, builds the example municipality and serves it
#   make test   installs the test tools, runs ruff, and runs every test once: the build's and
#               the preview's fast tests on Python 3.12, the rest of the fast tier on the newest
#               (3.13), and the end-to-end tier on the oldest (3.11). Every tier on every Python
#               took 37 minutes on a 2-core machine, against a budget of 20 (docs/decisions.md,
#               "Testsviten").
PYTHON ?= python3
PORT ?= 8000
FAST_PYTHON ?= 3.13
BROWSER_PYTHON ?= 3.11
MIDDLE_PYTHON ?= 3.12
MIDDLE_TESTS ?= tests/test_build.py tests/test_live.py
# The suite's scratch folders go on the RAM disk when it has room (4 GB free): its builds write
# about 90,000 files a run, and on a disk mounted with `discard` removing one run's took 13 s.
# `make test TEST_TMPDIR=<folder>` chooses another folder (a TMPDIR set before does not).
TEST_TMPDIR ?= $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 4000000 { print "/dev/shm" }')

.PHONY: serve test build

# `make serve` and `make build` install the site into a virtual environment of its own, made with
# $(PYTHON): Debian's and Ubuntu's own Python refuse to install outside one (scripts/make-venv).
VENV ?= .venv

serve:
	./scripts/make-venv "$(PYTHON)" "$(VENV)"
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -e .
	"$(VENV)/bin/python" build.py
	"$(VENV)/bin/python" build.py serve --port $(PORT)

build:
	./scripts/make-venv "$(PYTHON)" "$(VENV)"
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -e .
	"$(VENV)/bin/python" build.py --alla

test: export TMPDIR := $(or $(TEST_TMPDIR),$(TMPDIR),/tmp)
test:
	./scripts/install-test-tools
	"$$(./scripts/python-for $(BROWSER_PYTHON))" -m ruff check .
	"$$(./scripts/python-for $(BROWSER_PYTHON))" -m ruff format --check .
	@# Every Python runs even if one fails, so that one run shows them all; then it fails.
	failed=""; \
	echo "== Python $(FAST_PYTHON): pytest -m 'not browser', the fast tier but for $(MIDDLE_TESTS)"; \
	"$$(./scripts/python-for $(FAST_PYTHON))" -m pytest -m "not browser" --durations=5 $(MIDDLE_TESTS:%=--ignore=%) || failed="$$failed $(FAST_PYTHON)"; \
	echo "== Python $(MIDDLE_PYTHON): pytest -m 'not browser' $(MIDDLE_TESTS)"; \
	"$$(./scripts/python-for $(MIDDLE_PYTHON))" -m pytest -m "not browser" --durations=5 $(MIDDLE_TESTS) || failed="$$failed $(MIDDLE_PYTHON)"; \
	echo "== Python $(BROWSER_PYTHON): pytest -m browser, the end-to-end tier"; \
	"$$(./scripts/python-for $(BROWSER_PYTHON))" -m pytest -m browser --durations=10 || failed="$$failed $(BROWSER_PYTHON)"; \
	if [ -n "$$failed" ]; then echo "== the suite failed on Python$$failed"; exit 1; fi
