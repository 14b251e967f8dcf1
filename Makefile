# The two commands of the README: `make run` and `make test`. Both install what is
# missing first (`make deps`), so a fresh Debian 12 machine needs nothing else.

DEBIAN_PACKAGES := cmake g++ make pkg-config libcli11-dev libfmt-dev catch2 libxml2-utils \
                   libtomlplusplus-dev libmuparser-dev nlohmann-json3-dev coinor-libclp-dev \
                   liborcus-dev libxlsxwriter-dev libsqlite3-dev sqlite3 nettle-dev libre2-dev \
                   chromium chromium-driver python3-selenium help2man dpkg-dev zsh
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= csv toml formula mapped kpi sniff

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps build run test release install deb golden-update bench fuzz fuzz-run clean

all: build

# $(call install_missing,WHO,PACKAGES): apt-get install of the packages not installed yet,
# with `apt-get update` first only then; silent when all are there.
define install_missing
	@missing=$$(for p in $(2); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "make $(1): installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,deps,$(DEBIAN_PACKAGES))

release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target nytta nytta_docs

build: release

run: release
	@./build/release/nytta report

test: deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci -j $(JOBS)
	@ctest --preset ci

# make install [PREFIX=/usr/local] [DESTDIR=…]: the binary, nytta(1), bash and zsh completion,
# and the data, catalogues and examples under PREFIX/share/nytta, where the binary finds
# them. sudo only for the copying, and only when PREFIX is not writable.
INSTALL_SUDO = $(shell d="$(DESTDIR)$(PREFIX)"; while [ ! -e "$$d" ]; do d=$$(dirname "$$d"); done; \
                 [ -w "$$d" ] || [ "$$(id -u)" = 0 ] || echo sudo)

install: deps
	@cmake --preset release -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@cmake --build --preset release -j $(JOBS) --target nytta nytta_docs
	@$(INSTALL_SUDO) env DESTDIR=$(DESTDIR) cmake --install build/release

# The Debian package from the release build, then a smoke test of it: unpacked into a
# temporary root (dpkg-deb -x), its nytta runs --version and report on its own data.
deb: deps
	@cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
	@cmake --build --preset release -j $(JOBS) --target nytta nytta_docs
	@cd build/release && cpack -G DEB
	@sh tests/install/deb_smoke.sh build/release

golden-update: deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci -j $(JOBS)
	@NYTTA_UPDATE_GOLDEN=1 NYTTA_UPDATE_BAD_INPUT=1 ctest --preset ci -R '^(golden|bad_input)\.'
	@git status --short tests/golden tests/bad_input

# The benchmark against DuckDB, Polars and pandas (minutes; never part of `make test`).
bench: deps
	@bench/run.sh $(BENCH_ARGS)

# libFuzzer targets with ASan and UBSan, FUZZ_SECONDS per target (see README, Reliability).
fuzz: deps
	$(call install_missing,fuzz,$(FUZZ_PACKAGES))
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf build
