# shellcheck shell=bash
# wine-steps.sh: the steps of scripts/wine-test.sh (sourced, not run), in
# the order the harness runs them; each step is a function of checks.

# The older build for the upgrade: the same exes re-packed by wixl with a
# lower version (no second cross-build), its CLI marked by a few bytes
# appended after the PE image, which Windows ignores, so that "the new
# files were installed" can be seen.
OLD_VERSION=$(awk -F. '{ if ($3 > 0) print $1 "." $2 "." $3 - 1; else if ($2 > 0) print $1 "." $2 - 1 ".999"; else print $1 - 1 ".999.999" }' <<<"$VERSION")
make_old_msi() {
	mkdir -p "$WORK/new" "$WORK/old"
	msiextract -C "$WORK/new" "$MSI" >/dev/null
	NEW_GUI=$(find "$WORK/new" -name sfconnect.exe | head -n 1)
	NEW_CLI=$(find "$WORK/new" -name sfconnect-cli.exe | head -n 1)
	cp "$NEW_GUI" "$WORK/old/sfconnect.exe"
	cp "$NEW_CLI" "$WORK/old/sfconnect-cli.exe"
	printf 'sfconnect wine-test: older build %s\n' "$OLD_VERSION" >>"$WORK/old/sfconnect-cli.exe"
	local rel
	rel() { realpath --relative-to="$ROOT/packaging/windows" "$1"; }
	(cd "$ROOT/packaging/windows" && wixl -a x64 -D Version="$OLD_VERSION" \
		-D GuiExe="$(rel "$WORK/old/sfconnect.exe")" -D CliExe="$(rel "$WORK/old/sfconnect-cli.exe")" \
		-D IconFile=sfconnect.ico -o "$WORK/old/sfconnect-$OLD_VERSION.msi" sfconnect.wxs)
	OLD_MSI=$WORK/old/sfconnect-$OLD_VERSION.msi
	OLD_CODE=$(msi_prop "$OLD_MSI" ProductCode)
}

sha() { sha256sum "$1" | cut -d' ' -f1; }
wincheck() { wine "$WORK/wincheck.exe" "$@" 2>&1; }

check_no_cjk_font() {
	local found n
	found=$(cjk_fonts_in_prefix)
	n=$(find "$WINEPREFIX/drive_c/windows/Fonts" -type f 2>/dev/null | wc -l)
	if [[ -z $found ]]; then
		check_ok "no font covering Japanese where Fyne looks on Windows ($n font files in C:\\windows\\Fonts)"
	else
		check_fail "the prefix has Japanese fonts, the glyph check would prove nothing: $found"
	fi
}

install_old() {
	make_old_msi
	if wine msiexec /i "$(winpath "$OLD_MSI")" /qn /l*v "$(winpath "$WORK/install-old.log")"; then
		check_ok "msiexec /i $(basename "$OLD_MSI") /qn"
	else
		check_fail "msiexec /i $(basename "$OLD_MSI") /qn failed (log: install-old.log)"
	fi
	expect "sfconnect.exe in %LOCALAPPDATA%\\Programs\\sfconnect" test -f "$INSTALL_DIR/sfconnect.exe"
	expect "the older sfconnect-cli.exe installed" test "$(sha "$INSTALL_DIR/sfconnect-cli.exe")" = "$(sha "$WORK/old/sfconnect-cli.exe")"
	local got
	got=$(wincheck product "$OLD_CODE")
	expect "Windows Installer: $OLD_CODE installed, version $OLD_VERSION ($got)" test "$got" = "state=default version=$OLD_VERSION"
}

