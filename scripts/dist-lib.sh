# shellcheck shell=bash
# dist-lib.sh: helpers for scripts/dist.sh and scripts/dist-macos.sh (sourced,
# not run). Expects ROOT, VERSION and, for some helpers, SRC and OUT to be set
# by the caller.

# FYNE_TOOLS_VERSION pins the fyne CLI; it is installed into bin/tools so
# go.mod never changes.
FYNE_TOOLS_VERSION=v1.7.4
MSI_WARN_BYTES=$((20 * 1024 * 1024))
# GUI_TAGS: Fyne's bundled colour emoji font (4.2 MB, no_emoji drops it) is
# traded for the Japanese font the app bundles (assets/fonts), which keeps
# the MSI under its 20 MiB goal. Emoji still render from the system's fonts.
GUI_TAGS=no_emoji

log() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
	printf 'dist: ERROR: %s\n' "$*" >&2
	exit 1
}

step() {
	STEP_NAME=$1 STEP_T0=$SECONDS
	log "$1"
}
step_done() { log "$STEP_NAME: $((SECONDS - STEP_T0)) s"; }

# need CMD PACKAGE: fail with the Debian package to install.
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found (Debian/Ubuntu: apt-get install $2)"; }

preflight() {
	need go "golang (Go $(sed -n 's/^go //p' "$ROOT/go.mod") or newer)"
	need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
	need x86_64-w64-mingw32-windres binutils-mingw-w64-x86-64
	need wixl wixl
	need msiinfo msitools
	need zip zip
	need xz xz-utils
	need sha256sum coreutils
	need realpath coreutils
	if [[ ${DIST_SKIP_LINUX_GUI:-} != 1 ]]; then
		need gcc gcc
		[[ -e /usr/include/GL/gl.h && -e /usr/include/X11/Xlib.h ]] ||
			die "OpenGL/X11 headers missing for the Linux GUI (apt-get install libgl1-mesa-dev xorg-dev), or set DIST_SKIP_LINUX_GUI=1"
	fi
	if signing_enabled; then need osslsigncode osslsigncode; fi
	ensure_fyne
}

