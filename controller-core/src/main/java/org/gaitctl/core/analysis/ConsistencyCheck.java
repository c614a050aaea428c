package org.gaitctl.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * Whether an analysis' steps look like one person walking: left and right strides alike in mean
 * duration, similar step counts per side, heel strikes alternating between the feet, few discarded
 * steps. A failure does not change the figures; it becomes a warning with its reason, printed with
 * them, because a reader must not take numbers from a misdetected recording as the patient's
 * asymmetry.
 */
final class ConsistencyCheck {

  /** Walking alternates: over a recording both feet's mean strides are the same to ~1 %. */
  static final double MAX_STRIDE_DIFFERENCE_FRACTION = 0.05;

  /** Per side, the first and last step may be missing; a few more at turns. */
  static final int MAX_STEP_COUNT_DIFFERENCE = 3;

  /**
   * In a long walk with turns (PhysioNet gaitndd: 270 steps per side, 4 apart) a few steps per
   * hundred may miss their toe off or next heel strike on one side.
   */
  static final double MAX_STEP_COUNT_DIFFERENCE_FRACTION = 0.02;

  static final double MAX_DISCARDED_FRACTION = 0.10;

  /**
   * A shoe or insole preloads a sensor by 10–30 N; a higher level read in swing means the foot was
   * never lifted (standing, a leaning hand) and thresholds above it see no real contact.
   */
  static final double MAX_UNLOADED_LEVEL_N = 50.0;

  private ConsistencyCheck() {}

  /** Warnings for unloaded levels (newtons) too high to be a preload. */
  static List<String> unloadedLevelWarnings(double leftN, double rightN) {
    List<String> warnings = new ArrayList<>();
    unloadedLevel(warnings, "left", leftN);
    unloadedLevel(warnings, "right", rightN);
    return warnings;
  }

  private static void unloadedLevel(List<String> warnings, String foot, double levelN) {
    if (Math.abs(levelN) > MAX_UNLOADED_LEVEL_N) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "the %s foot's unloaded level is %.1f N (more than %.0f N): it was hardly ever"
                  + " lifted, or its sensor is offset; its contacts are measured from that level",
              foot,
              levelN,
              MAX_UNLOADED_LEVEL_N));
    }
  }

  /**
   * @param events the heel strikes and toe offs found, in time order
   * @param noStepsReason the reason when no step was found
   */
  static List<String> warnings(
      int stepsLeft,
      int stepsRight,
      long discardedSteps,
      ParameterSummary stride,
      List<DetectedEvent> events,
      String noStepsReason) {
    List<String> warnings = new ArrayList<>();
    if (stepsLeft + stepsRight == 0) {
      warnings.add("no steps found: " + noStepsReason);
      return warnings;
    }
    int allowed =
        Math.max(
            MAX_STEP_COUNT_DIFFERENCE,
            (int) (MAX_STEP_COUNT_DIFFERENCE_FRACTION * Math.max(stepsLeft, stepsRight)));
    if (Math.abs(stepsLeft - stepsRight) > allowed) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d left but %d right steps (more than %d apart): events were missed or split on"
                  + " one side",
              stepsLeft,
              stepsRight,
              allowed));
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
    int repeated = repeatedHeelStrikes(events);
    if (repeated > allowed) {
      warnings.add(
          repeated
              + " heel strikes follow one of the same foot with none of the other foot between:"
              + " walking alternates, so a contact was split or the other foot's missed");
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

  /** Heel strikes whose previous heel strike was of the same foot. */
  static int repeatedHeelStrikes(List<DetectedEvent> events) {
    int repeated = 0;
    Side previous = null;
    for (DetectedEvent e : events) {
      if (e.kind() != GaitEventKind.HEEL_STRIKE) {
        continue;
      }
      repeated += e.side() == previous ? 1 : 0;
      previous = e.side();
    }
    return repeated;
  }
}
