#!/usr/bin/env bash
# lint-workflows.sh checks .github/workflows: every file must parse as YAML,
# and actionlint (run from the Go module proxy at a pinned version, so it needs
# no install) must accept it. actionlint also runs shellcheck on run: blocks
# when shellcheck is installed.
#
#   scripts/lint-workflows.sh [ACTIONLINT_VERSION]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
version=${1:-v1.7.12}
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
((${#files[@]})) || { echo "lint-workflows: no workflow files" >&2; exit 1; }

if python3 -c 'import yaml' 2>/dev/null; then
	python3 - "${files[@]}" <<'PY'
import sys, yaml
for path in sys.argv[1:]:
    with open(path) as f:
        doc = yaml.safe_load(f)
    # PyYAML reads the bare key `on` as True.
    triggers = doc.get("on", doc.get(True))
    if not isinstance(doc.get("jobs"), dict) or not triggers:
        sys.exit(f"{path}: no jobs or no triggers")
    print(f"yaml ok: {path} ({len(doc['jobs'])} jobs)")
PY
else
	echo "lint-workflows: python3-yaml not installed; relying on actionlint's parser"
fi

# `go run pkg@version` ignores this module's go.mod.
(cd / && GOFLAGS='' go run "github.com/rhysd/actionlint/cmd/actionlint@$version" -no-color "${files[@]/#/$ROOT/}")
echo "actionlint $version: ok (${#files[@]} files)"
