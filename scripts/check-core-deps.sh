#!/usr/bin/env bash
# The core and the CLI must build without the GUI toolkit (and without cgo).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
if deps=$(go list -deps ./internal/... ./cmd/sfconnect-cli | grep '^fyne\.io/'); then
  echo "fyne packages in the core: $deps"; exit 1
fi
CGO_ENABLED=0 go build -o /dev/null ./cmd/sfconnect-cli
# The system proxy reader (go-ieproxy) has per-OS files, cgo ones on macOS:
# the cgo-free CLI must still build for the systems it ships for.
for target in windows/amd64 darwin/arm64; do
  CGO_ENABLED=0 GOOS=${target%/*} GOARCH=${target#*/} go build -o /dev/null ./cmd/sfconnect-cli
done
echo "core and CLI: no fyne.io package, builds with CGO_ENABLED=0 (linux, windows, darwin)"
