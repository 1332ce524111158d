#!/usr/bin/env bash
# Runs every test of sfconnect (install what they need first with
# scripts/deps.sh, as the README's test command and .ci/run do):
#   unit, fuzz-seed and end-to-end tests (go test ./...), the real Secret
#   Service tests (gnome-keyring in a private D-Bus session), the fault-injection
#   suite (Salesforce, the keychain, the disk and the process failing), the real-browser
#   test (headless Chromium), the CLI acceptance test against an independent
#   Salesforce-like server, the GUI smoke test under Xvfb, and the Windows
#   installer build with its inspection and its run under Wine.
# Usage: scripts/test.sh [--quick]   (--quick skips the installer build and Wine)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

passed=0; failed=0; failures=()
step() {
  local name=$1; shift
  echo; echo "=== $name"
  if "$@"; then passed=$((passed+1)); echo "=== $name: ok"
  else failed=$((failed+1)); failures+=("$name"); echo "=== $name: FAILED"; fi
}

step "go vet" go vet ./...
step "no fyne in the core" scripts/check-core-deps.sh
export SFCONNECT_CHROMIUM=$(command -v chromium || true)
step "go test -race (unit, fuzz seeds, end to end, GUI widgets)" go test -race -count=1 ./...
step "real Secret Service" scripts/with-keyring.sh go test -count=1 -run 'Real' -v ./internal/secrets/ ./internal/app/
step "fault injection (real Secret Service, killed and concurrent processes)" scripts/with-keyring.sh go test -count=1 -run 'Fault' -v ./cmd/sfconnect-cli/
step "CLI acceptance against an independent server" scripts/with-keyring.sh scripts/cli-acceptance.sh
step "GUI smoke test under Xvfb" scripts/gui-smoke.sh
if [ "${1:-}" != "--quick" ]; then
  step "Windows MSI build" make dist
  step "Windows MSI inspection" bash -c 'scripts/check-msi.sh dist/*.msi'
  step "Windows under Wine (MSI, CLI sign-in, proxy and PAC, GUI)" scripts/wine-test.sh
fi
step "release workflow lint (YAML + actionlint)" scripts/lint-workflows.sh

echo
[ ${#failures[@]} -eq 0 ] || echo "failed steps: ${failures[*]}"
echo "test steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
