# Shared by the scripts: Go on PATH (also the one deps.sh may have fetched,
# of the version go.mod pins), a UTF-8 English locale for tests (not C: Fyne
# and go-i18n read it).
_go_fetched="$HOME/.local/go$("$(dirname "${BASH_SOURCE[0]}")/go-version.sh")/bin"
if [ -d /usr/local/go/bin ]; then export PATH="/usr/local/go/bin:$PATH"; fi
# deps.sh fetches the pinned Go only when the machine's is older: it wins.
if [ -x "$_go_fetched/go" ]; then export PATH="$_go_fetched:$PATH"; fi
unset _go_fetched
export LANG=en_US.UTF-8
export CGO_ENABLED=1
