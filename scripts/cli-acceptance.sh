#!/usr/bin/env bash
# Acceptance test of sfconnect-cli against an independent Salesforce-like
# server (testdata/fakesf, Python): login with a BROWSER script that fetches
# the URL, list, export --include-secrets, verify (which must not refresh),
# delete (which must revoke), delete of a token the server already revoked
# (form-encoded error), a canary check that no secret reached the config
# dir or any output line, the sealed hand-over (passphrase export opened by
# the age command line and imported back, a wrong passphrase refused, an
# age-key file written by age imported with --identity), and check --all
# before and after the token is revoked (exit 0, then 1 with --json), and a
# login refused because REST answers API_DISABLED_FOR_ORG (token revoked).
# Needs a working keychain: run it under scripts/with-keyring.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'kill ${server_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

go build -o "$work/sfconnect-cli" ./cmd/sfconnect-cli
cli="$work/sfconnect-cli"

sport=$(free_port); cport=$(free_port)
client_id="3MVG9acceptance$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
client_secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
callback="http://localhost:$cport/callback"
python3 testdata/fakesf/fakesf.py --port "$sport" --client-id "$client_id" --client-secret "$client_secret" \
  --redirect "$callback" --issued "$work/issued" --revoked "$work/revoked" --refreshed "$work/refreshed" --api-off "$work/api-off" \
  2>"$work/server.log" &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$sport/services/data/" >/dev/null && break; sleep 0.1; done

# The "browser": fetch the authorize URL and follow the redirect to the callback.
cat >"$work/browser.sh" <<'SH'
#!/bin/sh
exec curl -fsSL -o /dev/null "$1"
SH
chmod +x "$work/browser.sh"

export SFCONNECT_CONFIG_DIR="$work/config" LANG=en_US.UTF-8
out="$work/out.log"
passed=0
ok() { passed=$((passed+1)); echo "cli-acceptance: ok - $*"; }
fail() { echo "cli-acceptance: FAIL: $*"; echo "--- output"; cat "$out"; echo "--- server"; cat "$work/server.log"; exit 1; }

echo "cli-acceptance: login against fakesf on 127.0.0.1:$sport, callback $callback"
printf '%s\n' "$client_secret" | BROWSER="$work/browser.sh" "$cli" --verbose login --profile acceptance --org acme \
  --client-id "$client_id" --client-secret-stdin --callback "$callback" --login-url "http://127.0.0.1:$sport" \
  --matching-attribute Email --asset-name "Salesforce 本番" --asset-id sf-prod --timeout 60s >>"$out" 2>&1 || fail "login"
ok "login through the BROWSER script"

"$cli" list >>"$out" 2>&1 || fail "list"
grep -q '^acceptance ' "$out" || fail "list does not show the profile"
ok "list shows the profile"

issued=$(tail -n1 "$work/issued")
[ -n "$issued" ] || fail "the server issued no refresh token"
"$cli" export --profile acceptance --include-secrets -o - >"$work/export.json" 2>>"$out" || fail "export"
python3 - "$work/export.json" "$issued" "$client_secret" <<'PY' || fail "export content"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "sfconnect-profile" and d["version"] == 2, d
c = d["connection"]
assert c["refresh_token"] == sys.argv[2], "exported refresh token is not the one the server issued"
assert c["client_secret"] == sys.argv[3]
assert c["namespace"] == "acme" and c["matching_attribute"] == "Email" and c["asset_name"] == "Salesforce 本番"
print("cli-acceptance: export holds the refresh token the server issued")
PY
ok "export --include-secrets prints the issued refresh token"
"$cli" export --profile acceptance -o - >"$work/export-nosecrets.json" 2>>"$out" || fail "export without secrets"
if grep -q -e '"client_secret":' -e '"refresh_token":' "$work/export-nosecrets.json"; then fail "secrets exported without --include-secrets"; fi
ok "export without --include-secrets has no secret keys"

# Verify asks the server about the token (introspection) and never refreshes it.
refreshes=$(wc -l <"$work/refreshed" 2>/dev/null || echo 0)
"$cli" verify --profile acceptance >>"$out" 2>&1 || fail "verify"
[ "$(wc -l <"$work/refreshed")" = "$refreshes" ] || fail "verify refreshed the token the console holds"
grep -q 'POST /services/oauth2/introspect' "$work/server.log" || fail "verify did not introspect"
ok "verify checks the token by introspection without refreshing it"

# The hand-over: sealed with a passphrase, the file opens with the age
# command line (a receiver without sfconnect) and imports back with the
# passphrase only; a file sealed by age to an age key imports with --identity.
pass="acceptance-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$pass" | "$cli" export --profile acceptance --include-secrets --passphrase-stdin \
  -o "$work/handover.age" >>"$out" 2>&1 || fail "export --passphrase-stdin"
