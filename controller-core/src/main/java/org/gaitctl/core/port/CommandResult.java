package org.gaitctl.core.port;

/**
 * Outcome of one command or read on a device port. Drivers return it instead of throwing, so a
 * device fault is a value the caller must handle, never an exception in a control loop.
 */
public enum CommandResult {
  /** The device accepted the request. */
  OK,
  /** The device answered with a protocol exception (e.g. Modbus exception 3, illegal value). */
  REJECTED,
  /** No answer within the configured timeout. */
  TIMEOUT,
  /** The transport is not connected or was lost. */
  NOT_CONNECTED,
  /** The value was outside the limits of the device profile; nothing was sent. */
  OUT_OF_RANGE,
  /** Any other transport or decoding failure. */
  IO_ERROR,
  /**
   * Refused by the command gate ({@code org.gaitctl.core.command.CommandGate}) before it reached a
   * device: not finite, out of the limits, or too large a change; or a setpoint still waiting for a
   * slow Modbus link when a safety command went first (never sent, so it cannot follow the stop).
   */
  REFUSED;

  public boolean isOk() {
    return this == OK;
  }
}
