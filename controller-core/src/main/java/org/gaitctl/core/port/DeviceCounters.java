package org.gaitctl.core.port;

/**
 * Fixed communication counters of one device link, readable from any thread without touching the
 * link's I/O loop. Values only grow.
 */
public interface DeviceCounters {

  long requests();

  long timeouts();

  /** Protocol exception answers (rejected requests). */
  long rejections();

  long ioErrors();
}
