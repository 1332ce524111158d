#!/usr/bin/env bash
# check-msi.sh inspects the MSI that scripts/dist.sh built and fails loudly
# when anything a per-user, double-click install needs is missing:
#   - File table: sfconnect.exe and sfconnect-cli.exe, and the licence of the
#     font sfconnect.exe embeds, licenses\OFL-NotoSansCJKjp.txt (SIL OFL 1.1:
#     the licence travels with the font), the same text as assets/fonts/OFL.txt
#   - Shortcut table: a Start-menu shortcut to sfconnect.exe
#   - Property table: ProductVersion == internal/version/VERSION,
#     ALLUSERS=2 and MSIINSTALLPERUSER=1, ARPPRODUCTICON
#   - Upgrade table: the fixed UpgradeCode of packaging/windows/sfconnect.wxs
#   - Summary: "elevated privileges not required" (word count bit 8)
#   - the exes inside (msiextract): GUI subsystem, icon group, version and
#     manifest for sfconnect.exe; console subsystem and version for the CLI
#     (packaging/pecheck, standard library debug/pe)
#   - size: the MSI under 20 MB (20,000,000 bytes)
# and, when the Linux GUI tarball of the same version lies beside the MSI
# (dist.sh makes both), that it carries the font licence and that its
# Makefile's `make install` puts it under share/doc/sfconnect.
#
#   scripts/check-msi.sh [dist/sfconnect-*.msi ...]
# shellcheck disable=SC2016 # awk programs are single-quoted on purpose
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(tr -d '[:space:]' <"$ROOT/internal/version/VERSION")
UPGRADE_CODE=$(sed -n 's/.*UpgradeCode="\([0-9A-Fa-f-]*\)".*/\1/p' "$ROOT/packaging/windows/sfconnect.wxs" | head -1)
[[ -n $UPGRADE_CODE ]] || { echo "check-msi: no UpgradeCode in sfconnect.wxs" >&2; exit 1; }

