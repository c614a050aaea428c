package org.gaitctl.app;

import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * The terminal's running symmetry over steady gait only: steps that began before the belt reached
 * its speed, and the first {@code settlingStrides} strides after (gait adapts to a new speed over a
 * few strides), are left out of the rolling means, and marked as such. The belt's speed is steady
 * from the time the session says it is running at its speed ({@link #speedSteadySince}); a speed
 * change starts the settling again.
 *
 * <p>Threads: {@link #speedSteadySince} from the session's thread, everything else on the printing
 * thread.
 */
final class SteadyGaitSymmetry {

  /** Time of the last speed change reaching its target; until the first, no step is steady. */
  private volatile long speedSteadySinceNs;

  private volatile boolean speedSteady;

  private final SymmetryTracker tracker;
  private final int settlingSteps;
  private long settlingFromNs = Long.MIN_VALUE;
  private int stepsSinceSteady;

  /**
   * @param windowSteps steps per side in the rolling means
   * @param settlingStrides strides (two steps each) left out after each speed change
   * @param forceFloorScale as the pipeline's symmetry (force floors scaled for the recording's
   *     unit)
   */
  SteadyGaitSymmetry(int windowSteps, int settlingStrides, double forceFloorScale) {
    if (settlingStrides < 0) {
      throw new IllegalArgumentException("settlingStrides must be >= 0, was " + settlingStrides);
    }
    this.tracker = new SymmetryTracker(windowSteps, forceFloorScale);
    this.settlingSteps = 2 * settlingStrides;
  }

  /** The belt reached its new speed at {@code timeNs} (session thread). */
  void speedSteadySince(long timeNs) {
    speedSteadySinceNs = timeNs;
    speedSteady = true;
  }

  /** The belt's speed is changing (session thread). */
  void speedChanging() {
    speedSteady = false;
  }

  /**
   * Takes a completed step: into the rolling means when gait is steady.
   *
   * @return whether the step counted (false: the belt's speed was changing or gait settling)
   */
  boolean onStep(StepRecordView step) {
    long steadySinceNs = speedSteadySinceNs;
    if (!speedSteady || step.heelStrikeNs() - steadySinceNs < 0) {
      return false;
    }
    if (steadySinceNs != settlingFromNs) {
      settlingFromNs = steadySinceNs;
      stepsSinceSteady = 0;
    }
    stepsSinceSteady++;
    if (stepsSinceSteady <= settlingSteps) {
      return false;
    }
    tracker.onStep(step);
    return true;
  }

  /**
   * Running symmetry index of {@code p} over the steady steps, percent; NaN when not meaningful.
   */
  double indexPct(StepParameter p) {
    return tracker.symmetryIndexPercent(p);
  }
}
