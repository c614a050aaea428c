#!/usr/bin/env sh
# How late the kernel hands received serial data to its reader (docs/PERFORMANCE.md, "Busy PC"):
# traces the tty layer's flush_to_ldisc work items (the step that moves bytes from a pty or USB
# serial driver to the reading program) while `gaitctl monitor` runs against the built-in emulators
# with CPU-bound competitors, and prints the delay from queueing to execution. Needs Linux `perf`
# with tracepoint access (root, or kernel.perf_event_paranoid <= -1) and python3.
#
# Usage: benchmarks/scripts/tty-delay-trace.sh [DURATION_S] [COMPETITORS]   (defaults: 30 s, 2)
set -eu
duration="${1:-30}"
competitors="${2:-2}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
"$here/gaitctl" --version >/dev/null
pids=""
i=0
while [ "$i" -lt "$competitors" ]; do
  sh -c 'while :; do :; done' &
  pids="$pids $!"
  i=$((i + 1))
done
perf record -a -o "$work/wq.data" \
  -e workqueue:workqueue_queue_work -e workqueue:workqueue_execute_start \
  -- sleep "$((duration + 2))" >/dev/null 2>&1 &
perf_pid=$!
"$here/gaitctl" monitor --duration "$duration" --log-file "$work/monitor.log" >"$work/monitor.out" 2>&1 || true
wait "$perf_pid" || true
# shellcheck disable=SC2086 # a list of process ids
kill $pids 2>/dev/null || true
perf script -i "$work/wq.data" 2>/dev/null | grep flush_to_ldisc | python3 -c '
import re, sys
queued, delays = {}, []
pattern = re.compile(r"(\d+\.\d+):\s+workqueue:(\w+): work struct[ =](0x[0-9a-f]+)")
for line in sys.stdin:
    m = pattern.search(line)
    if not m:
        continue
    t, event, work = float(m.group(1)), m.group(2), m.group(3)
    if event == "workqueue_queue_work":
        queued.setdefault(work, t)
    elif work in queued:
        delays.append((t - queued.pop(work)) * 1000)
delays.sort()
if not delays:
    sys.exit("no flush_to_ldisc work traced: is perf allowed to read tracepoints?")
pick = lambda q: delays[min(len(delays) - 1, int(len(delays) * q))]
print("flush_to_ldisc queue -> start, %d work items: p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.1f ms"
      % (len(delays), pick(0.5), pick(0.99), pick(0.999), delays[-1]))
'
grep -h "SAFE STOP" "$work/monitor.out" || echo "monitor: no stop"
rm -rf "$work"
