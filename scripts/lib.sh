# Shared by the scripts: Go on PATH (also the one deps.sh may have fetched),
# a UTF-8 English locale for tests (not C: Fyne and go-i18n read it).
if [ -x "$HOME/.local/go1.26.8/bin/go" ] && ! command -v go >/dev/null 2>&1; then
  export PATH="$HOME/.local/go1.26.8/bin:$PATH"
fi
if [ -d /usr/local/go/bin ]; then export PATH="/usr/local/go/bin:$PATH"; fi
export LANG=en_US.UTF-8
export CGO_ENABLED=1
