#!/usr/bin/env bash
# Runs every fuzz target of sfconnect for a while (default 60 s each, after
# Go's baseline-coverage pass), one after another, and prints per target the
# executions, the new interesting inputs and whether it found a crasher.
# Not part of scripts/test.sh: `go test` there runs each target's seed corpus
# only. A crasher is written by Go to <package>/testdata/fuzz/<Target>/ and
# then replays in every `go test` run: commit it with its fix.
#
#   scripts/fuzz.sh                 every target, 60 s each (make fuzz)
#   FUZZTIME=5m scripts/fuzz.sh     longer
#   scripts/fuzz.sh ./internal/callback/   only the targets of these packages
# FUZZ_PARALLEL (default 2) sets the fuzzing workers per target. FUZZ_MINIMIZE
# (default 5s) bounds the minimizing of each new input: Go's default of 60 s
# let a target that finds many inputs early spend its whole minute
# minimizing, with no executions counted.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

fuzztime=${FUZZTIME:-60s}
parallel=${FUZZ_PARALLEL:-2}
minimize=${FUZZ_MINIMIZE:-5s}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)
logdir=$(mktemp -d "${TMPDIR:-/tmp}/sfconnect-fuzz.XXXXXX")

# "package target" pairs, from the test binaries themselves.
mapfile -t targets < <(go test -list '^Fuzz' "${pkgs[@]}" 2>/dev/null |
  awk '/^Fuzz/ {t[n++]=$1} /^ok / {for (i=0;i<n;i++) print $2, t[i]; n=0}')
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no fuzz targets found" >&2; exit 1; }
echo "fuzz: ${#targets[@]} targets, $fuzztime each, $parallel workers; logs in $logdir"

crashed=0
rows=()
for pair in "${targets[@]}"; do
  read -r pkg target <<<"$pair"
  log="$logdir/$target.log"
  start=$(date +%s)
  go test -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" \
    -parallel "$parallel" "$pkg" >"$log" 2>&1
  status=$?
  secs=$(( $(date +%s) - start ))
  last=$(grep -a '^fuzz: elapsed:.*execs:' "$log" | tail -1)
  execs=$(sed -n 's/.*execs: \([0-9]*\).*/\1/p' <<<"$last")
  new=$(sed -n 's/.*new interesting: \([0-9]*\).*/\1/p' <<<"$last")
  total=$(sed -n 's/.*(total: \([0-9]*\)).*/\1/p' <<<"$last")
  crash=0
  if [ $status -ne 0 ]; then
    crash=1; crashed=$((crashed+1))
    echo "fuzz: $target FAILED; the crasher and its output:" >&2
    grep -a -E 'Failing input written to|--- FAIL|panic:|\.go:[0-9]+:' "$log" | head -20 >&2
  fi
  rows+=("$(printf '%-44s %-26s %12s %6s %7s %7s %6ss' "${pkg#github.com/sfconnect/sfconnect/}" "$target" \
    "${execs:-?}" "${new:-?}" "${total:-?}" "$crash" "$secs")")
done

echo
printf '%-44s %-26s %12s %6s %7s %7s %7s\n' package target execs new corpus crashes time
printf '%s\n' "${rows[@]}"
echo
if [ "$crashed" -gt 0 ]; then
  echo "fuzz: $crashed target(s) found a crasher; new seeds:"
  git status --short -- '*/testdata/fuzz/*'
  exit 1
fi
echo "fuzz: no crashers"
