# The two set-up commands of the README.
#   make serve  installs the site, builds the example municipality and serves it
#   make test   installs the test tools and runs the whole test suite
PYTHON ?= python3
PORT ?= 8000

.PHONY: serve test build

serve:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e .
	$(PYTHON) build.py
	$(PYTHON) build.py serve --port $(PORT)

build:
	$(PYTHON) build.py --alla

test:
	./scripts/install-test-tools
	$(PYTHON) -m pytest
