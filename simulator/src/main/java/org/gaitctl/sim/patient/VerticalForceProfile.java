package org.gaitctl.sim.patient;

/**
 * The double-hump (M-shaped) vertical ground reaction force of one foot over its stance, as a
 * function of the stance phase {@code p} (0 at heel strike, 1 at toe off).
 *
 * <p>Loading ramp: a parabola {@code P·s(2−s)} over the first {@value #RAMP_FRACTION} of stance
 * (steep at heel strike, flat at the first peak); peak to valley and back: {@code V + (P−V)·q(s)},
 * {@code q(s) = ((1+cos πs)/2)²}, valley at mid stance; unloading ramp mirrors loading. Every
 * segment is monotone, so the maximum is exactly {@code P} (at {@value #RAMP_FRACTION} and 1 −
 * {@value #RAMP_FRACTION}) when {@code V ≤ P}. The stance integral is {@code S·P·G(V/P)} with
 * {@code G(r) = 2a·2/3 + 2m·(r + 0.375 (1−r))}, a the ramp and m the half-middle fraction, which
 * lets the model pick the valley that gives a step its impulse. Pure functions; any thread.
 */
final class VerticalForceProfile {

  static final double RAMP_FRACTION = 0.17;
  static final double MIN_VALLEY_RATIO = 0.30;
  static final double MAX_VALLEY_RATIO = 1.0;

  private static final double HALF_MIDDLE_FRACTION = 0.5 - RAMP_FRACTION;
  private static final double RAMP_AREA = 2.0 / 3.0;
  private static final double EASE_AREA = 0.375;

  private VerticalForceProfile() {}

  /** Force at stance phase {@code phase}, N; 0 outside [0, 1]. */
  static double forceN(double phase, double peakN, double valleyN) {
    if (!(phase > 0.0) || phase >= 1.0) {
      return 0.0;
    }
    double mirrored = phase <= 0.5 ? phase : 1.0 - phase;
    if (mirrored < RAMP_FRACTION) {
      double s = mirrored / RAMP_FRACTION;
      return peakN * s * (2.0 - s);
    }
    double s = (mirrored - RAMP_FRACTION) / HALF_MIDDLE_FRACTION;
    double ease = 0.5 * (1.0 + Math.cos(Math.PI * s));
    return valleyN + (peakN - valleyN) * ease * ease;
  }

  /** Stance mean of the profile over its peak for valley ratio {@code r = V/P}. */
  static double meanToPeak(double valleyRatio) {
    return 2.0 * RAMP_FRACTION * RAMP_AREA
        + 2.0 * HALF_MIDDLE_FRACTION * (valleyRatio + EASE_AREA * (1.0 - valleyRatio));
  }

  /**
   * The valley ratio whose profile has the given stance-mean-to-peak ratio, clamped to [{@value
   * #MIN_VALLEY_RATIO}, {@value #MAX_VALLEY_RATIO}] (outside, the step cannot carry its impulse
   * with that peak and the model accepts the nearest shape).
   */
  static double valleyRatioFor(double meanToPeak) {
    double fixed = meanToPeak(0.0);
    double perRatio = 2.0 * HALF_MIDDLE_FRACTION * (1.0 - EASE_AREA);
    double ratio = (meanToPeak - fixed) / perRatio;
    return GaitNorms.clamp(ratio, MIN_VALLEY_RATIO, MAX_VALLEY_RATIO);
  }
}
