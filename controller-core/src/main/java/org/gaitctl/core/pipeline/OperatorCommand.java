package org.gaitctl.core.pipeline;

/**
 * A command from the therapist's console or the CLI, carried through the ring so that the control
 * stage sees it in order with the measurements it acts on.
 */
public enum OperatorCommand {
  START_SESSION,
  STOP_SESSION,
  /** Argument: belt speed setpoint, m/s. */
  SET_BELT_SPEED_MPS,
  /** Argument: unloading force setpoint, N. */
  SET_UNLOADING_N,
  /** Asks the load-cell amplifier to tare; no argument. */
  TARE_LOAD_CELL,
  /** Asks the pressure-belt unit to capture its unloaded baseline; no argument. */
  ZERO_PRESSURE_BELT
}
