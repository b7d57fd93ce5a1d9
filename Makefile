# policydex: `make run` builds, indexes corpus/ and shows what it found; `make test` runs the tests.
SWIFT ?= swift
BIN := .build/release/policydex
SHELL := /bin/bash
# SwiftPM warns about files in its dependencies' folders that they do not declare (their
# CMakeLists.txt, ZIPFoundation's privacy manifest); nothing in this repository can change that, so
# those lines are dropped from the output. Our own warnings and every error still show.
DEPENDENCY_NOISE := { grep -v -e 'which are unhandled; explicitly declare them' -e '/.build/checkouts/.*/\(CMakeLists.txt\|PrivacyInfo.xcprivacy\)$$' || true; }
# Debian packages the build and the PDF reader need.
APT_PACKAGES := libicu-dev libsqlite3-dev zlib1g-dev libxml2-dev pkg-config poppler-utils

.PHONY: deps build run serve test bench bench-side load clean

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "policydex needs these Debian packages:$$missing"; \
	    echo "install them with: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# The Swift runtime and Foundation linked in: a command starts in 5 ms instead of 12 (no dynamic
# symbol binding of the Swift libraries), a fifth of a search's time. lld links it (gold prints
# glibc's link-time notes about the static Foundation's mktemp). The program's 114,000 relative
# relocations, applied at every start, are packed (RELR, glibc 2.36): a search 24.5 → 23.1 ms.
# Linking it position-dependent (-no-pie) saved 0.7 ms more, but gave up address randomisation
# for a program that parses untrusted documents and serves HTTP.
RELEASE := -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

build: deps
	@tmp=$$(mktemp -d -t policydex-build.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; \
	set -o pipefail; echo "swift build $(RELEASE)"; TMPDIR="$$tmp" $(SWIFT) build $(RELEASE) 2>&1 | $(DEPENDENCY_NOISE)

run: build
	$(BIN) index
	@echo; echo '$$ policydex who 反恐防暴 --limit 2'
	@$(BIN) who 反恐防暴 --limit 2
	@echo; echo '$$ policydex dept 安稳办 --limit 5'
	@$(BIN) dept 安稳办 --limit 5
	@echo; echo '$$ policydex search 电信诈骗'
	@$(BIN) search 电信诈骗

# The page and JSON API on http://127.0.0.1:8080 (after `make run` has built the index).
PORT ?= 8080
serve: build
	$(BIN) serve --port $(PORT)

# Generated corpus (default 1000 notices, ~14 MB; `make bench NOTICES=10000` for the full size).
NOTICES ?= 1000
# `build` builds every product, policydex-bench too.
bench: build
	.build/release/policydex-bench $(NOTICES) $(BIN)

# SwiftPM leaves TemporaryDirectory.* folders in $$TMPDIR on every run: `build` and `test` give it
# one of its own and remove it afterwards, so they leave nothing behind.
test: deps
	@tmp=$$(mktemp -d -t policydex-test.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; \
	set -o pipefail; TMPDIR="$$tmp" $(SWIFT) test 2>&1 | $(DEPENDENCY_NOISE) && TMPDIR="$$tmp" scripts/readme-examples.sh && TMPDIR="$$tmp" scripts/browser-check.sh

# policydex beside ripgrep and SQLite FTS5 trigram on the same generated corpus → BENCHMARKS.md
# (`make bench-side SIZES="1000 10000"`; needs ripgrep and sqlite3).
SIZES ?= 1000
bench-side: build
	python3 scripts/side_by_side.py $(BIN) .build/release/policydex-bench $(SIZES)

# wrk against `serve` on loopback: mixed search/who/unit requests, also while `index --rebuild` runs.
load: build
	scripts/load-test.sh $(BIN)

clean:
	rm -rf .build index/*.sqlite*
