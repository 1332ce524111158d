#!/usr/bin/env bash
# bench.sh (`make bench`): measures sfconnect's speed and footprint and
# writes BENCHMARKS.md (issue 12). It prints figures and never fails on a
# time; it fails only when something could not be measured. Not part of
# scripts/test.sh.
#
#   1. builds into a scratch folder, with the release flags: sfconnect-cli
#      (CGO_ENABLED=0), the GUI and a Fyne hello world (scripts/bench/hellofyne)
#      with the release's build tags,
#      a Go hello world (scripts/bench/hellogo), the stamp "browser"
#      (scripts/bench/stamp, C) and the measuring program (scripts/bench/measure);
#   2. installs Node 22 and the Salesforce CLI with npm, once, into
#      ${XDG_CACHE_HOME:-~/.cache}/sfconnect-bench/sf (its open/xdg-open is
#      replaced by stamp there, so that copy is for benchmarks only);
#   3. builds the release artifacts with scripts/dist.sh, for their sizes;
#   4. runs measure under a private Secret Service (scripts/with-keyring.sh).
#
# Environment: BENCH_RUNS (sfconnect-cli sign-ins, 20), BENCH_SF_RUNS (5),
# BENCH_GUI_RUNS (7 per app and locale), BENCH_PARTS (cli,go,gui,sizes),
# BENCH_SKIP_SF=1 (no Salesforce CLI), BENCH_SKIP_DIST=1 (no sizes),
# BENCH_SF_VERSION (npm version of @salesforce/cli, default pinned below),
# BENCH_OUT (default BENCHMARKS.md). The Salesforce CLI is installed only
# for the cli part and the release artifacts built only for sizes, so
#   BENCH_PARTS=gui BENCH_OUT=/tmp/gui.md scripts/bench.sh
# measures the GUI alone (about 2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ROOT=$PWD

SF_VERSION=${BENCH_SF_VERSION:-2.146.3}
NODE_VERSION=22
die() { echo "bench: $*" >&2; exit 1; }
for tool in go gcc Xvfb tar unzip msiextract; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found: run scripts/deps.sh first"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=$work/bin
mkdir -p "$bin"

echo "bench: building into $bin"
release=(-trimpath -ldflags "-s -w")
# The windows are built as `fyne build --release --tags "$GUI_TAGS"` builds
# the shipped GUI (scripts/dist.sh): without the release tag Fyne runs in
# its development mode, which at every start reads FyneApp.toml from the
# working directory and decodes and scales the 1024 px icon it names.
gui_tags=release,$(. scripts/dist-lib.sh && echo "$GUI_TAGS")
CGO_ENABLED=0 go build "${release[@]}" -o "$bin/sfconnect-cli" ./cmd/sfconnect-cli
CGO_ENABLED=0 go build "${release[@]}" -o "$bin/hellogo" ./scripts/bench/hellogo
go build "${release[@]}" -tags "$gui_tags" -o "$bin/sfconnect" ./cmd/sfconnect
go build "${release[@]}" -tags "$gui_tags" -o "$bin/hellofyne" ./scripts/bench/hellofyne
go build -o "$bin/measure" ./scripts/bench/measure
gcc -O2 -Wall -static -o "$bin/stamp" \
	-DSTAMP_FILE="\"$work/stamps\"" -DFETCHER="\"$bin/measure\"" scripts/bench/stamp/stamp.c

sf_args=()
if [ "${BENCH_SKIP_SF:-}" != 1 ] && [[ ${BENCH_PARTS:-cli} == *cli* ]]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "bench: installing npm (Debian package) for the Salesforce CLI"
		sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
		$sudo apt-get install -y --no-install-recommends npm
	fi
	sf_dir=${XDG_CACHE_HOME:-$HOME/.cache}/sfconnect-bench/sf-$SF_VERSION
	if [ ! -x "$sf_dir/node_modules/.bin/sf" ] || [ ! -x "$sf_dir/node_modules/.bin/node" ]; then
		echo "bench: installing node@$NODE_VERSION and @salesforce/cli@$SF_VERSION into $sf_dir (once)"
		mkdir -p "$sf_dir"
		(cd "$sf_dir" && npm install --no-audit --no-fund --loglevel=error \
			"node@$NODE_VERSION" "@salesforce/cli@$SF_VERSION")
	fi
	sf_args=(-sf "$sf_dir")
fi

dist_args=()
if [ "${BENCH_SKIP_DIST:-}" != 1 ] && [[ ${BENCH_PARTS:-sizes} == *sizes* ]]; then
	echo "bench: building the release artifacts (scripts/dist.sh) for their sizes"
	DIST_DIR=$work/dist scripts/dist.sh >"$work/dist.log" 2>&1 || { tail -30 "$work/dist.log"; die "scripts/dist.sh failed"; }
	dist_args=(-dist "$work/dist")
fi

scripts/with-keyring.sh "$bin/measure" -bin "$bin" -repo "$ROOT" -work "$work" \
	"${sf_args[@]}" "${dist_args[@]}" -notes scripts/bench/NOTES.md \
	-out "${BENCH_OUT:-$ROOT/BENCHMARKS.md}" -parts "${BENCH_PARTS:-cli,go,gui,sizes}" \
	-runs "${BENCH_RUNS:-20}" -sf-runs "${BENCH_SF_RUNS:-5}" -gui-runs "${BENCH_GUI_RUNS:-7}"
echo "bench: wrote ${BENCH_OUT:-BENCHMARKS.md}"
