#!/usr/bin/env bash
# The core and the CLI must build without the GUI toolkit (and without cgo),
# and the GUI's screens must reach the core through internal/app only.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
if deps=$(go list -deps ./internal/... ./cmd/sfconnect-cli | grep '^fyne\.io/'); then
  echo "fyne packages in the core: $deps"; exit 1
fi
# The screens ask the core through internal/app only (docs/ARCHITECTURE.md,
# "Layers"): ui's non-test code may import internal/app, internal/i18n,
# internal/version, assets and ui's own packages, never a leaf of the core.
mod=github.com/sfconnect/sfconnect
allowed="^$mod/(internal/(app|i18n|version)|assets|assets/fonts|ui|ui/.*)\$"
if bad=$(go list -f '{{$p := .ImportPath}}{{range .Imports}}{{$p}} imports {{.}}{{"\n"}}{{end}}' ./ui/... |
  awk -v mod="$mod/" -v ok="$allowed" 'index($3, mod) == 1 && $3 !~ ok' | grep .); then
  echo "ui reaches past internal/app:"; echo "$bad"; exit 1
fi
CGO_ENABLED=0 go build -o /dev/null ./cmd/sfconnect-cli
# The system proxy reader (go-ieproxy) has per-OS files, cgo ones on macOS:
# the cgo-free CLI must still build for the systems it ships for.
for target in windows/amd64 darwin/arm64; do
  CGO_ENABLED=0 GOOS=${target%/*} GOARCH=${target#*/} go build -o /dev/null ./cmd/sfconnect-cli
done
# Windows runs PAC files with WinHTTP, not goja (docs/NETWORK.md): no
# Windows exe may link a JavaScript engine (it added 6.4 MB to each). The
# GUI is listed as it is built, with cgo; goja must still be in the others'.
js='^github\.com/(dop251/goja|robertkrimen/otto)(/|$)'
for pkg in ./cmd/sfconnect-cli ./cmd/sfconnect; do
  if deps=$(GOOS=windows GOARCH=amd64 CGO_ENABLED=$([[ $pkg == ./cmd/sfconnect ]] && echo 1 || echo 0) \
    go list -deps -tags migrated_fynedo "$pkg" | grep -E "$js"); then
    echo "a JavaScript engine in the Windows build of $pkg:"; echo "$deps"; exit 1
  fi
done
go list -deps ./cmd/sfconnect-cli | grep -qE "$js" || { echo "goja is missing from the Linux CLI: the PAC engine of Linux and macOS"; exit 1; }
echo "core and CLI: no fyne.io package, builds with CGO_ENABLED=0 (linux, windows, darwin); ui imports only internal/app, i18n, version and assets; no JavaScript engine in the Windows exes"
