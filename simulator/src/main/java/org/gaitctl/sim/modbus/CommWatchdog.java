package org.gaitctl.sim.modbus;

/**
 * A device's communication watchdog (HEARTBEAT / WATCHDOG_MS): expires when the heartbeat has not
 * changed for the armed time. Feeding is recorded by the Modbus thread and timed by the next
 * simulation step, so the model needs no clock of its own. Not thread-safe; used under the owning
 * model's lock.
 */
final class CommWatchdog {

  private boolean fedSinceLastStep = true;
  private long lastFeedNs;

  /** A changed heartbeat, a newly armed timeout or a fault reset restarts the timer. */
  void feed() {
    fedSinceLastStep = true;
  }

  /** Whether the watchdog has expired at {@code nowNs}; {@code timeoutMs} 0 means off. */
  boolean expired(long nowNs, int timeoutMs) {
    if (fedSinceLastStep) {
      lastFeedNs = nowNs;
      fedSinceLastStep = false;
    }
    return timeoutMs > 0 && nowNs - lastFeedNs >= timeoutMs * 1_000_000L;
  }
}
