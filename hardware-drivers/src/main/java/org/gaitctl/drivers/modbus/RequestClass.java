package org.gaitctl.drivers.modbus;

/**
 * What a Modbus request is for, in the order a busy line serves waiting requests ({@link
 * RequestLine}): a slow device's few round trips go to what safety needs first.
 */
enum RequestClass {
  /** Toward the safe state: stop, RUN off, speed 0, quick stop, HOLD on, the stop's ramp. */
  SAFETY,
  /** The communication watchdog's feed (the device stops on its own without it). */
  HEARTBEAT,
  /** Status and read-back: the supervisor judges staleness on them (F07/F13). */
  STATUS,
  /** Everything else: setpoints, enable, arming; only these may be coalesced or wait bounded. */
  SETPOINT
}
