package org.gaitctl.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * Whether an analysis' steps look like one person walking: left and right strides alike in mean
 * duration, similar step counts per side, few discarded steps. A failure does not change the
 * figures; it becomes a warning with its reason, printed with them, because a reader must not take
 * numbers from a misdetected recording as the patient's asymmetry.
 */
final class ConsistencyCheck {

  /** Walking alternates: over a recording both feet's mean strides are the same to ~1 %. */
  static final double MAX_STRIDE_DIFFERENCE_FRACTION = 0.05;

  /** Per side, the first and last step may be missing; a few more at turns. */
  static final int MAX_STEP_COUNT_DIFFERENCE = 3;

  static final double MAX_DISCARDED_FRACTION = 0.10;

  private ConsistencyCheck() {}

  /**
   * @param noStepsReason the reason when no step was found, or empty
   */
  static List<String> warnings(
      int stepsLeft,
      int stepsRight,
      long discardedSteps,
      ParameterSummary stride,
      String noStepsReason) {
    List<String> warnings = new ArrayList<>();
    if (stepsLeft + stepsRight == 0) {
      warnings.add("no steps found: " + noStepsReason);
      return warnings;
    }
    if (Math.abs(stepsLeft - stepsRight) > MAX_STEP_COUNT_DIFFERENCE) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d left but %d right steps (more than %d apart): events were missed or split on"
                  + " one side",
              stepsLeft,
              stepsRight,
              MAX_STEP_COUNT_DIFFERENCE));
    }
    double left = stride.meanLeft();
    double right = stride.meanRight();
    if (Double.isFinite(left)
        && Double.isFinite(right)
        && Math.abs(left - right) > MAX_STRIDE_DIFFERENCE_FRACTION * Math.min(left, right)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "mean %s left %.3f s and right %.3f s differ by more than %.0f %%: both feet walk"
                  + " the same strides, so contacts were split or merged on one side",
              StepParameter.STRIDE_TIME.name().toLowerCase(Locale.ROOT),
              left,
              right,
              MAX_STRIDE_DIFFERENCE_FRACTION * 100));
    }
    long all = stepsLeft + stepsRight + discardedSteps;
    if (discardedSteps > MAX_DISCARDED_FRACTION * all) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d of %d steps discarded (more than %.0f %%): gaps in the data or missing toe offs",
              discardedSteps,
              all,
              MAX_DISCARDED_FRACTION * 100));
    }
    return warnings;
  }
}