if [[ $# -eq 0 ]]; then
	set -- "$ROOT"/dist/*.msi
fi
for tool in msiinfo msiextract go; do
	command -v "$tool" >/dev/null || { echo "check-msi: $tool not found (apt-get install msitools)" >&2; exit 1; }
done

FAILED=0
pass() { echo "ok   $*"; }
fail() {
	echo "FAIL $*"
	FAILED=1
}
expect() { # expect DESCRIPTION COMMAND...: pass when the command succeeds
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

# FONT_LICENCE: the name of assets/fonts/OFL.txt in the packages (dist-lib.sh).
FONT_LICENCE=$(sed -n 's/^FONT_LICENCE=//p' "$ROOT/scripts/dist-lib.sh")
[[ -n $FONT_LICENCE ]] || { echo "check-msi: no FONT_LICENCE in scripts/dist-lib.sh" >&2; exit 1; }

# check_tarball TARBALL: the Linux GUI tarball carries the font licence, and
# `make install` of its Makefile (run into a scratch DESTDIR) installs it.
check_tarball() {
	local tarball=$1 t
	if [[ ! -f $tarball ]]; then
		echo "info no $(basename "$tarball") beside the MSI (DIST_SKIP_LINUX_GUI?): not checked"
		return
	fi
	echo "== $tarball"
	t=$TMP/tarball
	rm -rf "$t" && mkdir -p "$t/root"
	if ! tar -C "$t" -xJf "$tarball"; then
		fail "$(basename "$tarball") could not be unpacked"
		return
	fi
	expect "the tarball holds usr/local/share/doc/sfconnect/$FONT_LICENCE, the text of assets/fonts/OFL.txt" \
		cmp "$t/sfconnect/usr/local/share/doc/sfconnect/$FONT_LICENCE" "$ROOT/assets/fonts/OFL.txt"
	expect "its make install puts the licence into PREFIX/share/doc/sfconnect" \
		bash -c 'make -C "$1/sfconnect" install DESTDIR="$1/root" PREFIX=/usr && test -f "$1/root/usr/share/doc/sfconnect/$2"' _ "$t" "$FONT_LICENCE"
}

# Build the PE checker once, from the checkout's own module.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && go build -o "$TMP/pecheck" ./packaging/pecheck)

for msi in "$@"; do
	echo "== $msi"
	if [[ ! -f $msi ]]; then
		fail "$msi does not exist (run make dist first)"
		continue
	fi
	d=$TMP/$(basename "$msi" .msi)
	mkdir -p "$d"
	for t in Property File Shortcut Upgrade Component Registry Directory; do
		msiinfo export "$msi" "$t" >"$d/$t.idt" 2>/dev/null || : >"$d/$t.idt"
	done
	prop() { awk -F'\t' -v k="$1" 'NR > 3 && $1 == k { print $2 }' "$d/Property.idt" | tr -d '\r'; }

	got=$(prop ProductVersion)
	expect "ProductVersion is $VERSION (got '$got')" test "$got" = "$VERSION"
	expect "ALLUSERS=2 (per-user capable)" test "$(prop ALLUSERS)" = 2
	expect "MSIINSTALLPERUSER=1 (installs per user, no UAC)" test "$(prop MSIINSTALLPERUSER)" = 1
	expect "ARPPRODUCTICON set for Apps & Features" test -n "$(prop ARPPRODUCTICON)"
	expect "UpgradeCode property is {$UPGRADE_CODE}" test "$(prop UpgradeCode)" = "{$UPGRADE_CODE}"
	expect "Upgrade table holds {$UPGRADE_CODE}" grep -qi "^{$UPGRADE_CODE}"$'\t' "$d/Upgrade.idt"
	expect "File table holds sfconnect.exe" awk -F'\t' 'NR > 3 && ($3 == "sfconnect.exe" || $3 ~ /\|sfconnect\.exe$/) { f = 1 } END { exit !f }' "$d/File.idt"
	expect "File table holds sfconnect-cli.exe" awk -F'\t' 'NR > 3 && ($3 == "sfconnect-cli.exe" || $3 ~ /\|sfconnect-cli\.exe$/) { f = 1 } END { exit !f }' "$d/File.idt"
	expect "File table holds licenses\\$FONT_LICENCE (the bundled font's licence)" \
		awk -F'\t' -v f="$FONT_LICENCE" 'NR > 3 && ($3 == f || $3 ~ "\\|" f "$") { d[$2] = 1 } END { exit !d["FontLicence"] }' "$d/File.idt"
	expect "its folder is licenses under INSTALLDIR" \
		awk -F'\t' '{ sub(/\r$/, "") } NR > 3 && $2 == "INSTALLDIR" && ($3 == "licenses" || $3 ~ /\|licenses$/) { f = 1 } END { exit !f }' "$d/Directory.idt"
	expect "Shortcut table has a Start-menu shortcut to sfconnect.exe" \
		awk -F'\t' 'NR > 3 && $2 == "ProgramMenuFolder" && $5 ~ /sfconnect\.exe$/ { f = 1 } END { exit !f }' "$d/Shortcut.idt"
	expect "every component keys on HKCU (per-user key paths)" \
		awk -F'\t' 'NR > 3 { n++; if ($2 != 1) bad = 1 } END { exit !(n > 0 && !bad) }' "$d/Registry.idt"
	expect "installs under LocalAppDataFolder" grep -q $'\tLocalAppDataFolder\t' "$d/Directory.idt"
	wc=$(msiinfo suminfo "$msi" | sed -n 's/^Source: \([0-9]*\).*/\1/p')
	expect "summary word count $wc: elevated privileges not required (bit 8)" test $(((${wc:-0} & 8) != 0)) = 1

	if msiextract -C "$d/files" "$msi" >"$d/extract.log" 2>&1; then
		gui=$(find "$d/files" -name sfconnect.exe | head -1)
		cli=$(find "$d/files" -name sfconnect-cli.exe | head -1)
		if [[ -n $gui ]] && "$TMP/pecheck" -subsystem gui -icon -manifest -version "$VERSION" "$gui" | sed "s#$d/files/##"; then
			pass "sfconnect.exe inside the MSI: PE checks"
		else
			fail "sfconnect.exe inside the MSI: PE checks"
		fi
		if [[ -n $cli ]] && "$TMP/pecheck" -subsystem console -version "$VERSION" "$cli" | sed "s#$d/files/##"; then
			pass "sfconnect-cli.exe inside the MSI: PE checks"
		else
			fail "sfconnect-cli.exe inside the MSI: PE checks"
		fi
		licence=$(find "$d/files" -path "*/licenses/$FONT_LICENCE" | head -1)
		expect "licenses/$FONT_LICENCE inside the MSI is assets/fonts/OFL.txt" cmp "$licence" "$ROOT/assets/fonts/OFL.txt"
	else
		fail "msiextract could not unpack $msi: $(tail -1 "$d/extract.log")"
	fi
	if command -v osslsigncode >/dev/null && { osslsigncode verify -in "$msi" 2>&1 || true; } | grep -q "Signer's certificate"; then
		echo "info MSI carries an Authenticode signature"
	else
		echo "info UNSIGNED: the MSI has no Authenticode signature; SmartScreen will warn"
	fi
	# Issue 8: the MSI stays under 20 MB (decimal, the stricter reading).
	# It was 22.8 MB when goja was linked into the Windows exes; they run
	# PAC files with WinHTTP since (docs/NETWORK.md).
	size=$(stat -c %s "$msi")
	expect "MSI size $size bytes, under 20 MB (20000000 bytes)" test "$size" -lt 20000000
	check_tarball "$(dirname "$msi")/sfconnect-$VERSION-linux-amd64.tar.xz"
done

if ((FAILED)); then
	echo "check-msi: FAILED" >&2
	exit 1
fi
echo "check-msi: all checks passed"
