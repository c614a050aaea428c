package org.gaitctl.sim.modbus;

/**
 * Fault injection on an emulator's replies: delay every request (executed and answered after the
 * delay), or drop requests altogether (neither executed nor answered, as if lost on the wire). Set
 * from a test or the simulator's console, read by the server's threads.
 */
public final class ReplyFaults {

  private volatile int delayMs;
  private volatile boolean dropReplies;

  /** Delays every reply by {@code delayMs} (0 for none). */
  public void setDelayMs(int delayMs) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("delayMs must be >= 0: " + delayMs);
    }
    this.delayMs = delayMs;
  }

  /** Drops every request without an answer while set. */
  public void setDropReplies(boolean drop) {
    this.dropReplies = drop;
  }

  /** Replies on time again, none dropped. */
  public void clear() {
    delayMs = 0;
    dropReplies = false;
  }

  int delayMs() {
    return delayMs;
  }

  boolean dropReplies() {
    return dropReplies;
  }
}