upgrade() {
	if wine msiexec /i "$(winpath "$MSI")" /qn /l*v "$(winpath "$WORK/install-new.log")"; then
		check_ok "msiexec /i $(basename "$MSI") /qn over $OLD_VERSION"
	else
		check_fail "msiexec /i $(basename "$MSI") /qn failed (log: install-new.log)"
	fi
	local family new old
	family=$(wincheck related "$UPGRADE_CODE" | tr -d '\r' | paste -sd' ')
	expect "one product of the family left: $NEW_CODE (got: $family)" test "$family" = "$NEW_CODE"
	new=$(wincheck product "$NEW_CODE")
	expect "$NEW_CODE installed, version $VERSION ($new)" test "$new" = "state=default version=$VERSION"
	old=$(wincheck product "$OLD_CODE")
	expect "$OLD_CODE ($OLD_VERSION) removed ($old)" test "$old" = "state=unknown version="
	expect "the new sfconnect-cli.exe replaced the old one" test "$(sha "$INSTALL_DIR/sfconnect-cli.exe")" = "$(sha "$NEW_CLI")"
	expect "the new sfconnect.exe is installed" test "$(sha "$INSTALL_DIR/sfconnect.exe")" = "$(sha "$NEW_GUI")"
	expect "the bundled font's licence is installed: licenses\\OFL-NotoSansCJKjp.txt" \
		cmp "$INSTALL_DIR/licenses/OFL-NotoSansCJKjp.txt" "$ROOT/assets/fonts/OFL.txt"
	local lnk="$APPDATA_DIR/Microsoft/Windows/Start Menu/Programs/sfconnect.lnk"
	expect "Start-menu shortcut sfconnect.lnk, pointing at sfconnect.exe" \
		bash -c 'strings "$1" | grep -qiF "\Programs\sfconnect\sfconnect.exe"' _ "$lnk"
	expect "HKCU\\Software\\sfconnect InstallDir registered" \
		bash -c 'wine reg query "HKCU\\Software\\sfconnect" /v InstallDir | grep -qi "Programs\\\\sfconnect"'
}

# show prints CLI output indented, without the query of URLs: the sign-in
# URL carries the state, which stays out of logs.
show() { sed -E -e 's/^/         | /' -e 's/(https?:[^ ?]*)\?[^ ]*/\1?…/g' "$@"; }

# cli runs the installed CLI with stdout and stderr into $WORK/cli.out,
# $WORK/cli.err (also shown).
cli() {
	local rc=0
	wine "$INSTALL_DIR/sfconnect-cli.exe" "$@" >"$WORK/cli.out" 2>"$WORK/cli.err" || rc=$?
	show "$WORK/cli.out" "$WORK/cli.err"
	return $rc
}

cli_version() {
	cli --version || true
	expect "sfconnect-cli.exe --version says $VERSION on windows/amd64" \
		grep -q "sfconnect $VERSION .*windows/amd64" "$WORK/cli.out"
}

start_fakesf() {
	SF_PORT=$(free_port) CB_PORT=$(free_port)
	CLIENT_ID="3MVG9wine$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
	CLIENT_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
	CALLBACK=http://localhost:$CB_PORT/callback
	: >"$WORK/issued"
	: >"$WORK/revoked"
	python3 testdata/fakesf/fakesf.py --port "$SF_PORT" --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" \
		--redirect "$CALLBACK" --issued "$WORK/issued" --revoked "$WORK/revoked" 2>"$WORK/fakesf.log" &
	FAKESF_PID=$!
	for _ in $(seq 50); do curl -fs "http://127.0.0.1:$SF_PORT/services/data/" >/dev/null && return 0; sleep 0.1; done
	return 1
}

# login NAME [FLAG...]: sfconnect-cli login against fakesf; the secret
# comes from the environment (Wine hands it to the Windows process).
login() {
	SFCONNECT_CLIENT_SECRET=$CLIENT_SECRET cli login --profile "$1" --org acme --client-id "$CLIENT_ID" \
		--callback "$CALLBACK" --login-url "http://127.0.0.1:$SF_PORT" --timeout 90s "${@:2}"
}

