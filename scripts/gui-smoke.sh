#!/usr/bin/env bash
# Smoke test of the real desktop app: build cmd/sfconnect once, start it
# under Xvfb with a Japanese locale, wait for its window, take a screenshot
# and check that the window is there, has a sensible size and is not blank.
# SFCONNECT_SHOT=path keeps the screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

work=$(mktemp -d)
cleanup() {
  kill ${app_pid:-} ${xvfb_pid:-} 2>/dev/null || true
  wait ${app_pid:-} ${xvfb_pid:-} 2>/dev/null || true # the app may still write its preferences
  rm -rf "$work"
}
trap cleanup EXIT

echo "gui-smoke: building cmd/sfconnect (cgo; cached after the first build)"
go build -o "$work/sfconnect" ./cmd/sfconnect

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$work/home" "$work/config"
# One saved connection (no secrets, its Salesforce unreachable), so Home's
# background status check runs at start and reports through fyne.Do.
go build -o "$work/sfconnect-cli" ./cmd/sfconnect-cli
cat >"$work/seed.json" <<'JSON'
{"format": "sfconnect-profile", "version": 2, "name": "smoke",
 "connection": {"namespace": "acme", "client_id": "3MVG9smoke", "domain": "", "matching_attribute": "Username",
  "generate_random_password": false, "asset_name": "", "asset_id": "", "memo": ""},
 "salesforce": {"kind": "production", "login_url": "http://127.0.0.1:9", "callback_url": "http://localhost/",
  "instance_url": "", "org_id": "", "username": "", "scopes": [], "refresh_token_rotation": false}}
JSON
# Import looks for keychain entries it must not take over, so it needs a
# keychain even for a file without secrets: a private one, for this import.
scripts/with-keyring.sh env SFCONNECT_CONFIG_DIR="$work/config" "$work/sfconnect-cli" import "$work/seed.json" >/dev/null 2>&1 ||
  { echo "gui-smoke: FAIL: could not import the seed profile"; exit 1; }
HOME="$work/home" SFCONNECT_CONFIG_DIR="$work/config" LANG=ja_JP.UTF-8 LC_ALL= SFCONNECT_FIRST_FRAME=1 \
  "$work/sfconnect" >"$work/app.log" 2>&1 &
app_pid=$!

win=""
for _ in $(seq 120); do
  win=$(xdotool search --onlyvisible --name '^sfconnect' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "gui-smoke: FAIL: the app exited"; cat "$work/app.log"; exit 1; }
  sleep 0.5
done
[ -n "$win" ] || { echo "gui-smoke: FAIL: no window titled sfconnect"; cat "$work/app.log"; exit 1; }
sleep 3 # let the first frames render
eval "$(xdotool getwindowgeometry --shell "$win")"
echo "gui-smoke: window $win is ${WIDTH}x${HEIGHT}"
[ "$WIDTH" -ge 640 ] && [ "$HEIGHT" -ge 480 ] || { echo "gui-smoke: FAIL: window too small"; exit 1; }

shot="${SFCONNECT_SHOT:-$work/shot.png}"
import -window root "$shot"
# A blank or single-colour window has (almost) no variation in brightness.
sd=$(convert "$shot" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" -colorspace Gray -format '%[fx:standard_deviation]' info:)
colors=$(convert "$shot" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" -format '%k' info:)
echo "gui-smoke: screenshot $shot: brightness deviation $sd, $colors colours"
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || { echo "gui-smoke: FAIL: the window looks blank"; exit 1; }
[ "$colors" -gt 16 ] || { echo "gui-smoke: FAIL: too few colours, nothing drawn"; exit 1; }
if grep -i -e panic -e 'fatal error' "$work/app.log"; then echo "gui-smoke: FAIL: the app logged a crash"; exit 1; fi
# The first-frame hook `make bench` relies on (package ui/firstframe).
grep -q '^first-frame [0-9]\+$' "$work/app.log" || { echo "gui-smoke: FAIL: no first-frame line with SFCONNECT_FIRST_FRAME=1"; exit 1; }
if grep -F 'Error in Fyne call thread' "$work/app.log"; then echo "gui-smoke: FAIL: a widget was touched outside fyne.Do"; exit 1; fi
echo "gui-smoke: ok"
