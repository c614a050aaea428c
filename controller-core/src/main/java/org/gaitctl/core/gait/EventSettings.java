package org.gaitctl.core.gait;

/**
 * Parameters of heel-strike / toe-off detection from one foot's vertical force.
 *
 * <p>A heel strike is confirmed when the force reaches the heel-strike threshold and is timed at
 * the interpolated moment the force rose through the toe-off threshold; a toe off is confirmed and
 * timed when it falls through the toe-off threshold. The gap between the two thresholds is the
 * hysteresis.
 *
 * @param heelStrikeThreshold absolute threshold (N, or the recording's unit) to confirm a contact
 * @param toeOffThreshold absolute threshold below which the foot is off the ground
 * @param relative true: thresholds are fractions of each foot's running force range instead (for
 *     recordings not in newtons, e.g. uncalibrated force-sensitive resistors)
 * @param heelStrikeFraction relative mode: heel-strike threshold as a fraction of the range
 * @param toeOffFraction relative mode: toe-off threshold as a fraction of the range
 * @param rangeTimeConstantS relative mode: how fast the running peak and floor forget, s
 * @param warmupS relative mode: no events before the range has been watched this long, s
 * @param minStanceS a foot stays on the ground at least this long after a heel strike, s
 * @param minSwingS a foot stays in the air at least this long after a toe off, s (force bouncing
 *     after toe off gives no heel strike)
 * @param maxGapS samples further apart than this reset the foot to "unknown" instead of inventing
 *     events across the gap, s
 * @param heelStrikeConfirmS the force must stay at or above the heel-strike threshold this long
 *     before the heel strike is reported (still timed at its level crossing), so that a noise spike
 *     on an unloaded sensor gives no contact, s
 */
public record EventSettings(
    double heelStrikeThreshold,
    double toeOffThreshold,
    boolean relative,
    double heelStrikeFraction,
    double toeOffFraction,
    double rangeTimeConstantS,
    double warmupS,
    double minStanceS,
    double minSwingS,
    double maxGapS,
    double heelStrikeConfirmS) {

  public EventSettings {
    if (!relative && !(heelStrikeThreshold >= toeOffThreshold)) {
      throw new IllegalArgumentException(
          "event settings: heelStrikeThreshold ("
              + heelStrikeThreshold
              + ") must be >= toeOffThreshold ("
              + toeOffThreshold
              + ")");
    }
    if (relative
        && !(heelStrikeFraction >= toeOffFraction
            && toeOffFraction > 0
            && heelStrikeFraction < 1)) {
      throw new IllegalArgumentException(
          "event settings: need 0 < toeOffFraction <= heelStrikeFraction < 1");
    }
    if (!(rangeTimeConstantS > 0) || warmupS < 0) {
      throw new IllegalArgumentException(
          "event settings: rangeTimeConstantS must be > 0 and warmupS >= 0");
    }
    if (minStanceS < 0 || minSwingS < 0 || !(maxGapS > 0)) {
      throw new IllegalArgumentException(
          "event settings: minStanceS, minSwingS must be >= 0 and maxGapS > 0");
    }
    if (!(heelStrikeConfirmS >= 0 && heelStrikeConfirmS < minStanceS + 1e-12)) {
      throw new IllegalArgumentException(
          "event settings: heelStrikeConfirmS must be >= 0 and not longer than minStanceS");
    }
  }

  /**
   * 20 N / 10 N, 120 ms minimum stance, 100 ms minimum swing, 100 ms maximum gap, 20 ms heel-strike
   * confirmation.
   */
  public static EventSettings newtonDefaults() {
    return new EventSettings(20.0, 10.0, false, 0.10, 0.05, 10.0, 2.0, 0.12, 0.10, 0.10, 0.02);
  }

  /** 10 % / 5 % of each foot's running range, otherwise as {@link #newtonDefaults()}. */
  public static EventSettings relativeDefaults() {
    return newtonDefaults().withRelative(0.10, 0.05);
  }

  /** These settings with absolute thresholds. */
  public EventSettings withThresholds(double heelStrike, double toeOff) {
    return new EventSettings(
        heelStrike,
        toeOff,
        false,
        heelStrikeFraction,
        toeOffFraction,
        rangeTimeConstantS,
        warmupS,
        minStanceS,
        minSwingS,
        maxGapS,
        heelStrikeConfirmS);
  }

  /** These settings with thresholds relative to each foot's running range. */
  public EventSettings withRelative(double heelStrike, double toeOff) {
    return new EventSettings(
        heelStrikeThreshold,
        toeOffThreshold,
        true,
        heelStrike,
        toeOff,
        rangeTimeConstantS,
        warmupS,
        minStanceS,
        minSwingS,
        maxGapS,
        heelStrikeConfirmS);
  }
}
