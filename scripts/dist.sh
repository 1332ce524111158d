#!/usr/bin/env bash
# dist.sh builds every sfconnect release artifact that Linux can build into
# dist/ (`make dist` runs it):
#
#   sfconnect-<v>-windows-amd64.msi        per-user installer (GUI + CLI, font licence), wixl
#   sfconnect-<v>-linux-amd64.tar.xz       GUI, desktop file, icon (fyne package), font licence
#   sfconnect-cli-<v>-windows-amd64.zip    CLI, CGO_ENABLED=0
#   sfconnect-cli-<v>-{darwin,linux}-{amd64,arm64}.tar.gz
#   SHA256SUMS
#
# The macOS .app/.dmg needs a Mac: .github/workflows/release.yml builds it.
#
# The checkout is never written to (except dist/ and bin/tools/): everything
# is built in a throw-away copy of the tree, where the Windows resources
# (.syso) and FyneApp.toml are placed next to the main packages. That keeps
# `fyne package`'s Build bump and generated files out of git, and out of the
# way of anyone building the same checkout meanwhile.
#
# Environment:
#   SFCONNECT_SIGN_PFX, SFCONNECT_SIGN_PASSWORD  Authenticode-sign the exes and
#       the MSI with osslsigncode (both must be set).
#   SFCONNECT_SIGN_TIMESTAMP_URL  RFC 3161 timestamp server (optional).
#   SFCONNECT_ALLOW_MISSING_CLI=1  build a placeholder CLI when cmd/sfconnect-cli
#       has no code yet (local testing only; the artifacts say PLACEHOLDER).
#   DIST_SKIP_LINUX_GUI=1  skip the Linux GUI tarball (no X11/GL headers).
#   DIST_DIR  output folder (default dist).
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/dist-lib.sh
source scripts/dist-lib.sh

VERSION=$(tr -d '[:space:]' <internal/version/VERSION)
[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "internal/version/VERSION holds '$VERSION', want X.Y.Z"
toml_version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
[[ $toml_version == "$VERSION" ]] || die "FyneApp.toml Version '$toml_version' differs from internal/version/VERSION '$VERSION'"
COMMIT=${SFCONNECT_COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}
if [[ $COMMIT != unknown ]] && ! git diff --quiet HEAD -- 2>/dev/null; then COMMIT+="-dirty"; fi
# The commit date, not today: rebuilding a commit gives the same binaries.
DATE=$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
DIST=$(realpath -m -- "${DIST_DIR:-dist}")
case $DIST in / | "$ROOT" | "${HOME:-/}") die "DIST_DIR=$DIST: refusing to empty it" ;; esac
VPKG=github.com/sfconnect/sfconnect/internal/version
LDX="-X=$VPKG.Commit=$COMMIT -X=$VPKG.Date=$DATE"

preflight
T0=$SECONDS
log "sfconnect $VERSION (commit $COMMIT, $DATE) -> ${DIST#"$ROOT"/}/"
rm -rf "$DIST"
mkdir -p "$DIST"
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-dist.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
SRC=$STAGE/src OUT=$STAGE/out
mkdir -p "$SRC" "$OUT"
tar -C "$ROOT" --exclude=./dist --exclude=./bin --exclude=./.git --exclude=./fyne-cross -cf - . | tar -C "$SRC" -xf -
stage_cli_placeholder
stage_fyneapp_toml "$SRC/cmd/sfconnect"

# --- CLI, every platform: pure Go, no cgo -------------------------------
step "CLI"
scripts/winres.sh "$SRC/cmd/sfconnect-cli/rsrc_windows_amd64.syso" sfconnect-cli "sfconnect command line" "$VERSION"
for target in windows/amd64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64; do
	goos=${target%/*} goarch=${target#*/}
	exe=sfconnect-cli
	[[ $goos == windows ]] && exe+=.exe
	mkdir -p "$OUT/cli-$goos-$goarch"
	(cd "$SRC" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
		-ldflags "-s -w $LDX" -o "$OUT/cli-$goos-$goarch/$exe" ./cmd/sfconnect-cli)
	echo "  built $goos/$goarch"
