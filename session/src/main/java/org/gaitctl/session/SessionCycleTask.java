package org.gaitctl.session;

/**
 * Work that runs on the session thread after each session cycle, with the cycle's time: how the
 * protocol executor follows the session and submits its commands without a thread of its own. Must
 * not block beyond a device request timeout; a task that throws fails the cycle.
 */
@FunctionalInterface
public interface SessionCycleTask {

  /** After the session's own work of the cycle at {@code nowNs}. */
  void afterCycle(long nowNs);
}