cli_login() {
	start_fakesf || { check_fail "fakesf did not start"; return 1; }
	: >"$WORK/browser.log"
	if login wine-a; then check_ok "login exit 0"; else check_fail "login failed"; fi
	expect "saved: $(tail -n 1 "$WORK/cli.out")" grep -q 'Saved profile "wine-a"' "$WORK/cli.out"
	expect "the browser (winebrowser -> browser.sh) opened the sign-in page" \
		grep -qxF "opened http://127.0.0.1:$SF_PORT/services/oauth2/authorize" "$WORK/browser.log"
	ISSUED_A=$(tail -n 1 "$WORK/issued")
	expect "the server issued a refresh token" test -n "$ISSUED_A"
	PROFILE_A=$APPDATA_DIR/sfconnect/wine-a.json
	expect "profile in %APPDATA%\\sfconnect\\wine-a.json" test -f "$PROFILE_A"
	local k
	for k in client_secret refresh_token; do
		expect "Credential Manager (CredWrite) holds sfconnect:wine-a:$k" \
			bash -c '[[ $(wine "$1" cred "$2" 2>&1) == present* ]]' _ "$WORK/wincheck.exe" "sfconnect:wine-a:$k"
	done
	expect "no secret in the profile folder or the output" \
		bash -c '! grep -rqF -e "$1" -e "$2" "$3" "$4" "$5"' _ "$ISSUED_A" "$CLIENT_SECRET" "$APPDATA_DIR/sfconnect" "$WORK/cli.out" "$WORK/cli.err"
}

cli_acl() {
	local probe
	probe=$(wincheck acl-probe "$(winpath "$WORK")" | tr -d '\r')
	if [[ $probe != kept ]]; then
		echo "    skip this Wine does not keep file DACLs ($probe): the owner-only ACL is checked on real Windows only"
		return 77
	fi
	if wincheck owner-only "$(winpath "$PROFILE_A")" | sed 's/^/         /'; then
		check_ok "wine-a.json: protected DACL, full control for the current user only"
	else
		check_fail "wine-a.json is not owner-only"
	fi
}

# cli_login_no_browser: with no program registered for http(s) links,
# ShellExecute fails; the CLI must say so, print the URL and keep waiting.
# The admin (the harness) opens the URL by hand and the sign-in completes.
cli_login_no_browser() {
	wine reg export 'HKCR\http' "$(winpath "$WORK/http.reg")" /y >/dev/null 2>&1
	wine reg delete 'HKCR\http' /f >/dev/null 2>&1
	: >"$WORK/browser.log"
	login wine-b >/dev/null &
	local pid=$! url="" i
	for ((i = 0; i < 120; i++)); do
		url=$(grep -m 1 "^http://127.0.0.1:$SF_PORT/services/oauth2/authorize?" "$WORK/cli.out" 2>/dev/null || true)
		[[ -n $url ]] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	expect "the CLI says the browser could not be opened" grep -q "The browser could not be opened" "$WORK/cli.err"
	expect "and prints the sign-in URL" test -n "$url"
	expect "no browser was started" test ! -s "$WORK/browser.log"
	[[ -n $url ]] && "$ROOT/packaging/wine/browser.sh" "$WORK/browser.log" "$url"
	if wait "$pid"; then check_ok "login exit 0 after the URL was opened by hand"; else check_fail "login failed"; fi
	show "$WORK/cli.err" "$WORK/cli.out"
	expect "saved profile wine-b" grep -q 'Saved profile "wine-b"' "$WORK/cli.out"
	wine reg import "$(winpath "$WORK/http.reg")" >/dev/null 2>&1
	expect "the http association is back" wine reg query 'HKCR\http\shell\open\command'
}

