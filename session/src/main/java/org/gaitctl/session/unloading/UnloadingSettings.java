package org.gaitctl.session.unloading;

import org.gaitctl.config.SafetyLimits;

/**
 * Tuning and limits of the unloading loop. Gains and their choice are in {@code docs/CONTROL.md}.
 *
 * @param cyclePeriodNs control period, ns (50 Hz: one FORCE_SET write per Modbus round trip)
 * @param minUnloadingN lowest command, N (the profile's minUnloadingN)
 * @param maxUnloadingN highest command, N (the profile's maxUnloadingN)
 * @param maxForceRateNPerS largest change of the command per second, N/s
 * @param proportionalGain outer-loop P gain, N commanded per N of load-cell error
 * @param integralGainPerS outer-loop I gain, N commanded per N of error and second
 * @param learningGain share of the phase-aligned error added to a feed-forward bin per update (0
 *     turns the feed-forward off)
 * @param phaseBins bins of the feed-forward table over one stride
 * @param learningLeadNs how far the error is attributed back in time to the command that caused it:
 *     the unit's inner loop lag plus the Modbus delay, ns
 * @param maxSampleAgeNs a load-cell sample older than this freezes the loop (stream late), ns
 * @param steadyStrides consecutive strides of similar period before the feed-forward engages
 * @param strideToleranceFraction a stride within this fraction of the previous one is similar
 * @param pauseResetNs no heel strike for this long forgets the learned table, ns
 * @param speedResetMps a belt speed change larger than this forgets the learned table, m/s
 */
public record UnloadingSettings(
    long cyclePeriodNs,
    double minUnloadingN,
    double maxUnloadingN,
    double maxForceRateNPerS,
    double proportionalGain,
    double integralGainPerS,
    double learningGain,
    int phaseBins,
    long learningLeadNs,
    long maxSampleAgeNs,
    int steadyStrides,
    double strideToleranceFraction,
    long pauseResetNs,
    double speedResetMps) {

  public static final long DEFAULT_CYCLE_PERIOD_NS = 20_000_000L;

  public UnloadingSettings {
    if (cyclePeriodNs <= 0) {
      throw new IllegalArgumentException("cyclePeriodNs must be positive: " + cyclePeriodNs);
    }
    if (!(minUnloadingN >= 0 && maxUnloadingN > minUnloadingN)) {
      throw new IllegalArgumentException(
          "unloading range must satisfy 0 <= min < max: " + minUnloadingN + ", " + maxUnloadingN);
    }
    if (!(maxForceRateNPerS > 0)) {
      throw new IllegalArgumentException(
          "maxForceRateNPerS must be positive: " + maxForceRateNPerS);
    }
    if (!(proportionalGain >= 0 && integralGainPerS >= 0 && learningGain >= 0)) {
      throw new IllegalArgumentException("gains must be non-negative and finite");
    }
    if (phaseBins < 8) {
      throw new IllegalArgumentException("phaseBins must be at least 8: " + phaseBins);
    }
    if (learningLeadNs < 0 || maxSampleAgeNs <= 0 || pauseResetNs <= 0 || steadyStrides < 1) {
      throw new IllegalArgumentException("times must be positive and steadyStrides at least 1");
    }
    if (!(strideToleranceFraction > 0 && speedResetMps > 0)) {
      throw new IllegalArgumentException("stride tolerance and speed reset must be positive");
    }
  }

  /** The tuned loop within the profile's limits: PI plus phase feed-forward at 50 Hz. */
  public static UnloadingSettings tuned(SafetyLimits limits) {
    return tuned(limits.minUnloadingN(), limits.maxUnloadingN(), limits.maxForceRateNPerS());
  }

  /** The tuned loop within explicit limits. */
  public static UnloadingSettings tuned(
      double minUnloadingN, double maxUnloadingN, double maxForceRateNPerS) {
    return new UnloadingSettings(
        DEFAULT_CYCLE_PERIOD_NS,
        minUnloadingN,
        maxUnloadingN,
        maxForceRateNPerS,
        0.3,
        2.0,
        0.15,
        48,
        60_000_000L,
        50_000_000L,
        3,
        0.08,
        2_000_000_000L,
        0.05);
  }

  /** These settings with another learning gain (0: outer PI only). */
  public UnloadingSettings withLearningGain(double gain) {
    return new UnloadingSettings(
        cyclePeriodNs,
        minUnloadingN,
        maxUnloadingN,
        maxForceRateNPerS,
        proportionalGain,
        integralGainPerS,
        gain,
        phaseBins,
        learningLeadNs,
        maxSampleAgeNs,
        steadyStrides,
        strideToleranceFraction,
        pauseResetNs,
        speedResetMps);
  }

  /** These settings with the outer loop off: the command is the target (setpoint only). */
  public UnloadingSettings setpointOnly() {
    return new UnloadingSettings(
        cyclePeriodNs,
        minUnloadingN,
        maxUnloadingN,
        maxForceRateNPerS,
        0,
        0,
        0,
        phaseBins,
        learningLeadNs,
        maxSampleAgeNs,
        steadyStrides,
        strideToleranceFraction,
        pauseResetNs,
        speedResetMps);
  }
}
