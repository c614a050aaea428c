package org.gaitctl.session;

/** Where a session is. The belt may move only in {@link #RAMPING_BELT} and {@link #RUNNING}. */
public enum SessionState {
  /** Nothing commanded; START accepted. */
  IDLE,
  /** The supervisor is arming (device faults reset, watchdogs armed). */
  ARMING,
  /** The harness is being brought from its measured state into the session's. */
  PREPARING_HARNESS,
  /** Unloading ramps to its target before the belt moves. */
  TAKING_UP_HARNESS,
  /** The belt ramps to its speed. */
  RAMPING_BELT,
  /** At speed; speed and unloading follow the operator's commands. */
  RUNNING,
  /** The supervisor is stopping the belt (operator stop or fault). */
  STOPPING,
  /** Stopped and latched by the supervisor; ACKNOWLEDGE clears it once the cause is gone. */
  LATCHED,
  /** An acknowledgement is being served. */
  ACKNOWLEDGING;

  /** Whether the supervisor is armed for this session and must stay RUNNING. */
  boolean armed() {
    return this == PREPARING_HARNESS
        || this == TAKING_UP_HARNESS
        || this == RAMPING_BELT
        || this == RUNNING;
  }
}
