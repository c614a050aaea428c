package org.gaitctl.sim.patient;

/**
 * Walking-speed norms of the emulated patient: step frequency, duty factor and force peaks as
 * functions of belt speed.
 *
 * <p>Step frequency follows a constant walk ratio (step length / cadence; Sekiya &amp; Nagasaki
 * 1998, about 0.0064 m per step/min in healthy adults), so cadence = sqrt(60 v / WR) steps/min. The
 * walk ratio is scaled with leg length to the power 1.5, which keeps the relation the same at equal
 * Froude number. Below about 0.25 m/s cadence is held at a floor of 0.8 steps/s and steps just get
 * shorter. Pure functions; any thread.
 */
final class GaitNorms {

  static final double REFERENCE_LEG_LENGTH_M = 0.90;
  static final double REFERENCE_WALK_RATIO_M_PER_SPM = 0.0064;
  static final double MIN_STEP_FREQUENCY_HZ = 0.8;

  private final double walkRatioMPerSpm;

  GaitNorms(double legLengthM) {
    this.walkRatioMPerSpm =
        REFERENCE_WALK_RATIO_M_PER_SPM * Math.pow(legLengthM / REFERENCE_LEG_LENGTH_M, 1.5);
  }

  /** Steps per second (both feet counted) at {@code speedMps}. */
  double stepFrequencyHz(double speedMps) {
    return Math.max(MIN_STEP_FREQUENCY_HZ, Math.sqrt(speedMps / (60.0 * walkRatioMPerSpm)));
  }

  /** Time between two heel strikes of the same foot, s. */
  double strideTimeS(double speedMps) {
    return 2.0 / stepFrequencyHz(speedMps);
  }

  /**
   * Stance time as a fraction of the stride: about 0.61 at 1 m/s, longer when slow, shorter when
   * fast (linear fit to the usual 60–65 % of the gait cycle; Perry &amp; Burnfield).
   */
  static double dutyFactor(double speedMps) {
    return clamp(0.66 - 0.05 * speedMps, 0.57, 0.66);
  }

  /**
   * Peak vertical force over the supported weight: 1.05 at 0.5 m/s, 1.12 at 1 m/s, 1.19 at 1.5 m/s
   * (peaks grow with speed).
   */
  static double peakToWeightRatio(double speedMps) {
    return clamp(0.98 + 0.14 * speedMps, 1.0, 1.25);
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
