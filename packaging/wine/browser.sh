#!/bin/sh
# browser.sh plays the browser for scripts/wine-test.sh: Wine's winebrowser
# runs it (registry HKCU\Software\Wine\WineBrowser "Browsers") when a Windows
# program opens an http(s) URL with ShellExecute, which is how sfconnect.exe
# and sfconnect-cli.exe open the sign-in page. It does what the admin does:
# loads the page, clicks Allow on the simulator's consent page if one is
# shown, and follows the redirect to the app's loopback callback.
#
#   browser.sh LOG URL
#
# LOG gets one line per step, without the query: the URL carries the state.
set -eu
PATH=/usr/bin:/bin
log=$1 url=$2
page=$(mktemp)
trap 'rm -f "$page"' EXIT
echo "opened ${url%%\?*}" >>"$log"
curl -sS -L --max-time 60 -o "$page" "$url"
token=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$page" | head -n 1)
if [ -n "$token" ]; then
	base=$(printf '%s\n' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
	curl -sS -L --max-time 60 -o "$page" --data-urlencode "form_token=$token" -d action=allow \
		"$base/services/oauth2/authorize"
	echo "allowed on the consent page" >>"$log"
fi
echo "followed the redirect to the app" >>"$log"
