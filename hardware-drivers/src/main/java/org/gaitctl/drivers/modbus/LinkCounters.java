package org.gaitctl.drivers.modbus;

import org.gaitctl.core.counters.CounterGroup;
import org.gaitctl.core.counters.CounterSet;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;

/**
 * Counters of one Modbus link ({@link ModbusLinkCounter}), registered as {@code <device>.modbus}.
 * Written by the threads that use the link (serialised on its {@link RequestLine}; dropped
 * setpoints on the {@link PendingSetpoint}), read by any thread (HMI, {@code status} command,
 * counter registry) without locking.
 */
public final class LinkCounters implements DeviceCounters, CounterGroup {

  private final CounterSet<ModbusLinkCounter> counters;

  LinkCounters(String deviceName) {
    this.counters = new CounterSet<>(deviceName + ".modbus", ModbusLinkCounter.class);
  }

  void countRequest() {
    counters.increment(ModbusLinkCounter.REQUESTS);
  }

  void countReconnect() {
    counters.increment(ModbusLinkCounter.CONNECTS);
  }

  void countQueued() {
    counters.increment(ModbusLinkCounter.QUEUED);
  }

  void countCoalesced() {
    counters.increment(ModbusLinkCounter.COALESCED);
  }

  void countCarried() {
    counters.increment(ModbusLinkCounter.CARRIED);
  }

  void countSetpointDropped() {
    counters.increment(ModbusLinkCounter.SETPOINTS_DROPPED);
  }

  /** Counts a failed request under its result. */
  void countFailure(CommandResult result) {
    switch (result) {
      case TIMEOUT -> counters.increment(ModbusLinkCounter.TIMEOUTS);
      case REJECTED -> counters.increment(ModbusLinkCounter.REJECTIONS);
      case NOT_CONNECTED -> {
        counters.increment(ModbusLinkCounter.NOT_CONNECTED);
        counters.increment(ModbusLinkCounter.IO_ERRORS);
      }
      case IO_ERROR -> counters.increment(ModbusLinkCounter.IO_ERRORS);
      case OK, OUT_OF_RANGE -> {
        // not a link failure: OK succeeded, OUT_OF_RANGE never left the driver
      }
    }
  }

  public long get(ModbusLinkCounter counter) {
    return counters.get(counter);
  }

  @Override
  public long requests() {
    return counters.get(ModbusLinkCounter.REQUESTS);
  }

  @Override
  public long timeouts() {
    return counters.get(ModbusLinkCounter.TIMEOUTS);
  }

  @Override
  public long rejections() {
    return counters.get(ModbusLinkCounter.REJECTIONS);
  }

  /** Transport failures, including requests refused because the link was down. */
  @Override
  public long ioErrors() {
    return counters.get(ModbusLinkCounter.IO_ERRORS);
  }

  /** Requests that found the link down and could not reconnect (also counted in ioErrors). */
  public long notConnected() {
    return counters.get(ModbusLinkCounter.NOT_CONNECTED);
  }

  /** Successful (re)connections of the link, the first one included. */
  public long connects() {
    return counters.get(ModbusLinkCounter.CONNECTS);
  }

  @Override
  public String name() {
    return counters.name();
  }

  @Override
  public int size() {
    return counters.size();
  }

  @Override
  public String label(int index) {
    return counters.label(index);
  }

  @Override
  public long value(int index) {
    return counters.value(index);
  }
}
