package org.gaitctl.sim.patient;

/**
 * The pressure belt's loss of sensitivity over a walk (Pathak &amp; Ahn 2021 report zebris-type
 * belts losing force over a 10-minute walk): gain(t) = 1 − L (1 − e^(−t/τ)), t from the model's
 * first advance; with the defaults L = 10 %, τ = 600 s / ln 5, the belt reads 8 % low after 10
 * minutes. Plus a constant baseline offset in counts on every cell. Pure; any thread.
 */
final class SensorDrift {

  private final double lossFraction;
  private final double timeConstantS;
  private final int baselineOffsetCounts;

  SensorDrift(PatientModelOptions options) {
    this.lossFraction = options.sensitivityLossFraction();
    this.timeConstantS = options.sensitivityTimeConstantS();
    this.baselineOffsetCounts = options.baselineOffsetCounts();
  }

  /** Sensitivity {@code elapsedNs} after the start of the walk (1 = true pressure). */
  double gain(long elapsedNs) {
    if (lossFraction == 0.0 || elapsedNs <= 0) {
      return 1.0;
    }
    return 1.0 - lossFraction * (1.0 - Math.exp(-elapsedNs * 1e-9 / timeConstantS));
  }

  int baselineOffsetCounts() {
    return baselineOffsetCounts;
  }
}
