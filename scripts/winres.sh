#!/usr/bin/env bash
# winres.sh compiles the Windows resources of one sfconnect executable (icon,
# VERSIONINFO, application manifest) into a COFF object the Go linker links
# when it sits in the main package's folder as *_windows_amd64.syso.
#
#   scripts/winres.sh OUT.syso EXE_NAME DESCRIPTION VERSION
#   e.g. scripts/winres.sh stage/cmd/sfconnect/rsrc_windows_amd64.syso sfconnect "sfconnect" 0.1.0
#
# Needs x86_64-w64-mingw32-windres (Debian: binutils-mingw-w64-x86-64) and the
# mingw headers for winver.h (gcc-mingw-w64-x86-64).
set -euo pipefail
[[ $# -eq 4 ]] || { echo "usage: $0 OUT.syso EXE_NAME DESCRIPTION VERSION" >&2; exit 2; }
out=$1 exe=$2 desc=$3 version=$4
root=$(cd "$(dirname "$0")/.." && pwd)
windres=${WINDRES:-x86_64-w64-mingw32-windres}
command -v "$windres" >/dev/null || { echo "winres: $windres not found (apt-get install binutils-mingw-w64-x86-64)" >&2; exit 1; }
[[ $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || { echo "winres: version $version is not X.Y.Z" >&2; exit 1; }
v1=${BASH_REMATCH[1]} v2=${BASH_REMATCH[2]} v3=${BASH_REMATCH[3]}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s/@VERSION4@/$version.0/" "$root/packaging/windows/sfconnect.exe.manifest" >"$tmp/app.manifest"
cp "$root/packaging/windows/sfconnect.ico" "$tmp/app.ico"
sed -e "s|@ICON@|app.ico|" -e "s|@MANIFEST@|app.manifest|" \
	-e "s|@V1@|$v1|g" -e "s|@V2@|$v2|g" -e "s|@V3@|$v3|g" \
	-e "s|@VERSION@|$version|g" -e "s|@EXE@|$exe|g" -e "s|@DESCRIPTION@|$desc|g" \
	"$root/packaging/windows/resources.rc.in" >"$tmp/app.rc"
# windres resolves the icon and manifest relative to the working directory.
(cd "$tmp" && "$windres" --target=pe-x86-64 -O coff -i app.rc -o app.syso)
mkdir -p "$(dirname "$out")"
mv "$tmp/app.syso" "$out"
