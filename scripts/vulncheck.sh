#!/usr/bin/env bash
# Checks sfconnect's modules and the Go standard library it builds with
# against the Go vulnerability database, with govulncheck.
#
# Where vuln.go.dev cannot be reached (a network that allows only the Go
# module proxy), the database is built locally from golang.org/x/vulndb,
# which the proxy serves as a module: its data/osv holds every report, and
# its cmd/indexdb writes the v1 database layout govulncheck reads.
#
#   scripts/vulncheck.sh [govulncheck flags]   e.g. -show verbose
# Not part of scripts/test.sh: it depends on a database that changes daily.
set -euo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

GOVULNCHECK_VERSION=${GOVULNCHECK_VERSION:-v1.9.0}
VULNDB_VERSION=${VULNDB_VERSION:-latest} # a pseudo-version of golang.org/x/vulndb

bin=$(go env GOPATH)/bin
if ! "$bin/govulncheck" -version 2>/dev/null | grep -q "govulncheck@$GOVULNCHECK_VERSION"; then
  go install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION"
fi

db=""
if ! curl -fsS -m 10 -o /dev/null https://vuln.go.dev/index/db.json 2>/dev/null; then
  src=$(go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["Dir"]); print(d["Version"], file=sys.stderr)')
  db=$(mktemp -d "${TMPDIR:-/tmp}/vulndb.XXXXXX")
  trap 'rm -rf "$db"' EXIT
  # indexdb refuses an existing output dir.
  rmdir "$db"
  go run "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION" -vulns "$src/data/osv" -out "$db"
  echo "vulncheck: database built from golang.org/x/vulndb ($(find "$src/data/osv" -name "*.json" | wc -l) reports)"
fi
"$bin/govulncheck" ${db:+-db "file://$db"} "$@" ./...
