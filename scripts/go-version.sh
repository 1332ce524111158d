#!/usr/bin/env bash
# Prints the Go toolchain sfconnect is built and tested with, e.g. 1.26.10:
# go.mod's `toolchain` line, the one place the version is pinned.
# scripts/deps.sh installs at least it, scripts/lib.sh finds the one deps.sh
# fetched, and the release workflow builds with its newest patch release.
set -euo pipefail
v=$(sed -n 's/^toolchain go\([0-9][0-9.]*\)$/\1/p' "$(dirname "$0")/../go.mod")
[ -n "$v" ] || { echo "go-version: go.mod has no toolchain line" >&2; exit 1; }
echo "$v"
