#!/usr/bin/env bash
# wine-test.sh runs the Windows build for real under Wine: the MSI from
# `make dist` is installed, upgraded and uninstalled with msiexec; the
# installed sfconnect-cli.exe signs in against a Salesforce-like server on
# this machine (testdata/fakesf), through the default-browser path
# (ShellExecute -> winebrowser -> packaging/wine/browser.sh), stores its
# secrets with CredWrite and deletes with revocation; it follows the
# Internet Options proxy and PAC files (the app's setting and Internet
# Options' script, run by WinHTTP); and the installed sfconnect.exe shows
# its window, renders Japanese with no CJK font in the prefix and runs the
# demo to the Result screen, in the light theme, driven by key presses.
#
# Debian 12's Wine 8 lacks ProcessPrng, which Go >= 1.24 programs need at
# start-up: packaging/wine/processprng.c provides it (see there).
#
#   scripts/wine-test.sh [dist/sfconnect-<version>-windows-amd64.msi]
#
# Everything lives in a fresh temporary prefix, on a private Xvfb display
# and free loopback ports. SFCONNECT_WINE_SHOTS=DIR keeps the screenshots;
# SFCONNECT_WINE_KEEP=1 keeps the whole work folder for a post-mortem.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=scripts/wine-lib.sh
. scripts/wine-lib.sh

VERSION=$(tr -d '[:space:]' <internal/version/VERSION)
MSI=$(realpath "${1:-dist/sfconnect-$VERSION-windows-amd64.msi}")
[[ -f $MSI ]] || { echo "wine-test: $MSI not found: run make dist first" >&2; exit 1; }
need_tool wine "wine wine64"
need_tool x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
for t in wixl msiextract msiinfo; do need_tool "$t" "wixl msitools"; done
need_tool Xvfb xvfb
need_tool xdotool xdotool
need_tool import imagemagick
need_tool fc-query fontconfig
need_tool curl curl

T0=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-wine.XXXXXX")
cleanup() {
	gui_stop
	local pid
	for pid in "${FAKESF_PID:-}" "${PROXY_PID:-}"; do [[ -n $pid ]] && kill "$pid" 2>/dev/null; done
	if [[ -n ${WINEPREFIX:-} ]]; then wineserver -k 2>/dev/null || true; fi
	[[ -n ${XVFB_PID:-} ]] && kill "$XVFB_PID" 2>/dev/null
	wait 2>/dev/null || true
	if [[ -n ${SFCONNECT_WINE_KEEP:-} ]]; then echo "wine-test: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

passed=0 failed=0 skipped=0 failures=()
# step NAME FUNCTION: runs one group of checks with its own verdict. A
# function returns 77 when Wine cannot show what it checks: that step is
# reported as skipped, never as passed.
step() {
	local name=$1 t=$SECONDS rc=0
	shift
	echo "--- $name"
	STEP_FAILED=0
	"$@" || rc=$?
	if ((rc == 77)); then
		skipped=$((skipped + 1))
		echo "--- $name: SKIPPED, not counted as passed ($((SECONDS - t)) s)"
	elif ((rc == 0 && STEP_FAILED == 0)); then
		passed=$((passed + 1))
		echo "--- $name: ok ($((SECONDS - t)) s)"
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "--- $name: FAILED ($((SECONDS - t)) s)"
	fi
}

# --- the prefix and the tools -------------------------------------------
export WINEDEBUG=-all # also keeps Debian's wine wrapper from asking for wine32
echo "wine-test: $(wine --version), $(basename "$MSI")"
(cd "$ROOT" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$WORK/wincheck.exe" ./packaging/wine/wincheck)
(cd "$ROOT" && go build -o "$WORK/shotcheck" ./packaging/wine/shotcheck)
(cd "$ROOT" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$WORK/netproxy.test.exe" ./internal/netproxy)
echo "wine-test: test tools built in $((SECONDS - T0)) s"
start_xvfb
make_prefix
echo "wine-test: fresh prefix (wineboot) after $((SECONDS - T0)) s"
UPGRADE_CODE="{$(sed -n 's/.*UpgradeCode="\([0-9A-Fa-f-]*\)".*/\1/p' packaging/windows/sfconnect.wxs | head -n 1)}"
msi_prop() { msiinfo export "$1" Property | awk -F'\t' -v k="$2" '$1 == k { print $2 }' | tr -d '\r'; }
NEW_CODE=$(msi_prop "$MSI" ProductCode)
# Windows starts apps in the light theme unless the user chose dark.
reg_set 'HKCU\Software\Microsoft\Windows\CurrentVersion\Themes\Personalize' AppsUseLightTheme REG_DWORD 1
# The "browser" Windows programs get through ShellExecute: winebrowser runs
# this Linux command with the URL.
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ROOT/packaging/wine/browser.sh" "$WORK/browser.log" >"$WORK/browser"
chmod +x "$WORK/browser"
reg_set 'HKCU\Software\Wine\WineBrowser' Browsers REG_SZ "$WORK/browser"
echo "wine-test: prefix ready in $((SECONDS - T0)) s"

# shellcheck source=scripts/wine-steps.sh
. scripts/wine-steps.sh

step "prefix: no Japanese font installed" check_no_cjk_font
step "MSI: install an older build ($OLD_VERSION)" install_old
step "MSI: upgrade to $VERSION" upgrade
step "CLI: --version" cli_version
step "CLI: login through the default browser (ShellExecute)" cli_login
step "CLI: the profile file is owner-only (as Windows reports it)" cli_acl
step "CLI: login when no browser can be opened" cli_login_no_browser
step "CLI: --browser with a quoted C:\\Program Files path" cli_login_quoted_browser
step "CLI: list and export" cli_list_export
step "CLI: calls follow the Internet Options proxy" cli_proxy
step "CLI: delete revokes at the server (loopback bypasses the proxy)" cli_delete
step "CLI: calls follow the PAC file set with --pac (run by WinHTTP)" cli_pac_setting
step "CLI: calls follow Internet Options' automatic configuration script (AutoConfigURL)" cli_pac_system
step "netproxy: the PAC tests on WinHTTP (netproxy.test.exe)" netproxy_tests
step "CLI: credentials without a profile are listed, refused by import and removed" cli_orphans
step "GUI: Japanese window (trace and screenshots), light theme, real glyphs, demo flow to the Result screen" gui_demo_ja
step "GUI: English window (trace and screenshot), light theme, real glyphs" gui_en
step "MSI: uninstall keeps the profiles and the credentials" uninstall

echo
[[ ${#failures[@]} -eq 0 ]] || echo "wine-test: failed steps: ${failures[*]}"
echo "wine-test: $passed passed, $failed failed, $skipped skipped (not counted as passed) in $((SECONDS - T0)) s"
((failed == 0))
