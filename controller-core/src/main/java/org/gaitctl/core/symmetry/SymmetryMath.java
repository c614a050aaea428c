package org.gaitctl.core.symmetry;

/**
 * Symmetry of a bilateral quantity, left vs right. Pure functions; any thread; allocation-free.
 *
 * <p>Each function returns NaN when the quantity is not meaningful: a side unknown, or the mean
 * magnitude of the two sides below {@code floor} (a symmetry index of two near-zero values is large
 * and says nothing).
 */
public final class SymmetryMath {

  private SymmetryMath() {}

  /**
   * Symmetry index (Robinson, Herzog &amp; Nigg 1987), percent: {@code (L − R) / ((L + R) / 2) ×
   * 100}; 0 is symmetric, positive when the left value is larger.
   */
  public static double symmetryIndexPercent(double left, double right, double floor) {
    if (!meaningful(left, right, floor) || left + right == 0.0) {
      return Double.NaN;
    }
    return (left - right) / (0.5 * (left + right)) * 100.0;
  }

  /** Ratio {@code L / R}; 1 is symmetric. */
  public static double ratio(double left, double right, double floor) {
    if (!meaningful(left, right, floor) || right == 0.0) {
      return Double.NaN;
    }
    return left / right;
  }

  /**
   * Symmetry angle (Zifchock, Davis, Higginson &amp; Royer 2008), percent: {@code (45° − atan(L/R))
   * / 90° × 100}, with 180° taken off the bracket when it exceeds 90° (values of opposite sign); 0
   * is symmetric, ±100 the most asymmetric, positive when {@code L < R}.
   */
  public static double symmetryAnglePercent(double left, double right, double floor) {
    if (!meaningful(left, right, floor) || right == 0.0) {
      return Double.NaN;
    }
    double bracketDeg = 45.0 - Math.toDegrees(Math.atan(left / right));
    if (bracketDeg > 90.0) {
      bracketDeg -= 180.0;
    }
    return bracketDeg / 90.0 * 100.0;
  }

  private static boolean meaningful(double left, double right, double floor) {
    if (Double.isNaN(left) || Double.isNaN(right)) {
      return false;
    }
    return 0.5 * (Math.abs(left) + Math.abs(right)) >= floor;
  }
}
