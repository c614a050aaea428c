package org.gaitctl.drivers.modbus;

import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;

/**
 * Counters of one Modbus link. Written by the thread that holds the link, read by any thread (HMI,
 * {@code status} command) without locking.
 */
public final class LinkCounters implements DeviceCounters {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong rejections = new AtomicLong();
  private final AtomicLong ioErrors = new AtomicLong();
  private final AtomicLong notConnected = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();

  void countRequest() {
    requests.incrementAndGet();
  }

  void countReconnect() {
    reconnects.incrementAndGet();
  }

  /** Counts a failed request under its result. */
  void countFailure(CommandResult result) {
    switch (result) {
      case TIMEOUT -> timeouts.incrementAndGet();
      case REJECTED -> rejections.incrementAndGet();
      case NOT_CONNECTED -> {
        notConnected.incrementAndGet();
        ioErrors.incrementAndGet();
      }
      case IO_ERROR -> ioErrors.incrementAndGet();
      case OK, OUT_OF_RANGE -> {
        // not a link failure: OK succeeded, OUT_OF_RANGE never left the driver
      }
    }
  }

  @Override
  public long requests() {
    return requests.get();
  }

  @Override
  public long timeouts() {
    return timeouts.get();
  }

  @Override
  public long rejections() {
    return rejections.get();
  }

  /** Transport failures, including requests refused because the link was down. */
  @Override
  public long ioErrors() {
    return ioErrors.get();
  }

  /** Requests that found the link down and could not reconnect (also counted in ioErrors). */
  public long notConnected() {
    return notConnected.get();
  }

  /** Successful (re)connections of the link, the first one included. */
  public long connects() {
    return reconnects.get();
  }
}
