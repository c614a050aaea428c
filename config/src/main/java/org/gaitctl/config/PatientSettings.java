package org.gaitctl.config;

import java.util.List;

/**
 * The emulated patient. Asymmetries are symmetry indices (Robinson 1987) of the ground truth, in
 * percent: SI = 2 (L − R) / (L + R) × 100, so a positive value makes the left side's quantity the
 * larger. Validated on construction against the ranges below, which are the ranges the patient
 * model is built for; the profile reader and the command line use the same ranges.
 *
 * @param bodyMassKg body mass, kg
 * @param legLengthM leg length, m (sets step length and cadence at a given speed)
 * @param stanceAsymmetryPercent SI of stance time
 * @param stepLengthAsymmetryPercent SI of step length
 * @param peakForceAsymmetryPercent SI of peak vertical force
 * @param variabilityPercent step-to-step coefficient of variation of the step parameters
 * @param seed seed of the step-to-step variability, so a run can be repeated exactly
 * @param intendedSpeedSchedule the speeds the patient means to walk at over time, knots in strictly
 *     increasing time; empty: it follows the belt (walks at the belt's speed)
 */
public record PatientSettings(
    double bodyMassKg,
    double legLengthM,
    double stanceAsymmetryPercent,
    double stepLengthAsymmetryPercent,
    double peakForceAsymmetryPercent,
    double variabilityPercent,
    long seed,
    List<IntendedSpeedKnot> intendedSpeedSchedule) {

  /** The YAML keys of {@code simulation.patient}, in this order (docs/CONFIGURATION.md). */
  public static final List<String> YAML_KEYS =
      List.of(
          "bodyMassKg",
          "legLengthM",
          "stanceAsymmetryPercent",
          "stepLengthAsymmetryPercent",
          "peakForceAsymmetryPercent",
          "variabilityPercent",
          "seed",
          "intendedSpeedSchedule");

  public static final SettingRange BODY_MASS_KG = new SettingRange(20, 300);
  public static final SettingRange LEG_LENGTH_M = new SettingRange(0.4, 1.3);

  /** Beyond ±40 % one side's stance would outlast the stride at a slow walk. */
  public static final SettingRange STANCE_ASYMMETRY_PERCENT = new SettingRange(-40, 40);

  public static final SettingRange STEP_LENGTH_ASYMMETRY_PERCENT = new SettingRange(-50, 50);
  public static final SettingRange PEAK_FORCE_ASYMMETRY_PERCENT = new SettingRange(-50, 50);
  public static final SettingRange VARIABILITY_PERCENT = new SettingRange(0, 10);

  public PatientSettings {
    BODY_MASS_KG.require("bodyMassKg", bodyMassKg);
    LEG_LENGTH_M.require("legLengthM", legLengthM);
    STANCE_ASYMMETRY_PERCENT.require("stanceAsymmetryPercent", stanceAsymmetryPercent);
    STEP_LENGTH_ASYMMETRY_PERCENT.require("stepLengthAsymmetryPercent", stepLengthAsymmetryPercent);
    PEAK_FORCE_ASYMMETRY_PERCENT.require("peakForceAsymmetryPercent", peakForceAsymmetryPercent);
    VARIABILITY_PERCENT.require("variabilityPercent", variabilityPercent);
    intendedSpeedSchedule = List.copyOf(intendedSpeedSchedule);
    for (int i = 1; i < intendedSpeedSchedule.size(); i++) {
      if (!(intendedSpeedSchedule.get(i).atS() > intendedSpeedSchedule.get(i - 1).atS())) {
        throw new InvalidSettingException(
            "intendedSpeedSchedule[" + (i + 1) + "].atS",
            intendedSpeedSchedule.get(i).atS(),
            "must be after the previous knot's " + intendedSpeedSchedule.get(i - 1).atS());
      }
    }
  }

  /** A patient who follows the belt (no intended-speed schedule). */
  public PatientSettings(
      double bodyMassKg,
      double legLengthM,
      double stanceAsymmetryPercent,
      double stepLengthAsymmetryPercent,
      double peakForceAsymmetryPercent,
      double variabilityPercent,
      long seed) {
    this(
        bodyMassKg,
        legLengthM,
        stanceAsymmetryPercent,
        stepLengthAsymmetryPercent,
        peakForceAsymmetryPercent,
        variabilityPercent,
        seed,
        List.of());
  }

  /** A 75 kg adult with a symmetric gait and 2 % variability. */
  public static PatientSettings defaults() {
    return new PatientSettings(75.0, 0.90, 0.0, 0.0, 0.0, 2.0, 1L);
  }

  /** This patient with another body mass, kg. */
  public PatientSettings withBodyMassKg(double massKg) {
    return new PatientSettings(
        massKg,
        legLengthM,
        stanceAsymmetryPercent,
        stepLengthAsymmetryPercent,
        peakForceAsymmetryPercent,
        variabilityPercent,
        seed,
        intendedSpeedSchedule);
  }

  /** This patient with one symmetry index, percent, for stance time, step length and peak force. */
  public PatientSettings withAsymmetryPercent(double symmetryIndexPercent) {
    return new PatientSettings(
        bodyMassKg,
        legLengthM,
        symmetryIndexPercent,
        symmetryIndexPercent,
        symmetryIndexPercent,
        variabilityPercent,
        seed,
        intendedSpeedSchedule);
  }
}
