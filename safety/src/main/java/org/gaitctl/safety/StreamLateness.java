package org.gaitctl.safety;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Episodes of late stream data during a session: a stream past the late threshold but not yet
 * silent. On a busy host the kernel delivers serial data late (the tty layer's work runs on
 * ordinary kernel worker threads that compete with every other program; measured in
 * docs/PERFORMANCE.md), so a late stream is not yet a device fault: the data arrives, in a burst,
 * once the kernel catches up. While data is late the session holds its setpoints, and each episode
 * is counted and logged once with its length, so a bench that is often late is visible before it
 * becomes a stop.
 *
 * <p>Supervisor thread only, except {@link #late()}.
 */
final class StreamLateness {

  private static final Logger LOG = LoggerFactory.getLogger(StreamLateness.class);

  private final SupervisorCounters counters;
  private volatile boolean late;
  private String stream;
  private double longestAgeMs;

  StreamLateness(SupervisorCounters counters) {
    this.counters = counters;
  }

  /**
   * One supervisor cycle's view: {@code ageMs} of the latest late stream (0 when none is late).
   * Logs only at the start and end of an episode.
   */
  void update(String lateStream, double ageMs) {
    if (ageMs > 0) {
      if (!late) {
        late = true;
        stream = lateStream;
        counters.streamLate();
        LOG.warn("{}: data late ({} ms without a sample); setpoints held", lateStream, (int) ageMs);
      }
      longestAgeMs = Math.max(longestAgeMs, ageMs);
    } else if (late) {
      end();
    }
  }

  /** Ends an episode without waiting for data (the session stopped). */
  void reset() {
    if (late) {
      end();
    }
  }

  private void end() {
    late = false;
    counters.longestLateGap((long) (longestAgeMs * 1e6));
    LOG.info("{}: data flowing again after a gap of at least {} ms", stream, (int) longestAgeMs);
    longestAgeMs = 0;
  }

  /** Whether a stream is late now; any thread. */
  boolean late() {
    return late;
  }
}
