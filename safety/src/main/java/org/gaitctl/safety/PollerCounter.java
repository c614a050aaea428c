package org.gaitctl.safety;

import org.gaitctl.core.counters.CounterId;

/** What a {@link StatusPoller} counts, registered as {@code <poller>} (e.g. drive-poller). */
public enum PollerCounter implements CounterId {
  READS("reads"),
  /** Status reads that failed (not OK, or the port threw). */
  READ_FAILURES("read_failures"),
  /** Heartbeats sent (while the permit was granted). */
  HEARTBEATS_SENT("heartbeats_sent"),
  /** Heartbeats the device did not accept. */
  HEARTBEAT_FAILURES("heartbeat_failures"),
  /** Good reads the listener (the ring publisher) threw on; the read and heartbeat still count. */
  LISTENER_ERRORS("listener_errors");

  private final String label;

  PollerCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
