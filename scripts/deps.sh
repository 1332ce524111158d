#!/usr/bin/env bash
# Installs what building, running and testing sfconnect needs on Debian or
# Ubuntu: Fyne's cgo/GL headers, Xvfb and CJK fonts for the GUI tests, the
# Secret Service (gnome-keyring) for the real-keychain tests, Chromium for
# the browser test, age (the hand-over interop check), wixl/msitools and
# mingw for the Windows installer, Wine to run it, and Go itself when it is
# missing or too old. Safe to run again: it only installs what is not there
# yet.
set -euo pipefail

packages=(
  build-essential pkg-config git ca-certificates curl unzip python3 python3-yaml shellcheck
  libgl1-mesa-dev xorg-dev                   # Fyne (cgo, OpenGL, X11)
  xvfb x11-utils xdotool imagemagick libgl1-mesa-dri  # GUI under a virtual display, screenshots
  fonts-noto-cjk                             # Japanese glyphs (Fyne falls back to them)
  gnome-keyring dbus-x11 libsecret-tools     # the real Secret Service for keychain tests
  chromium                                   # the real-browser test
  xdg-utils                                  # xdg-open, the Linux browser opener (internal/browser tests)
  age                                        # opens sealed exports as a receiver without sfconnect would
  wixl msitools gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 osslsigncode zip xz-utils  # installers
  wine wine64 fontconfig                     # scripts/wine-test.sh: the MSI, CLI and GUI under Wine
  python3-fonttools                          # scripts/make-font.sh (the bundled Japanese font)
)

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "deps: all system packages present"
fi

# Go: at least the toolchain go.mod names (the one place the version is
# pinned, scripts/go-version.sh reads it). Debian's golang package is older,
# so fetch the official toolchain from the Go module proxy (the same zip
# GOTOOLCHAIN uses).
want_go=$("$(dirname "$0")/go-version.sh")
need_go() {
  command -v go >/dev/null 2>&1 || return 0
  local v; v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  [ "$(printf '%s\n%s\n' "$want_go" "$v" | sort -V | head -1)" != "$want_go" ]
}
if need_go; then
  arch=$(dpkg --print-architecture)
  dest="$HOME/.local/go$want_go"
  if [ ! -x "$dest/bin/go" ]; then
    echo "deps: fetching Go $want_go from the module proxy"
    tmp=$(mktemp -d)
    curl -fsSL -o "$tmp/go.zip" "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go$want_go.linux-$arch.zip"
    unzip -q "$tmp/go.zip" -d "$tmp"
    mkdir -p "$(dirname "$dest")"
    mv "$tmp/golang.org/toolchain@v0.0.1-go$want_go.linux-$arch" "$dest"
    chmod +x "$dest"/bin/* "$dest"/pkg/tool/*/* 2>/dev/null || true
    rm -rf "$tmp"
  fi
  echo "deps: Go $want_go is at $dest/bin (add it to PATH)"
fi