done
step_done

# --- Windows GUI: cgo with mingw, our resources, fyne's metadata -----------
step "Windows GUI (cgo, x86_64-w64-mingw32-gcc)"
scripts/winres.sh "$SRC/cmd/sfconnect/rsrc_windows_amd64.syso" sfconnect "sfconnect" "$VERSION"
mkdir -p "$OUT/windows"
# `fyne build` (unlike `fyne package`) leaves FyneApp.toml alone; it injects
# the app metadata, adds -H=windowsgui and the release tag. Our .syso brings
# the multi-size icon, VERSIONINFO and manifest. Extra -ldflags reach it only
# through GOFLAGS, one -ldflags= per space-free flag.
(cd "$SRC/cmd/sfconnect" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
	GOFLAGS="${GOFLAGS:-} $(ldflags_as_goflags "$LDX")" \
	"$FYNE" build -os windows --release --tags "$GUI_TAGS" -o "$OUT/windows/sfconnect.exe")
cp "$OUT/cli-windows-amd64/sfconnect-cli.exe" "$OUT/windows/sfconnect-cli.exe"
step_done

step "Authenticode"
sign_files "$OUT/windows/sfconnect.exe" "$OUT/windows/sfconnect-cli.exe"
cp "$OUT/windows/sfconnect-cli.exe" "$OUT/cli-windows-amd64/sfconnect-cli.exe"
step_done

step "CLI archives"
for d in "$OUT"/cli-*; do
	platform=${d##*/cli-}
	name=sfconnect-cli-$VERSION-$platform
	mkdir -p "$STAGE/arc/$name"
	cp "$d"/* "$STAGE/arc/$name/"
	for doc in README.md LICENSE LICENSE.md LICENSE.txt; do
		[[ -f $doc ]] && cp "$doc" "$STAGE/arc/$name/"
	done
	if [[ $platform == windows-* ]]; then
		(cd "$STAGE/arc" && zip -qr -X "$DIST/$name.zip" "$name")
	else
		tar -C "$STAGE/arc" --owner=0 --group=0 --mtime="$DATE" -czf "$DIST/$name.tar.gz" "$name"
	fi
	echo "  $name"
done
step_done

step "MSI (wixl $(wixl --version))"
MSI=$DIST/sfconnect-$VERSION-windows-amd64.msi
# wixl takes paths relative to the .wxs folder only.
rel() { realpath --relative-to="$ROOT/packaging/windows" "$1"; }
(cd packaging/windows && wixl -a x64 -D Version="$VERSION" \
	-D GuiExe="$(rel "$OUT/windows/sfconnect.exe")" \
	-D CliExe="$(rel "$OUT/windows/sfconnect-cli.exe")" \
	-D IconFile=sfconnect.ico \
	-o "$MSI" sfconnect.wxs)
sign_files "$MSI"
step_done

if [[ ${DIST_SKIP_LINUX_GUI:-} == 1 ]]; then
	warn "DIST_SKIP_LINUX_GUI=1: no Linux GUI tarball"
else
	step "Linux GUI tarball (fyne package -os linux)"
	(cd "$SRC/cmd/sfconnect" && GOFLAGS="${GOFLAGS:-} $(ldflags_as_goflags "$LDX")" \
		"$FYNE" package -os linux --release --tags "$GUI_TAGS")
	mv "$SRC/cmd/sfconnect/sfconnect.tar.xz" "$DIST/sfconnect-$VERSION-linux-amd64.tar.xz"
	add_font_licence "$DIST/sfconnect-$VERSION-linux-amd64.tar.xz"
	step_done
fi

(cd "$DIST" && sha256sum -- * >SHA256SUMS)
report_sizes "$MSI" "$OUT/windows/sfconnect.exe" "$OUT/windows/sfconnect-cli.exe"
log "done in $((SECONDS - T0)) s; artifacts:"
(cd "$DIST" && ls -l)
