package org.gaitctl.safety;

import org.gaitctl.core.time.ArrivalTime;

/**
 * The session control loop's progress as the supervisor watches it (F28): a loop that stops cycling
 * leaves the belt at its last setpoint and the harness at its last unloading, with no protocol,
 * ramp or unloading loop moving them any more.
 */
@FunctionalInterface
public interface ControlLoopInput {

  /** No control loop is watched: F28 never fires. */
  ControlLoopInput NONE = () -> ArrivalTime.NONE;

  /**
   * When the loop last completed a cycle, ns on the supervisor's clock; {@link ArrivalTime#NONE}
   * before its first. Any thread; never blocks.
   */
  long lastCycleNs();
}
