package org.gaitctl.core.pipeline;

/**
 * A reader's copy of part of a {@link SignalHistory}: preallocated once, refilled by {@link
 * SignalHistory#readLast} without allocation. Pairs are oldest first; times in ns on the pipeline's
 * clock.
 */
public final class SignalWindow {

  final long[] timesNs;
  final double[] values;
  private int count;
  private boolean lapped;

  /** A window of up to {@code capacity} pairs. */
  public SignalWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("signal window capacity must be >= 1, was " + capacity);
    }
    this.timesNs = new long[capacity];
    this.values = new double[capacity];
  }

  public int capacity() {
    return values.length;
  }

  /** Pairs in the window. */
  public int count() {
    return count;
  }

  /**
   * True when the writer overwrote the oldest pairs of the requested span while this reader copied
   * them: they were dropped, so the window starts later than asked. Read more often or keep a
   * shorter span.
   */
  public boolean lapped() {
    return lapped;
  }

  /** Time of pair {@code i}, ns. */
  public long timeNs(int i) {
    return timesNs[checked(i)];
  }

  /** Value of pair {@code i}, in the signal's unit ({@link ChartSignal}). */
  public double value(int i) {
    return values[checked(i)];
  }

  /** Keeps the last {@code copied - torn} pairs of the copy, dropping the {@code torn} oldest. */
  void set(int copied, int torn) {
    if (torn > 0) {
      System.arraycopy(timesNs, torn, timesNs, 0, copied - torn);
      System.arraycopy(values, torn, values, 0, copied - torn);
    }
    count = copied - torn;
    lapped = torn > 0;
  }

  private int checked(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("pair " + i + " of " + count);
    }
    return i;
  }
}
