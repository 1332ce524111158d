# shellcheck shell=bash
# wine-lib.sh: helpers of scripts/wine-test.sh (sourced, not run): a private
# X display, a fresh Wine prefix that can run Go programs, and small checks.
# Expects ROOT and WORK to be set by the caller.
# shellcheck disable=SC2034 # variables set here are read by the caller

# Check results: check_ok/check_fail print one line each; a step passes
# when none of its checks failed.
STEP_FAILED=0
check_ok() { echo "    ok   $*"; }
check_fail() {
	echo "    FAIL $*"
	STEP_FAILED=1
}
# expect DESCRIPTION COMMAND...: ok when the command succeeds.
expect() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then check_ok "$what"; else check_fail "$what"; fi
}

need_tool() { command -v "$1" >/dev/null 2>&1 || { echo "wine-test: $1 not found (apt-get install $2)" >&2; exit 1; }; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_xvfb starts a private X server and sets DISPLAY: -displayfd lets the
# server pick a free display number, so concurrent runs never collide.
start_xvfb() {
	local fifo=$WORK/displayfd
	mkfifo "$fifo"
	Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$fifo" >"$WORK/xvfb.log" 2>&1 &
	XVFB_PID=$!
	local n
	read -r -t 30 n <"$fifo" || { echo "wine-test: Xvfb did not start" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }
	export DISPLAY=:$n
}

# make_prefix builds the ProcessPrng shim from packaging/wine/processprng.c,
# creates a fresh 64-bit prefix (wineboot's first start is the slow part:
# once per run) and keeps its wineserver running until the end.
make_prefix() {
	export WINEPREFIX=$WORK/prefix WINEARCH=win64
	# No Mono or Gecko: their install prompts would hang an unattended run.
	export WINEDLLOVERRIDES="mscoree,mshtml="
	export XDG_CACHE_HOME=$WORK/cache
	x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -o "$WORK/bcryptprimitives.dll" \
		"$ROOT/packaging/wine/processprng.c" -ladvapi32
	# A persistent wineserver, started first: every later wine command
	# then skips the server start-up (-k at the end stops it).
	mkdir -p "$WINEPREFIX"
	wineserver -p
	wineboot -i >"$WORK/wineboot.log" 2>&1
	cp "$WORK/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
	WINUSER_DIR=$WINEPREFIX/drive_c/users/$(id -un)
	LOCALAPPDATA_DIR=$WINUSER_DIR/AppData/Local
	APPDATA_DIR=$WINUSER_DIR/AppData/Roaming
	INSTALL_DIR=$LOCALAPPDATA_DIR/Programs/sfconnect
}

reg_set() { # reg_set KEY NAME TYPE DATA
	wine reg add "$1" /v "$2" /t "$3" /d "$4" /f >/dev/null
}

# winpath turns a Linux path into the Z:\ path Windows programs see.
winpath() { winepath -w "$1" 2>/dev/null; }

# cjk_fonts_in_prefix lists font files of the prefix that cover Japanese:
# the folders Fyne's font lookup scans on Windows (go-text fontscan).
cjk_fonts_in_prefix() {
	local f
	for d in "$WINEPREFIX/drive_c/windows/Fonts" "$LOCALAPPDATA_DIR/Microsoft/Windows/Fonts"; do
		[[ -d $d ]] || continue
		find "$d" -type f \( -iname '*.tt[fc]' -o -iname '*.otf' -o -iname '*.otc' \) -print0 |
			while IFS= read -r -d '' f; do
				if fc-query -f '%{lang}\n' "$f" 2>/dev/null | tr '|' '\n' | grep -qx ja; then echo "$f"; fi
			done
	done
}

# wait_for_line FILE TEXT SECONDS: until FILE holds a line equal to TEXT.
wait_for_line() {
	local i
	for ((i = 0; i < $3 * 4; i++)); do
		grep -qxF "$2" "$1" 2>/dev/null && return 0
		sleep 0.25
	done
	return 1
}

# gui_start LANG ARGS...: starts the installed sfconnect.exe in LANG with the
# screen trace on, and waits for its window and its first screen.
gui_start() {
	local lang=$1 i
	shift
	: >"$WORK/trace"
	SFCONNECT_LANG=$lang SFCONNECT_TEST_TRACE=$(winpath "$WORK/trace") \
		wine "$INSTALL_DIR/sfconnect.exe" "$@" >>"$WORK/gui.log" 2>&1 &
	GUI_PID=$!
	GUI_WIN=""
	for ((i = 0; i < 120; i++)); do
		GUI_WIN=$(xdotool search --onlyvisible --name '^sfconnect' 2>/dev/null | head -n 1 || true)
		[[ -n $GUI_WIN ]] && break
		kill -0 "$GUI_PID" 2>/dev/null || break
		sleep 0.5
	done
	[[ -n $GUI_WIN ]] && wait_for_line "$WORK/trace" "screen home" 30
}

# trace_lang LANG: the window's trace names LANG as the language of every
# screen it showed (the "lang <code>" lines ui writes before each "screen").
trace_lang() {
	grep -q '^lang ' "$WORK/trace" && ! grep '^lang ' "$WORK/trace" | grep -qvxF "lang $1"
}

gui_stop() {
	if [[ -n ${GUI_PID:-} ]]; then
		kill "$GUI_PID" 2>/dev/null || true
		wait "$GUI_PID" 2>/dev/null || true
	fi
	GUI_PID=""
}

# gui_key KEY: a real key press (XTEST) into the window.
gui_key() {
	xdotool windowfocus --sync "$GUI_WIN" >/dev/null 2>&1 || true
	xdotool key "$1"
}

# gui_shot NAME SHOTCHECK-FLAGS...: screenshot of the window into
# $WORK/NAME.png, judged by packaging/wine/shotcheck.
gui_shot() {
	local name=$1 X Y WIDTH HEIGHT SCREEN WINDOW i # set by getwindowgeometry --shell
	shift
	# Wait for a still picture: the frames after a screen change differ.
	import -window root -define png:exclude-chunk=date,time "$WORK/$name.png"
	for ((i = 0; i < 15; i++)); do
		sleep 1
		mv "$WORK/$name.png" "$WORK/$name.prev.png"
		import -window root -define png:exclude-chunk=date,time "$WORK/$name.png"
		cmp -s "$WORK/$name.png" "$WORK/$name.prev.png" && break
	done
	eval "$(xdotool getwindowgeometry --shell "$GUI_WIN")"
	if [[ -n ${SFCONNECT_WINE_SHOTS:-} ]]; then
		mkdir -p "$SFCONNECT_WINE_SHOTS" && cp "$WORK/$name.png" "$SFCONNECT_WINE_SHOTS/"
	fi
	"$WORK/shotcheck" -window "$X,$Y,$WIDTH,$HEIGHT" "$@" "$WORK/$name.png" | sed 's/^/         /'
	return "${PIPESTATUS[0]}"
}
