#!/usr/bin/env sh
# Busy-PC load test (docs/PERFORMANCE.md, "Busy PC"): `gaitctl monitor` against the built-in
# emulators while CPU-bound competitors run at the same priority, several runs in a row. Prints one
# line per run (exit code, stop cause if any, late-data episodes, longest gap, supervisor lateness,
# latency percentiles) and the false-stop count. A run that stops with a fault is a false stop:
# nothing is wrong with the emulated devices.
#
# Usage: benchmarks/scripts/busy-pc-load-test.sh [RUNS] [DURATION_S] [COMPETITORS]
#   defaults: 3 runs of 120 s with 2 competitors (busy shell loops, one per core on a 2-core PC).
# Each competitor runs in a session of its own (setsid), as a program started from another terminal
# or the desktop does: Linux schedules sessions as groups (autogroup), so a competitor in the
# monitor's own session would take the monitor's share rather than compete beside it.
# Extra JVM options for the controller: GAITCTL_JAVA_OPTS (e.g. a GC log).
set -u
runs="${1:-3}"
duration="${2:-120}"
competitors="${3:-2}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${TMPDIR:-/tmp}/gaitctl-busy-pc"
mkdir -p "$out"
"$here/gaitctl" --version >/dev/null || exit 1

false_stops=0
run=1
while [ "$run" -le "$runs" ]; do
  pids=""
  i=0
  while [ "$i" -lt "$competitors" ]; do
    if command -v setsid >/dev/null 2>&1; then
      setsid sh -c 'while :; do :; done' &
    else
      sh -c 'while :; do :; done' &
    fi
    pids="$pids $!"
    i=$((i + 1))
  done
  sleep 1
  log="$out/run-$run"
  "$here/gaitctl" monitor --duration "$duration" --log-file "$log.log" >"$log.out" 2>&1
  code=$?
  # shellcheck disable=SC2086 # a list of process ids
  kill $pids 2>/dev/null
  wait 2>/dev/null
  cause="$(grep -h 'SAFE STOP' "$log.out" | sed 's/.*Cause: //')"
  [ "$code" -ne 0 ] && false_stops=$((false_stops + 1))
  counter() { awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }' "$log.out"; }
  late="$(counter safety-supervisor.stream_late_episodes)"
  gap_ms="$(counter safety-supervisor.max_late_gap_ns | awk '{ printf "%.0f", $1 / 1e6 }')"
  lateness_ms="$(counter safety-supervisor.max_lateness_ns | awk '{ printf "%.0f", $1 / 1e6 }')"
  step="$(grep 'frame arrival -> step record' "$log.out" | tail -1 | sed 's/.*record *//')"
  load="$(grep 'load sample -> unloading' "$log.out" | tail -1 | sed 's/.*unloading *//')"
  echo "run $run: exit $code${cause:+ ($cause)}; late-data episodes $late, longest gap $gap_ms ms;" \
    "supervisor max lateness $lateness_ms ms"
  echo "  frame -> step:      $step"
  echo "  load -> unloading:  $load"
  run=$((run + 1))
done
echo "false stops: $false_stops of $runs runs ($competitors competitors, $duration s each); logs in $out"
[ "$false_stops" -eq 0 ]
