package org.gaitctl.session.unloading;

import org.gaitctl.core.gait.Side;

/**
 * The gait phase from the step events: 0 at a heel strike of the reference foot (left), rising
 * linearly to 1 over the running stride time (the last left-to-left interval). Walking is steady
 * after {@code steadyStrides} consecutive strides each within the tolerance of the one before, and
 * stays steady while the next heel strike is not overdue.
 *
 * <p>The pipeline reports heel strikes some tens of milliseconds late; the delay is the same at
 * every stride, so it is a constant phase offset, which the feed-forward learns with the rest.
 *
 * <p>Session thread only; allocation-free.
 */
final class StridePhase {

  /** A stride is overdue, and walking no longer steady, at this share of the running stride. */
  private static final double OVERDUE_STRIDE_FRACTION = 1.5;

  private final int steadyStrides;
  private final double toleranceFraction;
  private long lastHeelStrikeNs;
  private long strideNs;
  private int similarStrides;
  private boolean seenHeelStrike;

  StridePhase(int steadyStrides, double toleranceFraction) {
    this.steadyStrides = steadyStrides;
    this.toleranceFraction = toleranceFraction;
  }

  /** Returns true when this heel strike completed a stride (the phase wrapped to 0). */
  boolean onHeelStrike(Side side, long timeNs) {
    if (side != Side.LEFT) {
      return false;
    }
    if (seenHeelStrike) {
      long intervalNs = timeNs - lastHeelStrikeNs;
      if (intervalNs <= 0) {
        return false;
      }
      boolean similar =
          strideNs > 0 && Math.abs(intervalNs - strideNs) <= toleranceFraction * strideNs;
      similarStrides = similar ? similarStrides + 1 : 0;
      strideNs = intervalNs;
    }
    seenHeelStrike = true;
    lastHeelStrikeNs = timeNs;
    return strideNs > 0;
  }

  /** Forgets the strides (a pause or a new speed). */
  void reset() {
    seenHeelStrike = false;
    strideNs = 0;
    similarStrides = 0;
  }

  boolean steady(long nowNs) {
    return similarStrides >= steadyStrides
        && nowNs - lastHeelStrikeNs < OVERDUE_STRIDE_FRACTION * strideNs;
  }

  /** Time since the last heel strike of the reference foot, ns ({@link Long#MAX_VALUE} if none). */
  long sinceHeelStrikeNs(long nowNs) {
    return seenHeelStrike ? nowNs - lastHeelStrikeNs : Long.MAX_VALUE;
  }

  /** Phase in [0, 1) at {@code nowNs}, shifted by {@code offsetNs}; 0 before the first stride. */
  double phase(long nowNs, long offsetNs) {
    if (strideNs <= 0) {
      return 0;
    }
    double cycles = (double) (nowNs + offsetNs - lastHeelStrikeNs) / strideNs;
    return cycles - Math.floor(cycles);
  }
}