# cli_login_quoted_browser: --browser names a browser under "C:\Program
# Files\..." in quotes, as a Windows admin writes it; the CLI splits it by
# Windows' rules, so the path keeps its space and the URL comes last.
cli_login_quoted_browser() {
	local dir="$WINEPREFIX/drive_c/Program Files/sfconnect test" args=$WORK/browser-args.log
	mkdir -p "$dir" && cp "$WORK/wincheck.exe" "$dir/wincheck.exe"
	: >"$args"
	: >"$WORK/browser.log"
	if login wine-q --browser "\"C:\\Program Files\\sfconnect test\\wincheck.exe\" browser \"$(winpath "$args")\""; then
		check_ok "login exit 0"
	else
		check_fail "login with the quoted browser path failed"
	fi
	local want="C:\\Program Files\\sfconnect test\\wincheck.exe|http://127.0.0.1:$SF_PORT/services/oauth2/authorize"
	expect "the browser ran from its whole path and got the sign-in URL last: $(tr -d '\r' <"$args" | paste -sd'|')" \
		test "$(tr -d '\r' <"$args" | paste -sd'|')" = "$want"
	expect "and the sign-in completed" grep -q 'Saved profile "wine-q"' "$WORK/cli.out"
	cli delete --profile wine-q --no-revoke >/dev/null || check_fail "delete --no-revoke wine-q"
}

cli_list_export() {
	cli list || true
	expect "list shows wine-a" grep -q '^wine-a ' "$WORK/cli.out"
	expect "list shows wine-b" grep -q '^wine-b ' "$WORK/cli.out"
	local out=$WORK/export-a.json
	cli export --profile wine-a -o "$(winpath "$out")" || true
	expect "export wrote a sfconnect profile" grep -q '"format": "sfconnect-profile"' "$out"
	expect "without --include-secrets it holds no secret" bash -c '! grep -q -e "\"refresh_token\":" -e "\"client_secret\":" "$1"' _ "$out"
}

INET='HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings'

