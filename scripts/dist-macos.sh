#!/usr/bin/env bash
# dist-macos.sh builds the macOS GUI on a Mac (the release workflow's macos
# job runs it; Linux cannot link against Cocoa):
#
#   scripts/dist-macos.sh app   -> dist/sfconnect.app (universal: arm64 + x86_64),
#                                  with the font licence in Contents/Resources
#   scripts/dist-macos.sh dmg   -> dist/sfconnect-<v>-macos-universal.dmg from dist/sfconnect.app
#
# Signing and notarization are separate workflow steps between the two,
# skipped when the Apple secrets are absent. Like dist.sh it builds in a copy
# of the tree, so fyne package's Build bump never touches the checkout.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/dist-lib.sh
source scripts/dist-lib.sh
VERSION=$(tr -d '[:space:]' <internal/version/VERSION)
DIST=${DIST_DIR:-dist}
VPKG=github.com/sfconnect/sfconnect/internal/version
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
DATE=$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)

build_app() {
	[[ $(uname -s) == Darwin ]] || { echo "dist-macos: needs macOS (Xcode command line tools)" >&2; exit 1; }
	local arch
	ensure_fyne
	# Global, not local: the EXIT trap runs after this function returns.
	stage=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-macos.XXXXXX")
	trap 'rm -rf "$stage"' EXIT
	mkdir -p "$DIST"
	for arch in arm64 amd64; do
		mkdir -p "$stage/$arch"
		tar -C "$ROOT" --exclude=./dist --exclude=./bin --exclude=./.git -cf - . | tar -C "$stage/$arch" -xf -
		stage_fyneapp_toml "$stage/$arch/cmd/sfconnect"
		# cmd/go passes -arch to clang for darwin, so one Mac builds both.
		(cd "$stage/$arch/cmd/sfconnect" && CGO_ENABLED=1 GOOS=darwin GOARCH=$arch \
			GOFLAGS="-ldflags=-X=$VPKG.Commit=$COMMIT -ldflags=-X=$VPKG.Date=$DATE" \
			"$FYNE" package -os darwin --release)
		echo "built $arch: $(ls -d "$stage/$arch/cmd/sfconnect/"*.app)"
	done
	rm -rf "$DIST/sfconnect.app"
	cp -R "$stage/arm64/cmd/sfconnect/sfconnect.app" "$DIST/sfconnect.app"
	local exe
	for exe in "$DIST"/sfconnect.app/Contents/MacOS/*; do
		lipo -create "$exe" "$stage/amd64/cmd/sfconnect/sfconnect.app/Contents/MacOS/$(basename "$exe")" -output "$exe.universal"
		mv "$exe.universal" "$exe"
		lipo -info "$exe"
	done
	# The font the app embeds comes with its licence (SIL OFL 1.1), in the
	# bundle's Resources, before the workflow signs the bundle.
	cp "$ROOT/assets/fonts/OFL.txt" "$DIST/sfconnect.app/Contents/Resources/$FONT_LICENCE"
}

build_dmg() {
	[[ -d $DIST/sfconnect.app ]] || { echo "dist-macos: run '$0 app' first" >&2; exit 1; }
	local dmgdir
	dmgdir=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-dmg.XXXXXX")
	cp -R "$DIST/sfconnect.app" "$dmgdir/"
	# Drag-to-install: the window shows the app next to the Applications folder.
	ln -s /Applications "$dmgdir/Applications"
	hdiutil create -volname sfconnect -srcfolder "$dmgdir" -ov -format UDZO \
		"$DIST/sfconnect-$VERSION-macos-universal.dmg"
	rm -rf "$dmgdir"
}

case ${1:-} in
app) build_app ;;
dmg) build_dmg ;;
*)
	echo "usage: $0 app|dmg" >&2
	exit 2
	;;
esac