# ensure_fyne sets FYNE to the pinned fyne CLI in bin/tools, installing it
# when it is missing or another version.
ensure_fyne() {
	FYNE=$ROOT/bin/tools/fyne
	# Read the whole output first: grep -q would close the pipe early and
	# pipefail would count fyne's SIGPIPE as a failure.
	if [[ $("$FYNE" version 2>/dev/null || true) != *"${FYNE_TOOLS_VERSION#v}"* ]]; then
		log "installing fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION into bin/tools"
		# `go install pkg@version` ignores the project's go.mod.
		(cd / && GOFLAGS='' GOBIN="$ROOT/bin/tools" go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION")
	fi
}

# stage_fyneapp_toml DIR writes FyneApp.toml into the staged main package
# DIR: fyne build/package read it from there and take the icon path
# relative to it.
stage_fyneapp_toml() {
	sed 's#^\([[:space:]]*Icon[[:space:]]*=[[:space:]]*"\)#\1../../#' "$ROOT/FyneApp.toml" >"$1/FyneApp.toml"
}

# stage_cli_placeholder puts a stub CLI into the staging tree when the real
# one is not written yet, if SFCONNECT_ALLOW_MISSING_CLI=1; else it fails.
stage_cli_placeholder() {
	if compgen -G "$SRC/cmd/sfconnect-cli/*.go" >/dev/null; then return; fi
	[[ ${SFCONNECT_ALLOW_MISSING_CLI:-} == 1 ]] ||
		die "cmd/sfconnect-cli has no Go code (set SFCONNECT_ALLOW_MISSING_CLI=1 to package a placeholder for local testing)"
	warn "cmd/sfconnect-cli is missing: packaging a PLACEHOLDER CLI (never release this build)"
	mkdir -p "$SRC/cmd/sfconnect-cli"
	cat >"$SRC/cmd/sfconnect-cli/main.go" <<'EOF'
// Command sfconnect-cli is a placeholder packaged by dist.sh for local tests.
package main

import (
	"fmt"

	"github.com/sfconnect/sfconnect/internal/version"
)

func main() { fmt.Println(version.String(), "PLACEHOLDER CLI") }
EOF
}

# ldflags_as_goflags "-X=a=b -X=c=d" prints "-ldflags=-X=a=b -ldflags=-X=c=d":
# fyne build/package read extra linker flags only from GOFLAGS, split on spaces.
ldflags_as_goflags() {
	local f out=()
	for f in $1; do out+=("-ldflags=$f"); done
	echo "${out[*]}"
}

signing_enabled() { [[ -n ${SFCONNECT_SIGN_PFX:-} && -n ${SFCONNECT_SIGN_PASSWORD:-} ]]; }

# sign_files FILE...: Authenticode-sign in place (SHA-256), or say clearly
# that the files ship unsigned. The password goes through a 0600 file, never
# on a command line or into the log.
sign_files() {
	if ! signing_enabled; then
		local f
		for f in "$@"; do
			echo "UNSIGNED: $(basename "$f") (set SFCONNECT_SIGN_PFX and SFCONNECT_SIGN_PASSWORD to sign); SmartScreen will warn users who download it"
		done
		return
	fi
	[[ -f $SFCONNECT_SIGN_PFX ]] || die "SFCONNECT_SIGN_PFX: no such file"
	local passfile f ts=()
	passfile=$(mktemp)
	chmod 600 "$passfile"
	printf '%s' "$SFCONNECT_SIGN_PASSWORD" >"$passfile"
	[[ -n ${SFCONNECT_SIGN_TIMESTAMP_URL:-} ]] && ts=(-ts "$SFCONNECT_SIGN_TIMESTAMP_URL")
	for f in "$@"; do
		if ! osslsigncode sign -pkcs12 "$SFCONNECT_SIGN_PFX" -readpass "$passfile" -h sha256 \
			-n sfconnect -i https://github.com/sfconnect/sfconnect "${ts[@]}" \
			-in "$f" -out "$f.signed" >/dev/null; then
			rm -f "$passfile" "$f.signed"
			die "signing $(basename "$f") failed"
		fi
		mv "$f.signed" "$f"
		echo "SIGNED: $(basename "$f")${ts:+ (timestamped)}"
	done
	rm -f "$passfile"
}

# report_sizes MSI EXE...: the sizes users download and install.
report_sizes() {
	local msi=$1 f size
	shift
	log "sizes"
	for f in "$msi" "$@"; do
		size=$(stat -c %s "$f")
		printf '  %-45s %10d bytes (%s MiB)\n' "$(basename "$f")" "$size" "$(awk -v s="$size" 'BEGIN{printf "%.1f", s/1048576}')"
	done
	size=$(stat -c %s "$msi")
	if ((size > MSI_WARN_BYTES)); then
		warn "the MSI is $size bytes, over the 20 MiB goal"
	fi
}

# FONT_LICENCE is the name the bundled font's licence (assets/fonts/OFL.txt)
# gets in every package of the GUI: the SIL Open Font License 1.1 lets the
# font be bundled with software as long as its copyright notice and licence
# travel with every copy. The MSI places it by packaging/windows/sfconnect.wxs
# (licenses\), the .app in Contents/Resources (dist-macos.sh), the Linux
# tarball under usr/local/share/doc/sfconnect (add_font_licence).
FONT_LICENCE=OFL-NotoSansCJKjp.txt

# add_font_licence TARBALL: adds the font licence to the tarball `fyne
# package -os linux` made, and to the install targets of the Makefile in it,
# so that `make install` and `make user-install` copy it beside the program.
# fyne offers no way to add a file, so the tarball is unpacked and packed
# again, in $STAGE (dist.sh's throw-away folder).
add_font_licence() {
	local tarball=$1 t=$STAGE/tarball
	mkdir -p "$t"
	tar -C "$t" -xJf "$tarball"
	[[ -f $t/sfconnect/Makefile ]] || die "$tarball: no sfconnect/Makefile (fyne's layout changed?)"
	install -Dm644 "$ROOT/assets/fonts/OFL.txt" "$t/sfconnect/usr/local/share/doc/sfconnect/$FONT_LICENCE"
	local doc="share/doc/sfconnect/$FONT_LICENCE"
	awk -v src="usr/local/$doc" -v doc="$doc" '
		{ print }
		$0 == "install:" { print "\tinstall -Dm00644 " src " $(DESTDIR)$(PREFIX)/" doc; n++ }
		$0 == "uninstall:" { print "\t-rm $(DESTDIR)$(PREFIX)/" doc; n++ }
		$0 == "user-install:" { print "\tinstall -Dm00644 " src " $(DESTDIR)$(HOME)/.local/" doc; n++ }
		$0 == "user-uninstall:" { print "\t-rm $(DESTDIR)$(HOME)/.local/" doc; n++ }
		END { exit n != 4 }' "$t/sfconnect/Makefile" >"$t/Makefile.new" ||
		die "$tarball: the Makefile lacks one of the targets install, uninstall, user-install, user-uninstall"
	mv "$t/Makefile.new" "$t/sfconnect/Makefile"
	tar -C "$t" --owner=0 --group=0 --mtime="$DATE" -cJf "$tarball" sfconnect
}
