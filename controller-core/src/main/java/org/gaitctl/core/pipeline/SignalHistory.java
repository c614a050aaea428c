package org.gaitctl.core.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The recent history of one signal at full rate, for charts: a ring of {@code capacity} (time,
 * value) pairs of primitives (of which the newest {@code capacity - 1} can be read), written by one
 * ring thread and read by any thread without locks.
 *
 * <p>The writer never waits: when the ring is full it overwrites the oldest pair. A reader copies
 * "the last N seconds" into its own {@link SignalWindow} and then checks the write sequence: the
 * pairs the writer may have overwritten during the copy are dropped from the window, which is then
 * marked {@link SignalWindow#lapped()}, so a reader never shows a pair torn between two writes.
 */
public final class SignalHistory {

  private static final VarHandle WRITTEN;

  static {
    try {
      WRITTEN = MethodHandles.lookup().findVarHandle(SignalHistory.class, "written", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long[] timesNs;
  private final double[] values;
  private final int mask;

  /** Pairs written since start; pair i sits at {@code i & mask}. */
  @SuppressWarnings("unused") // accessed through WRITTEN
  private volatile long written;

  /**
   * @param capacity pairs kept, a power of two
   */
  public SignalHistory(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          "signal history capacity must be a power of two >= 2, was " + capacity);
    }
    this.timesNs = new long[capacity];
    this.values = new double[capacity];
    this.mask = capacity - 1;
  }

  public int capacity() {
    return values.length;
  }

  /**
   * Pairs a reader can get at most: one fewer than {@link #capacity()}, since the oldest slot is
   * the one the writer may be rewriting.
   */
  public int readableCapacity() {
    return values.length - 1;
  }

  /** Pairs written since start. Any thread. */
  public long written() {
    return (long) WRITTEN.getAcquire(this);
  }

  /** Appends one pair, overwriting the oldest when full; the single writer thread only. */
  void append(long timeNs, double value) {
    long index = (long) WRITTEN.getOpaque(this);
    // The previous publication of `written` must be visible before this slot is overwritten: a
    // reader that saw the new pair then also sees that the old one is gone.
    VarHandle.storeStoreFence();
    int slot = (int) (index & mask);
    timesNs[slot] = timeNs;
    values[slot] = value;
    WRITTEN.setRelease(this, index + 1);
  }

  /**
   * Copies the pairs of the last {@code windowNs} before the newest pair into {@code out}, oldest
   * first. Any thread; never blocks; does not allocate.
   *
   * @return the number of pairs copied (also {@link SignalWindow#count()})
   */
  public int readLast(long windowNs, SignalWindow out) {
    return readLast(windowNs, out, NO_PAUSE);
  }

  /** As {@link #readLast(long, SignalWindow)}, running {@code afterCopy} before the check. */
  int readLast(long windowNs, SignalWindow out, Runnable afterCopy) {
    long end = (long) WRITTEN.getAcquire(this);
    long oldest = Math.max(0, end - Math.min(readableCapacity(), out.capacity()));
    long from = end;
    if (end > 0) {
      long newestNs = timesNs[(int) ((end - 1) & mask)];
      while (from > oldest && newestNs - timesNs[(int) ((from - 1) & mask)] <= windowNs) {
        from--;
      }
    }
    int count = (int) (end - from);
    for (int i = 0; i < count; i++) {
      int slot = (int) ((from + i) & mask);
      out.timesNs[i] = timesNs[slot];
      out.values[i] = values[slot];
    }
    afterCopy.run();
    VarHandle.loadLoadFence();
    long writtenNow = (long) WRITTEN.getAcquire(this);
    // The pair being written now reuses the slot of pair (writtenNow - capacity): from that one on
    // back, a copied pair may be torn.
    long firstIntact = writtenNow - values.length + 1;
    int torn = (int) Math.max(0, Math.min(count, firstIntact - from));
    out.set(count, torn);
    return out.count();
  }

  private static final Runnable NO_PAUSE = () -> {};
}