head -1 "$work/handover.age" | grep -qx -- '-----BEGIN AGE ENCRYPTED FILE-----' || fail "the export is not an armored age file"
if grep -qF "$issued" "$work/handover.age"; then fail "the sealed export holds the token in clear"; fi
grep -q 'connection.refresh_token' "$work/handover-handover.txt" || fail "no hand-over page beside the export"
# age reads a passphrase from the terminal only: give it one with script(1).
printf '%s\n' "$pass" | script -qec "age -d -o '$work/handover.json' '$work/handover.age'" /dev/null >/dev/null 2>&1 ||
  fail "the age command line could not open the sealed export"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["connection"]; assert c["refresh_token"]==sys.argv[2]' \
  "$work/handover.json" "$issued" || fail "age opened something else than the export"
printf 'not-the-passphrase\n' | "$cli" import --profile sealed --passphrase-stdin "$work/handover.age" >>"$out" 2>&1 &&
  fail "imported with a wrong passphrase"
"$cli" list 2>/dev/null | grep -q '^sealed ' && fail "a wrong passphrase left a profile"
printf '%s\n' "$pass" | "$cli" import --profile sealed --passphrase-stdin "$work/handover.age" >>"$out" 2>&1 ||
  fail "import with the passphrase"
age-keygen -o "$work/key.txt" 2>/dev/null
age -r "$(age-keygen -y "$work/key.txt")" -a -o "$work/byage.age" "$work/export.json" || fail "age -r"
"$cli" import --profile byage --identity "$work/key.txt" "$work/byage.age" >>"$out" 2>&1 || fail "import --identity"
ok "sealed hand-over: age opens it, a wrong passphrase imports nothing, the passphrase and an age key import it"

"$cli" check --all >>"$out" 2>&1 || fail "check --all of live tokens"
ok "check --all: every token alive, exit 0"

# A second profile holds the same token; once the first delete revoked it,
# the server answers the second revoke with a form-encoded error: done anyway.
"$cli" import --profile twin "$work/export.json" >>"$out" 2>&1 || fail "import"

# Canary: the secrets may be in the explicit export only.
for s in "$client_secret" "$issued"; do
  if grep -rqF "$s" "$work/config" "$out"; then fail "a secret leaked into the config dir or the output"; fi
done
stat -c '%a %n' "$work/config"/* | grep -v '^600 ' && fail "a profile file is not 0600"
ok "no secret in the config dir or any output line; profile files are 0600"


"$cli" delete --profile acceptance >"$work/delete.log" 2>&1 || { cat "$work/delete.log" >>"$out"; fail "delete"; }
cat "$work/delete.log" >>"$out"
grep -qxF "$issued" "$work/revoked" || fail "delete did not revoke the refresh token at the server"
grep -q 'no longer valid' "$work/delete.log" && fail "a revoke that succeeded was called stale"
"$cli" export --profile acceptance -o - >/dev/null 2>&1 && fail "profile still there after delete"
ok "delete revoked the token at the server and removed the profile"

"$cli" verify --profile twin >>"$out" 2>&1 && fail "verify of a revoked token succeeded"
"$cli" delete --profile twin >"$work/twin.log" 2>&1 || { cat "$work/twin.log" >>"$out"; fail "delete of an already revoked token"; }
cat "$work/twin.log" >>"$out"
"$cli" list 2>&1 | grep -q '^twin ' && fail "the twin profile is still listed"
grep -q 'no longer valid at Salesforce' "$work/twin.log" || fail "delete of a token already gone claims it revoked"
ok "verify reports the revoked token; delete of it succeeds (form-encoded invalid_token) and says it was no longer valid"

rc=0; "$cli" check --all --json >"$work/check.json" 2>>"$out" || rc=$?
[ "$rc" = 1 ] || fail "check --all with revoked tokens exited $rc, want 1"
python3 - "$work/check.json" <<'PY' || fail "check --json"
import json, sys
lines = json.load(open(sys.argv[1]))["connections"]
assert sorted(l["profile"] for l in lines) == ["byage", "sealed"], lines
assert all(l["state"] == "dead" and l["action"] == "reauthorize" for l in lines), lines
PY
"$cli" delete --profile sealed >>"$out" 2>&1 || fail "delete the sealed copy"
"$cli" delete --profile byage >>"$out" 2>&1 || fail "delete the age-key copy"
ok "check --all --json reports the revoked tokens as dead with exit 1"
# No API for the user or the org: the login is refused, its token revoked.
touch "$work/api-off"
printf '%s\n' "$client_secret" | BROWSER="$work/browser.sh" "$cli" login --profile noapi --org acme \
  --client-id "$client_id" --client-secret-stdin --callback "$callback" --login-url "http://127.0.0.1:$sport" \
  --matching-attribute Email --timeout 60s >"$work/noapi.log" 2>&1 && fail "login without API access succeeded"
rm "$work/api-off"
grep -q 'API_DISABLED_FOR_ORG' "$work/noapi.log" && grep -q 'API Enabled' "$work/noapi.log" ||
  { cat "$work/noapi.log" >>"$out"; fail "the refusal does not name API_DISABLED_FOR_ORG and API Enabled"; }
grep -qxF "$(tail -n1 "$work/issued")" "$work/revoked" || fail "the token of the refused login was left alive"
"$cli" list 2>&1 | grep -q '^noapi ' && fail "the refused login saved a profile"
ok "login without API access is refused, names API Enabled, and its token is revoked"
echo "cli-acceptance: $passed passed, 0 failed"
