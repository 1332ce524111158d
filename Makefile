# sfconnect developer entry points. The release version lives in
# internal/version/VERSION (embedded by the binaries; FyneApp.toml must match).

SHELL := /bin/bash
VERSION := $(shell tr -d '[:space:]' < internal/version/VERSION)
ACTIONLINT_VERSION := v1.7.12

.PHONY: all build test vet dist check-dist icon lint-workflows version clean wine-test font fuzz vulncheck

all: vet test

## build: the GUI and CLI for this machine into bin/
build:
	go build -o bin/ ./cmd/...

## test: every test, as CI runs them (the README's test command: deps, then tests)
test:
	scripts/deps.sh && scripts/test.sh

vet:
	go vet ./...

## dist: every release artifact Linux can build, into dist/ (see scripts/dist.sh)
dist:
	scripts/dist.sh

## check-dist: inspect the MSI and the exes inside it (after make dist)
check-dist:
	scripts/check-msi.sh dist/*.msi

## wine-test: install and run the MSI under Wine (after make dist)
wine-test:
	scripts/wine-test.sh

## font: rebuild the bundled Japanese font subset (assets/fonts)
font:
	scripts/make-font.sh

## icon: redraw assets/icon.png and packaging/windows/sfconnect.ico
icon:
	scripts/make-icon.sh

## lint-workflows: actionlint + a plain YAML parse of .github/workflows
lint-workflows:
	scripts/lint-workflows.sh $(ACTIONLINT_VERSION)

version:
	@echo $(VERSION)

clean:
	rm -rf dist bin/sfconnect bin/sfconnect-cli

## bench: speed and footprint, side by side with the Salesforce CLI and a
## Fyne hello world; prints the figures and writes BENCHMARKS.md (not a test)
.PHONY: bench
bench:
	scripts/bench.sh

## fuzz: every fuzz target for 60 s each (FUZZTIME=5m for longer); prints execs, new inputs, crashers
fuzz:
	scripts/fuzz.sh

## vulncheck: govulncheck against the Go vulnerability database (built from the module proxy if need be)
vulncheck:
	scripts/vulncheck.sh
