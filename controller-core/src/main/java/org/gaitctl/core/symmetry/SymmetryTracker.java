package org.gaitctl.core.symmetry;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;

/**
 * Rolling left and right means of every {@link StepParameter} over the last N steps of each side,
 * and their symmetry: index (Robinson 1987), ratio and angle (Zifchock 2008). Values below a
 * parameter's floor give NaN, never a number that looks meaningful.
 *
 * <p>Single-threaded (the steps stage, after each completed step); allocation-free after
 * construction. Readers on other threads must read copies published by the pipeline.
 */
public final class SymmetryTracker {

  private static final StepParameter[] PARAMETERS = StepParameter.values();

  private final RollingMean[] left = new RollingMean[PARAMETERS.length];
  private final RollingMean[] right = new RollingMean[PARAMETERS.length];
  private final double[] floors = new double[PARAMETERS.length];

  /** Tracks the last {@code window} steps per side with the default floors. */
  public SymmetryTracker(int window) {
    this(window, 1.0);
  }

  /**
   * Tracks the last {@code window} steps per side; the floors of force quantities are multiplied by
   * {@code forceFloorScale} (for recordings whose force unit is not the newton).
   */
  public SymmetryTracker(int window, double forceFloorScale) {
    for (StepParameter p : PARAMETERS) {
      left[p.ordinal()] = new RollingMean(window);
      right[p.ordinal()] = new RollingMean(window);
      floors[p.ordinal()] = floor(p, forceFloorScale);
    }
  }

  /** Adds a completed step to its side's rolling means. */
  public void onStep(StepRecordView step) {
    RollingMean[] means = step.side() == Side.LEFT ? left : right;
    for (int i = 0; i < PARAMETERS.length; i++) {
      means[i].add(PARAMETERS[i].of(step));
    }
  }

  /** Rolling mean of {@code p} over the last steps of {@code side}, NaN if none. */
  public double mean(StepParameter p, Side side) {
    return (side == Side.LEFT ? left : right)[p.ordinal()].mean();
  }

  /** Symmetry index of the rolling means, percent; NaN when not meaningful. */
  public double symmetryIndexPercent(StepParameter p) {
    return SymmetryMath.symmetryIndexPercent(
        mean(p, Side.LEFT), mean(p, Side.RIGHT), floors[p.ordinal()]);
  }

  /** Left/right ratio of the rolling means; NaN when not meaningful. */
  public double ratio(StepParameter p) {
    return SymmetryMath.ratio(mean(p, Side.LEFT), mean(p, Side.RIGHT), floors[p.ordinal()]);
  }

  /** Symmetry angle of the rolling means, percent; NaN when not meaningful. */
  public double symmetryAnglePercent(StepParameter p) {
    return SymmetryMath.symmetryAnglePercent(
        mean(p, Side.LEFT), mean(p, Side.RIGHT), floors[p.ordinal()]);
  }

  /** Steps of {@code side} in the window of {@code p}. */
  public int count(StepParameter p, Side side) {
    return (side == Side.LEFT ? left : right)[p.ordinal()].count();
  }

  public double floor(StepParameter p) {
    return floors[p.ordinal()];
  }

  /** The floor of {@code p} when force floors are scaled by {@code forceFloorScale}. */
  public static double floor(StepParameter p, double forceFloorScale) {
    return p.isForce() ? p.defaultFloor() * forceFloorScale : p.defaultFloor();
  }
}
