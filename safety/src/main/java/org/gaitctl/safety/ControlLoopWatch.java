package org.gaitctl.safety;

import org.gaitctl.core.time.ArrivalTime;

/**
 * Where the session control loop reports each completed cycle and the supervisor reads it: one
 * volatile time, written by the loop's thread only, read allocation-free.
 */
public final class ControlLoopWatch implements ControlLoopInput {

  private volatile long lastCycleNs = ArrivalTime.NONE;

  /** The loop completed a cycle at {@code nowNs}. Control loop's thread only. */
  public void cycleCompleted(long nowNs) {
    lastCycleNs = nowNs;
  }

  @Override
  public long lastCycleNs() {
    return lastCycleNs;
  }
}
