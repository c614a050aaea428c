package org.gaitctl.session.protocol;

/** What the therapist asks of a running protocol (keys on the terminal, buttons on the console). */
public enum OperatorRequest {
  /** Pause (belt ramps to 0, unloading held, stage clock stopped), or resume from a pause. */
  PAUSE_OR_RESUME,
  /** End the current stage now and go on with the next. */
  NEXT_STAGE,
  /** Controlled stop through the supervisor; the protocol ends. */
  STOP,
  SPEED_UP,
  SPEED_DOWN,
  UNLOADING_UP,
  UNLOADING_DOWN,
  INCLINE_UP,
  INCLINE_DOWN
}
