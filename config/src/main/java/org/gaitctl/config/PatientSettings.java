package org.gaitctl.config;

/**
 * The emulated patient. Asymmetries are symmetry indices (Robinson 1987) of the ground truth, in
 * percent: SI = 2 (L − R) / (L + R) × 100, so a positive value makes the left side's quantity the
 * larger.
 *
 * @param bodyMassKg body mass, kg
 * @param legLengthM leg length, m (sets step length and cadence at a given speed)
 * @param stanceAsymmetryPercent SI of stance time
 * @param stepLengthAsymmetryPercent SI of step length
 * @param peakForceAsymmetryPercent SI of peak vertical force
 * @param variabilityPercent step-to-step coefficient of variation of the step parameters
 * @param seed seed of the step-to-step variability, so a run can be repeated exactly
 */
public record PatientSettings(
    double bodyMassKg,
    double legLengthM,
    double stanceAsymmetryPercent,
    double stepLengthAsymmetryPercent,
    double peakForceAsymmetryPercent,
    double variabilityPercent,
    long seed) {

  /** A 75 kg adult with a symmetric gait and 2 % variability. */
  public static PatientSettings defaults() {
    return new PatientSettings(75.0, 0.90, 0.0, 0.0, 0.0, 2.0, 1L);
  }
}
