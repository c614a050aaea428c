package org.gaitctl.core.symmetry;

/**
 * Mean of the last N values, in a fixed ring buffer. NaN values are skipped (not stored).
 * Single-threaded; allocation-free after construction.
 */
public final class RollingMean {

  private final double[] values;
  private int count;
  private int next;

  public RollingMean(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("rolling mean window must be >= 1, was " + window);
    }
    this.values = new double[window];
  }

  public void add(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    values[next] = value;
    next = (next + 1) % values.length;
    count = Math.min(count + 1, values.length);
  }

  /** Mean of the values held (summed afresh, so no rounding drift), NaN when empty. */
  public double mean() {
    if (count == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return sum / count;
  }

  public int count() {
    return count;
  }

  public int window() {
    return values.length;
  }
}
