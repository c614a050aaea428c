package org.gaitctl.core.analysis;

import java.util.Arrays;

/**
 * The level a force channel reads with its foot in the air, estimated from the recording itself: a
 * shoe's preload, an insole's offset or an uncalibrated sensor's zero. Subtracted before thresholds
 * and force-derived values, so that a preload neither merges stances nor inflates impulses, and an
 * ADC zero of −400 counts does not make an impulse negative.
 *
 * <p>Estimated as the channel's 20th percentile. A walking foot swings for 35–45 % of each stride,
 * so the lowest fifth of its samples are swing samples, and their upper end lies near the middle of
 * the swing noise (a lower percentile would sit at the noise's lower edge, and the noise would then
 * reach above the heel-strike threshold).
 *
 * <p>A recording that stands longer than it walks (a treadmill journal: the patient stands on the
 * belt before it starts) has fewer than a fifth of its samples in swing, and its 20th percentile is
 * a loaded force. So the level may lie at most a loaded foot's margin above the channel's floor
 * (its 5th percentile): the toe-off threshold in newtons, below which the detector calls a foot
 * unloaded; in other units the heel-strike fraction of the range, since the swing readings of a
 * force-sensitive resistor drift over more than the toe-off fraction. A higher 20th percentile is a
 * loaded force, and the level is then the 20th percentile of the samples within that margin, the
 * feet in the air.
 */
final class UnloadedLevel {

  static final double PERCENTILE = 0.20;

  /**
   * The channel's floor: low enough to be a swing sample when a foot swings for a twentieth of the
   * recording, high enough to skip glitches and a filter's undershoot.
   */
  static final double FLOOR_PERCENTILE = 0.05;

  private UnloadedLevel() {}

  /**
   * The unloaded level of {@code force}, in its unit; 0 for an empty channel.
   *
   * @param loadedAboveFloor a force this far above the channel's floor is a loaded foot (the
   *     toe-off threshold, in the channel's unit)
   */
  static double of(double[] force, double loadedAboveFloor) {
    if (force.length == 0) {
      return 0.0;
    }
    double[] sorted = force.clone();
    Arrays.sort(sorted);
    double level = percentile(sorted, sorted.length, PERCENTILE);
    double loadedFrom = percentile(sorted, sorted.length, FLOOR_PERCENTILE) + loadedAboveFloor;
    if (level <= loadedFrom) {
      return level;
    }
    int unloaded = 0;
    while (unloaded < sorted.length && sorted[unloaded] <= loadedFrom) {
      unloaded++;
    }
    return percentile(sorted, unloaded, PERCENTILE);
  }

  /** The {@code p} percentile of the first {@code count} (≥ 1) values of {@code sorted}. */
  private static double percentile(double[] sorted, int count, double p) {
    return sorted[(int) Math.floor(p * (count - 1))];
  }

  /** {@code force} minus {@code level}, a new array. */
  static double[] subtract(double[] force, double level) {
    double[] out = new double[force.length];
    for (int i = 0; i < force.length; i++) {
      out[i] = force[i] - level;
    }
    return out;
  }
}
