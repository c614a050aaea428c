#!/usr/bin/env sh
# What a raised priority does to serial data (docs/PERFORMANCE.md, "Priority"): a pressure belt's
# stream (14 336-byte frames at 300 Hz, 4.3 MB/s) through a socat pseudo-terminal pair, as the
# emulated profiles carry it, while CPU-bound loops run in the same session, first with the
# session's autogroup at nice 0, then at nice -20. Prints the longest time the reader went without
# data and every gap over 50 ms. Received bytes reach the reader through the kernel's
# flush_to_ldisc work items on shared kworker threads, which stay at nice 0: a raised group that
# fills the cores starves them. Needs Linux with autogroups, root (to lower a nice value), socat
# and python3.
#
# Usage: benchmarks/scripts/pty-priority-test.sh [DURATION_S] [COMPETITORS]   (defaults: 10 s, 3)
set -eu
duration="${1:-10}"
competitors="${2:-3}"
work="$(mktemp -d)"
cat >"$work/stream.py" <<'PY'
import os, select, subprocess, sys, threading, time, tty
work, duration = sys.argv[1], float(sys.argv[2])
relay = subprocess.Popen(["socat", f"pty,raw,echo=0,link={work}/host",
                          f"pty,raw,echo=0,link={work}/device"])
while not (os.path.exists(f"{work}/host") and os.path.exists(f"{work}/device")):
    time.sleep(0.05)
time.sleep(0.5)  # socat sets both ends raw after it made the links
device = os.open(f"{work}/device", os.O_WRONLY)
host = os.open(f"{work}/host", os.O_RDONLY | os.O_NONBLOCK)
tty.setraw(device)
tty.setraw(host)
frame, rate, failure = b"\0" * 14336, 300, []
def send():
    try:
        start, k = time.monotonic(), 0
        while time.monotonic() - start < duration:
            k += 1
            due = start + k / rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            os.write(device, frame)
    except OSError as e:
        failure.append(e)
threading.Thread(target=send, daemon=True).start()
start = last = time.monotonic()
longest, gaps, received = 0.0, [], 0
while time.monotonic() - start < duration and not failure:
    if select.select([host], [], [], 0.5)[0]:
        received += len(os.read(host, 65536))
        now = time.monotonic()
        if now - last > 0.05:
            gaps.append(round((now - last) * 1000))
        longest, last = max(longest, now - last), now
relay.kill()
if failure:
    sys.exit(f"the writer failed: {failure[0]}")
print(f"{received / duration / 1e6:.1f} MB/s, longest gap {longest * 1000:.0f} ms,"
      f" gaps > 50 ms: {gaps}", flush=True)
PY
for nice in 0 -20; do
  # A new session gets its own autogroup; the competitors run in it, as the HIL run's children do.
  setsid sh -c "
    echo $nice > /proc/self/autogroup
    pids=''
    i=0; while [ \$i -lt $competitors ]; do sh -c 'while :; do :; done' & pids=\"\$pids \$!\"; i=\$((i + 1)); done
    printf 'autogroup nice %s, %s competitors: ' $nice $competitors
    python3 '$work/stream.py' '$work' $duration
    kill \$pids
  "
done
rm -rf "$work"
