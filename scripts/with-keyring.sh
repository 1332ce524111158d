#!/usr/bin/env bash
# with-keyring.sh CMD [ARGS...]
#
# Runs CMD against a real, private Secret Service (gnome-keyring) so that the
# keychain tests of internal/secrets exercise the real D-Bus code path on a
# headless Linux machine (CI, containers):
#
#   1. starts a private session bus with dbus-run-session;
#   2. points HOME and the XDG directories at a fresh temporary directory, so
#      the caller's own keyrings are never read or written;
#   3. creates and unlocks a "login" keyring by piping a throw-away password
#      into `gnome-keyring-daemon --unlock --components=secrets`, exporting the
#      variables it prints;
#   4. waits (bounded) until `secret-tool` can store, look up and clear a probe
#      item;
#   5. execs CMD with SFCONNECT_REAL_KEYRING=1 exported (and the keyring's
#      throw-away password in SFCONNECT_TEST_KEYRING_PASSWORD, for tests that
#      lock it and unlock it again).
#
# Go's build and module caches are computed with `go env` before HOME changes
# and exported, so `scripts/with-keyring.sh go test ./...` reuses them.
#
# Example: scripts/with-keyring.sh go test -run TestRealSecretService -v ./internal/secrets/
set -euo pipefail

die() {
	echo "with-keyring: $*" >&2
	exit 1
}

if [ "$#" -eq 0 ]; then
	echo "usage: $0 CMD [ARGS...]" >&2
	exit 2
fi

# Outer half: check tools, pin Go's caches, make the temp dir, start the bus.
if [ -z "${SFCONNECT_KEYRING_TMP:-}" ]; then
	for tool in dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
		command -v "$tool" >/dev/null 2>&1 ||
			die "$tool not found (Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-tools)"
	done
	if command -v go >/dev/null 2>&1; then
		GOCACHE="$(go env GOCACHE)"
		GOPATH="$(go env GOPATH)"
		GOMODCACHE="$(go env GOMODCACHE)"
		GOENV="$(go env GOENV)"
		export GOCACHE GOPATH GOMODCACHE GOENV
	fi
	tmp="$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-keyring.XXXXXX")"
	trap 'rm -rf "$tmp"' EXIT
	status=0
	SFCONNECT_KEYRING_TMP="$tmp" dbus-run-session -- "$0" "$@" || status=$?
	exit "$status"
fi

# Inner half: runs inside the private session bus.
tmp="$SFCONNECT_KEYRING_TMP"
unset SFCONNECT_KEYRING_TMP
export HOME="$tmp/home"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME/keyrings" "$XDG_CACHE_HOME"
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"

# A fresh password per run: the keyring lives and dies with $tmp.
password="sfconnect-test-$$-$RANDOM$RANDOM"
if ! out="$(printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets 2>"$tmp/gkd.err")"; then
	cat "$tmp/gkd.err" >&2
	die "gnome-keyring-daemon --unlock failed"
fi
# It prints lines such as GNOME_KEYRING_CONTROL=/run/.../keyring; export them.
while IFS= read -r line; do
	case "$line" in
	[A-Z_]*=*) export "${line?}" ;;
	esac
done <<<"$out"

# The daemon registers org.freedesktop.secrets asynchronously. Wait until the
# name has an owner before the first call: a call before that makes D-Bus
# activate a second daemon, outside this environment and with a locked
# keyring, and every probe then fails.
for _ in $(seq 1 50); do
	if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
		break
	fi
	sleep 0.1
done
# Then probe until a full store/lookup/clear round trip works.
probe_ok=0
for _ in $(seq 1 50); do
	if printf 'probe' | secret-tool store --label='sfconnect probe' sfconnect-probe 1 2>/dev/null &&
		[ "$(secret-tool lookup sfconnect-probe 1 2>/dev/null)" = "probe" ] &&
		secret-tool clear sfconnect-probe 1 2>/dev/null; then
		probe_ok=1
		break
	fi
	sleep 0.2
done
[ "$probe_ok" = 1 ] || die "the Secret Service did not become usable (secret-tool probe failed 50 times)"

export SFCONNECT_REAL_KEYRING=1
# The fault-injection tests lock this keyring and unlock it again
# (gnome-keyring-daemon --replace --unlock reads the password): it is a
# throw-away password of a keyring that lives and dies with $tmp.
export SFCONNECT_TEST_KEYRING_PASSWORD="$password"
exec "$@"
