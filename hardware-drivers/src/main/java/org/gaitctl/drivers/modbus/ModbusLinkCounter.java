package org.gaitctl.drivers.modbus;

import org.gaitctl.core.counters.CounterId;

/** What a Modbus link counts ({@link LinkCounters}). */
public enum ModbusLinkCounter implements CounterId {
  REQUESTS("requests"),
  TIMEOUTS("timeouts"),
  /** Protocol exception answers. */
  REJECTIONS("rejections"),
  /** Transport failures, including requests refused because the link was down. */
  IO_ERRORS("io_errors"),
  /** Requests that found the link down and could not reconnect (also in io_errors). */
  NOT_CONNECTED("not_connected"),
  /** Successful (re)connections, the first one included. */
  CONNECTS("connects"),
  /** Requests that had to wait for another request on the line (a slow or busy device). */
  QUEUED("queued"),
  /** Setpoints replaced by a newer value before they were sent (latest wins). */
  COALESCED("coalesced"),
  /** Setpoints that went out in the heartbeat's write instead of a request of their own. */
  CARRIED("carried"),
  /** Setpoints never sent: cancelled by a safety command, or withdrawn after a request timeout. */
  SETPOINTS_DROPPED("setpoints_dropped");

  private final String label;

  ModbusLinkCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
