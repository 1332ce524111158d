#!/usr/bin/env bash
# Builds and starts the sfconnect desktop app, installing what it needs first.
# Extra arguments go to the app (e.g. --login-url http://127.0.0.1:8800).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
user_lang=${LANG:-}
. scripts/lib.sh   # sets LANG for tests; the app keeps the user's locale
export LANG="$user_lang"
mkdir -p bin
go build -o bin/sfconnect ./cmd/sfconnect
exec bin/sfconnect "$@"
