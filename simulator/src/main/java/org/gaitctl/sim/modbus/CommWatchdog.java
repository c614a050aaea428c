package org.gaitctl.sim.modbus;

/**
 * A device's communication watchdog (HEARTBEAT / WATCHDOG_MS): expires when the heartbeat has not
 * changed for the armed time. Times are the model's own (its last step), so the model needs no
 * clock. Not thread-safe; used under the owning model's lock.
 */
final class CommWatchdog {

  private long lastFeedNs;

  /** A changed heartbeat, a newly armed timeout or a fault reset restarts the timer. */
  void feed(long modelTimeNs) {
    lastFeedNs = modelTimeNs;
  }

  /** Whether the watchdog has expired at {@code nowNs}; {@code timeoutMs} 0 means off. */
  boolean expired(long nowNs, int timeoutMs) {
    return timeoutMs > 0 && nowNs - lastFeedNs >= timeoutMs * 1_000_000L;
  }
}
