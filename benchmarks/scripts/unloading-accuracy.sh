#!/usr/bin/env sh
# Unloading accuracy in the product (docs/CONTROL.md, "In the product"): `gaitctl session` against
# the built-in emulators (75 kg patient) with benchmarks/protocols/unloading-accuracy.yaml (60 s
# settling, then 150 s measured at 1.0 m/s and 30 % BW), once with the outer loop and once with
# the BWS unit's own loop alone (setpoint only). Prints each stage's RMS and peak error of the
# measured (load-cell) unloading against the target, from the session's summary.json.
#
# Usage: benchmarks/scripts/unloading-accuracy.sh [RUNS]   (default: 1 run of each mode, ~8 min)
set -u
runs="${1:-1}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${TMPDIR:-/tmp}/gaitctl-unloading-accuracy"
mkdir -p "$out"
"$here/gaitctl" --version >/dev/null || exit 1

printf '%-14s %4s %-10s %9s %9s %13s %14s\n' MODE RUN STAGE SETTLED_S 'MEAN %BW' 'RMS ERR %BW' 'PEAK ERR %BW'
run=1
while [ "$run" -le "$runs" ]; do
  for mode in closed-loop setpoint-only; do
    dir="$out/$mode-$run"
    rm -rf "$dir"
    "$here/gaitctl" session --protocol "$here/benchmarks/protocols/unloading-accuracy.yaml" \
      --unloading-control "$mode" --out "$dir" --log-file "$dir.log" >"$dir.out" 2>&1
    code=$?
    if [ "$code" -ne 0 ]; then
      echo "$mode run $run: exit code $code (see $dir.out)"
      continue
    fi
    # summary.json holds one stage per line.
    grep '"stage":' "$dir/summary.json" | while read -r line; do
      field() { printf '%s' "$line" | sed -n "s/.*\"$1\": \"\{0,1\}\([^,\"}]*\).*/\1/p"; }
      printf '%-14s %4s %-10s %9s %9s %13s %14s\n' "$mode" "$run" "$(field name)" \
        "$(field unloadingSettledS)" "$(field measuredUnloadingPercentBw)" \
        "$(field unloadingErrorRmsPercentBw)" "$(field unloadingErrorPeakPercentBw)"
    done
  done
  run=$((run + 1))
done
echo "Session output and files: $out"
