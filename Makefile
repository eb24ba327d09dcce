# `make run`: set up .venv and build the sample corpus with the embedded engine.
# `make test`: set up .venv and the Debian packages the tests use, then run them.
VENV := .venv
PY := $(VENV)/bin/python
ORGKG := $(VENV)/bin/orgkg
# chromium + a CJK font for the browser checks of the page and the notebook charts
APT_PACKAGES := chromium fonts-wqy-zenhei

.PHONY: run test setup system-deps bench clean

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

system-deps:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'wenquanyi'; then \
	  echo "system packages present: $(APT_PACKAGES)"; \
	else \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

run: setup
	$(ORGKG) build data/samples --out out
	$(ORGKG) query -f who_directs -p name=市级学会

test: setup system-deps
	$(VENV)/bin/pytest -q

bench: setup
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) benchmarks/bench_read.py
	$(PY) benchmarks/bench_load.py
	$(PY) benchmarks/bench_viz.py
	$(PY) benchmarks/bench_extract.py

clean:
	rm -rf out data/engine .pytest_cache
