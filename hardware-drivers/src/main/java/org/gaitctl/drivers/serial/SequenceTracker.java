package org.gaitctl.drivers.serial;

/**
 * Counts samples missing from a u32 sequence that wraps at 2^32. A jump backwards (a device that
 * restarted its counter, or a duplicate) is not a loss: it re-bases the tracker. Single thread.
 */
public final class SequenceTracker {

  /** Returned by {@link #missingBefore} when the sequence went backwards and was re-based. */
  public static final long REBASED = -1;

  private static final long U32_MASK = 0xFFFF_FFFFL;
  private static final long HALF_RANGE = 1L << 31;

  private boolean primed;
  private long lastSeq;

  /**
   * @param seq the next sample's sequence number (u32 as a non-negative long)
   * @return how many samples were lost before it, or {@link #REBASED}
   */
  public long missingBefore(long seq) {
    long current = seq & U32_MASK;
    if (!primed) {
      primed = true;
      lastSeq = current;
      return 0;
    }
    long step = (current - lastSeq) & U32_MASK;
    lastSeq = current;
    if (step == 0 || step >= HALF_RANGE) {
      return REBASED;
    }
    return step - 1;
  }

  /** Forgets the last sequence number; the next sample starts a new count. */
  public void reset() {
    primed = false;
  }
}
