package org.gaitctl.core.analysis;

import java.util.Arrays;

/**
 * The level a force channel reads with its foot in the air, estimated from the recording itself: a
 * shoe's preload, an insole's offset or an uncalibrated sensor's zero. Subtracted before thresholds
 * and force-derived values, so that a preload neither merges stances nor inflates impulses, and an
 * ADC zero of −400 counts does not make an impulse negative.
 *
 * <p>Estimated as the channel's 20th percentile. A foot swings for 35–45 % of each stride, so the
 * lowest fifth of its samples are swing samples, and their upper end lies near the middle of the
 * swing noise (a lower percentile would sit at the noise's lower edge, and the noise would then
 * reach above the heel-strike threshold).
 */
final class UnloadedLevel {

  static final double PERCENTILE = 0.20;

  private UnloadedLevel() {}

  /** The unloaded level of {@code force}, in its unit; 0 for an empty channel. */
  static double of(double[] force) {
    if (force.length == 0) {
      return 0.0;
    }
    double[] sorted = force.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.floor(PERCENTILE * (sorted.length - 1))];
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
