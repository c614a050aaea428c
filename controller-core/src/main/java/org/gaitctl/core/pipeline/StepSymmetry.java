package org.gaitctl.core.pipeline;

import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * The rolling symmetry of every {@link StepParameter} after a step: symmetry index (Robinson 1987),
 * left/right ratio and symmetry angle (Zifchock 2008), each NaN where the quantity is too small to
 * mean anything. A preallocated holder copied out of the {@link SymmetryTracker} on the gait
 * thread.
 */
public final class StepSymmetry {

  private static final StepParameter[] PARAMETERS = StepParameter.values();

  private final double[] indexPct = new double[PARAMETERS.length];
  private final double[] ratio = new double[PARAMETERS.length];
  private final double[] anglePct = new double[PARAMETERS.length];

  public StepSymmetry() {
    clear();
  }

  /** Symmetry index of {@code p}, percent; NaN when not meaningful. */
  public double indexPct(StepParameter p) {
    return indexPct[p.ordinal()];
  }

  /** Left/right ratio of {@code p}; NaN when not meaningful. */
  public double ratio(StepParameter p) {
    return ratio[p.ordinal()];
  }

  /** Symmetry angle of {@code p}, percent; NaN when not meaningful. */
  public double anglePct(StepParameter p) {
    return anglePct[p.ordinal()];
  }

  /** Copies every value of {@code other}; allocation-free. */
  public void copyFrom(StepSymmetry other) {
    System.arraycopy(other.indexPct, 0, indexPct, 0, indexPct.length);
    System.arraycopy(other.ratio, 0, ratio, 0, ratio.length);
    System.arraycopy(other.anglePct, 0, anglePct, 0, anglePct.length);
  }

  void capture(SymmetryTracker tracker) {
    for (int i = 0; i < PARAMETERS.length; i++) {
      indexPct[i] = tracker.symmetryIndexPercent(PARAMETERS[i]);
      ratio[i] = tracker.ratio(PARAMETERS[i]);
      anglePct[i] = tracker.symmetryAnglePercent(PARAMETERS[i]);
    }
  }

  void clear() {
    java.util.Arrays.fill(indexPct, Double.NaN);
    java.util.Arrays.fill(ratio, Double.NaN);
    java.util.Arrays.fill(anglePct, Double.NaN);
  }
}