# inet_settings FLAGS PROXY PAC-URL: writes Internet Options' binary
# Connections\DefaultConnectionSettings, which WinHTTP (and so go-ieproxy)
# reads first: a header (magic 0x46, counter, flags 1 direct | 2 proxy |
# 4 automatic configuration script), then length-prefixed proxy, bypass and
# script URL strings (Wine's WinHttpGetIEProxyConfigForCurrentUser, in
# dlls/winhttp/session.c, reads them in this order). Without the blob, Wine
# reports "detect automatically".
inet_settings() {
	local blob
	blob=$(python3 -c 'import struct, sys
f, p, b, u = int(sys.argv[1]), sys.argv[2].encode(), b"<local>", sys.argv[3].encode()
print((struct.pack("<III", 0x46, 0, f) + b"".join(struct.pack("<I", len(s)) + s for s in (p, b, u))
       + bytes(32)).hex())' "$1" "$2" "$3")
	reg_set "$INET\\Connections" DefaultConnectionSettings REG_BINARY "$blob"
}

# inet_proxy HOST:PORT | off: sets the proxy as Internet Options does: the
# ProxyEnable/ProxyServer values and the blob; off also clears the
# automatic configuration script.
inet_proxy() {
	local server=$1 enable=1 flags=3
	[[ $server == off ]] && { server=""; enable=0; flags=1; }
	reg_set "$INET" ProxyEnable REG_DWORD $enable
	reg_set "$INET" ProxyServer REG_SZ "$server"
	reg_set "$INET" ProxyOverride REG_SZ "<local>"
	wine reg delete "$INET" /v AutoConfigURL /f >/dev/null 2>&1 || true
	inet_settings $flags "$server" ""
}

# inet_pac URL: "Use automatic configuration script" with URL, no fixed
# proxy, as the dialog writes it (AutoConfigURL and flag 4 in the blob).
inet_pac() {
	reg_set "$INET" ProxyEnable REG_DWORD 0
	reg_set "$INET" AutoConfigURL REG_SZ "$1"
	inet_settings 5 "" "$1"
}

# import_proxied imports wine-proxied, a connection to an org at
# https://sfconnect-wine-proxy.my.salesforce.com that only the counting
# proxy ever sees (it forwards nothing).
import_proxied() {
	cat >"$WORK/proxied.json" <<-'JSON'
		{"format": "sfconnect-profile", "version": 1, "name": "wine-proxied",
		 "connection": {"namespace": "sfconnect-wine-proxy", "client_id": "3MVG9proxied",
		   "client_secret": "proxied-secret", "refresh_token": "proxied-refresh", "matching_attribute": "Username"},
		 "salesforce": {"login_url": "https://sfconnect-wine-proxy.my.salesforce.com", "callback_url": "http://localhost/",
		   "instance_url": "https://sfconnect-wine-proxy.my.salesforce.com", "username": "admin@proxied.example",
		   "scopes": ["api", "refresh_token"], "authorized_at": "2025-06-01T09:30:00Z"}}
	JSON
	cli import "$(winpath "$WORK/proxied.json")" || check_fail "import of a profile at https://sfconnect-wine-proxy.my.salesforce.com"
}

# cli_proxy: with a proxy in Internet Options (what a Windows admin's
# company sets), the CLI's call to Salesforce goes through it. The proxy
# answers 502, so nothing leaves this machine.
cli_proxy() {
	python3 packaging/wine/countproxy.py "$WORK/proxy.port" "$WORK/proxy.log" &
	PROXY_PID=$!
	: >"$WORK/proxy.log"
	local i
	for ((i = 0; i < 100; i++)); do [[ -s $WORK/proxy.port ]] && break; sleep 0.1; done
	[[ -s $WORK/proxy.port ]] || { check_fail "the counting proxy did not start"; return 1; }
	inet_proxy "127.0.0.1:$(cat "$WORK/proxy.port")"
	wine reg query "$INET" | grep -i proxy | show
	import_proxied
	if cli verify --profile wine-proxied; then check_fail "verify succeeded, past a proxy that forwards nothing"; fi
	expect "the proxy counted CONNECT sfconnect-wine-proxy.my.salesforce.com:443" \
		grep -qxF "CONNECT sfconnect-wine-proxy.my.salesforce.com:443" "$WORK/proxy.log"
	expect "verify names the proxy's refusal, as the preflight does, not a raw error" \
		grep -q "could not reach Salesforce (HTTP 502)" "$WORK/cli.err"
	cli delete --profile wine-proxied --no-revoke >/dev/null || check_fail "delete --no-revoke wine-proxied"
}

cli_delete() {
	local before
	before=$(wc -l <"$WORK/proxy.log")
	cli delete --profile wine-a || check_fail "delete exit status"
	expect "the refresh token of wine-a was revoked at the server" grep -qxF "$ISSUED_A" "$WORK/revoked"
	expect "the calls to the loopback server did not go through the proxy" test "$(wc -l <"$WORK/proxy.log")" = "$before"
	expect "wine-a.json removed" test ! -e "$PROFILE_A"
	expect "its credentials removed" \
		bash -c '[[ $(wine "$1" cred sfconnect:wine-a:refresh_token 2>&1) == absent* ]]' _ "$WORK/wincheck.exe"
	inet_proxy off
}

# Windows runs PAC files with WinHTTP (Wine: winhttp.dll fetches the file,
# jsproxy.dll runs it with jscript.dll); sfconnect links no JavaScript
# engine of its own there. The counting proxy serves its own PAC file
# (countproxy.py): *.salesforce.com through it, the rest direct.
pac_url() { echo "http://127.0.0.1:$(cat "$WORK/proxy.port")/$1.pac"; }

# proxied_verify PAC-NAME [FLAG...]: verify wine-proxied, which must fail at
# the proxy, and check from the proxy's log that WinHTTP fetched PAC-NAME
# and that the call then went where the script said.
proxied_verify() {
	local name=$1 before
	shift
	before=$(wc -l <"$WORK/proxy.log")
	if cli verify --profile wine-proxied "$@"; then check_fail "verify succeeded, past a proxy that forwards nothing"; fi
	tail -n +"$((before + 1))" "$WORK/proxy.log" >"$WORK/proxy.new"
	show "$WORK/proxy.new"
	expect "WinHTTP fetched the PAC file (GET /$name.pac)" grep -qxF "GET /$name.pac" "$WORK/proxy.new"
	expect "the call to Salesforce went to the proxy the script names (CONNECT sfconnect-wine-proxy.my.salesforce.com:443)" \
		grep -qxF "CONNECT sfconnect-wine-proxy.my.salesforce.com:443" "$WORK/proxy.new"
	expect "verify names the proxy's refusal, as with a fixed proxy" grep -q "could not reach Salesforce (HTTP 502)" "$WORK/cli.err"
}

# cli_pac_setting: the app's own PAC setting, --pac on a profile command.
cli_pac_setting() {
	local pac port
	pac=$(pac_url x) port=$(cat "$WORK/proxy.port")
	import_proxied
	proxied_verify x --pac "$pac"
	cli doctor --profile wine-proxied --pac "$pac" >/dev/null || true
	expect "doctor: the PAC file $pac set in sfconnect answered \"PROXY 127.0.0.1:$port\"" \
		grep -qF "the PAC file $pac set in sfconnect answered \"PROXY 127.0.0.1:$port\"" "$WORK/cli.out"
	# A file that cannot be fetched is the same typed error as on Linux.
	cli doctor --profile wine-proxied --pac "http://127.0.0.1:$port/missing" >/dev/null || true
	expect "doctor: a PAC file that cannot be fetched \"could not be downloaded\"" \
		grep -qF "The PAC file http://127.0.0.1:$port/missing could not be downloaded" "$WORK/cli.out" "$WORK/cli.err"
}

# cli_pac_system: Internet Options' "Use automatic configuration script".
cli_pac_system() {
	local pac port
	pac=$(pac_url system) port=$(cat "$WORK/proxy.port")
	inet_pac "$pac"
	wine reg query "$INET" | grep -i -e proxy -e autoconfig | show
	proxied_verify system
	cli doctor --profile wine-proxied >/dev/null || true
	expect "doctor: the system's automatic configuration script $pac answered \"PROXY 127.0.0.1:$port\"" \
		grep -qF "the system's automatic configuration script $pac answered \"PROXY 127.0.0.1:$port\"" "$WORK/cli.out"
	inet_proxy off
	cli delete --profile wine-proxied --no-revoke >/dev/null || check_fail "delete --no-revoke wine-proxied"
}

# netproxy_tests: internal/netproxy's tests of the PAC path, cross-built
# for Windows, against Wine's WinHTTP: a PAC file by URL and as a file,
# the typed failures (not found, no server, script errors), the system's
# script before its fixed proxy, a real call through the proxy it names.
netproxy_tests() {
	if wine "$WORK/netproxy.test.exe" -test.run 'PAC|WinHTTP|WPAD|TheProxyIsChosen' -test.v >"$WORK/netproxy.log" 2>&1; then
		check_ok "netproxy.test.exe: $(grep -c '^--- PASS' "$WORK/netproxy.log") tests passed"
	else
		check_fail "netproxy.test.exe failed (log: netproxy.log)"
	fi
	{ grep -E '^(--- FAIL|    .*_test\.go)' "$WORK/netproxy.log" || true; } | show
}

# cli_orphans: credentials whose profile file is gone are found by
# enumerating Credential Manager (CredEnumerate with the filter
# "sfconnect:*"), an import under their name refuses to take them over, and
# they are removed on request. The store lock (LockFileEx) is held by each
# import. wine-b stays for the uninstall step.
cli_orphans() {
	local file=$WORK/export-c.json
	cli export --profile wine-b --include-secrets -o "$(winpath "$file")" || check_fail "export wine-b"
	cli import --profile wine-c "$(winpath "$file")" || check_fail "import as wine-c"
	rm -f "$APPDATA_DIR/sfconnect/wine-c.json"
	cli list --orphans || true
	expect "list --orphans finds wine-c's credentials" grep -q 'wine-c' "$WORK/cli.out"
	expect "and not wine-b's, whose profile is there" bash -c '! grep -q wine-b "$1"' _ "$WORK/cli.out"
	cli import --profile wine-c "$(winpath "$file")" && check_fail "import over the orphans succeeded"
	expect "import refuses them" grep -q 'belong to no saved connection' "$WORK/cli.err"
	cli list --orphans --remove || check_fail "list --orphans --remove"
	expect "they are removed" \
		bash -c '[[ $(wine "$1" cred sfconnect:wine-c:refresh_token 2>&1) == absent* ]]' _ "$WORK/wincheck.exe"
	rm -f "$file"
}

gui_demo_ja() {
	if gui_start ja --demo; then check_ok "window up, screen home"; else
		check_fail "no sfconnect window (log: gui.log)"
		gui_stop
		return 1
	fi
	if wait_for_line "$WORK/trace" "screen prepare" 30; then check_ok "--demo opened the demo wizard"; else check_fail "no demo wizard"; fi
	expect "the window is in Japanese (trace: lang ja)" trace_lang ja
	gui_shot gui-ja-prepare -glyphs -script ja -light || check_fail "ja screenshot of Prepare: blank, tofu, not Japanese or not light"
	local screen
	for screen in credentials authorize; do
		gui_key Return
		if wait_for_line "$WORK/trace" "screen $screen" 20; then check_ok "Enter -> $screen"; else check_fail "Enter did not lead to $screen"; fi
	done
	: >"$WORK/browser.log"
	gui_key Return # "Open the browser and sign in": ShellExecute -> winebrowser -> browser.sh
	if wait_for_line "$WORK/trace" "screen result" 60; then check_ok "Enter -> browser -> result"; else check_fail "the demo did not reach the Result screen"; fi
	expect "the browser clicked Allow on the simulator's consent page" grep -q "allowed on the consent page" "$WORK/browser.log"
	gui_shot gui-ja-result -glyphs -script ja -light || check_fail "ja screenshot of Result: blank, tofu, not Japanese or not light"
	expect "every screen was in Japanese (trace: lang ja)" trace_lang ja
	gui_stop
}

gui_en() {
	if gui_start en; then check_ok "window up, screen home"; else
		check_fail "no sfconnect window (log: gui.log)"
		gui_stop
		return 1
	fi
	expect "the window is in English (trace: lang en)" trace_lang en
	# The glyph limits measured for Japanese hold for English too: 137
	# shapes on Home (the commonest 5% of the cells), 96-193 on the English
	# goldens of ui/, against 24 for tofu (packaging/wine/shotcheck).
	gui_shot gui-en-home -glyphs -script latin -light || check_fail "en screenshot of Home: blank, tofu, not Latin text or not light"
	gui_stop
}

uninstall() {
	if wine msiexec /x "$NEW_CODE" /qn /l*v "$(winpath "$WORK/uninstall.log")"; then
		check_ok "msiexec /x $NEW_CODE /qn"
	else
		check_fail "msiexec /x failed (log: uninstall.log)"
	fi
	expect "the program folder is gone (both exes, licenses\\)" test ! -e "$INSTALL_DIR"
	expect "the Start-menu shortcut is gone" test ! -e "$APPDATA_DIR/Microsoft/Windows/Start Menu/Programs/sfconnect.lnk"
	local state
	state=$(wincheck product "$NEW_CODE")
	expect "Windows Installer: not installed ($state)" test "$state" = "state=unknown version="
	expect "%APPDATA%\\sfconnect\\wine-b.json kept" test -f "$APPDATA_DIR/sfconnect/wine-b.json"
	expect "the credentials of wine-b kept" \
		bash -c '[[ $(wine "$1" cred sfconnect:wine-b:refresh_token 2>&1) == present* ]]' _ "$WORK/wincheck.exe"
}
