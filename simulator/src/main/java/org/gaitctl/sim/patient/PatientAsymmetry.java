package org.gaitctl.sim.patient;

import org.gaitctl.config.PatientSettings;

/**
 * The asymmetries a patient walks with, symmetry indices in percent (as {@link PatientSettings}):
 * immutable, so one reference hands a pair over from the fault console to the world thread without
 * tearing.
 *
 * @param stanceAsymmetryPercent SI of stance time, in {@link
 *     PatientSettings#STANCE_ASYMMETRY_PERCENT}
 * @param stepLengthAsymmetryPercent SI of step length, in {@link
 *     PatientSettings#STEP_LENGTH_ASYMMETRY_PERCENT}
 */
public record PatientAsymmetry(double stanceAsymmetryPercent, double stepLengthAsymmetryPercent) {

  /**
   * @throws org.gaitctl.config.InvalidSettingException outside the profile's ranges
   */
  public PatientAsymmetry {
    PatientSettings.STANCE_ASYMMETRY_PERCENT.require(
        "stanceAsymmetryPercent", stanceAsymmetryPercent);
    PatientSettings.STEP_LENGTH_ASYMMETRY_PERCENT.require(
        "stepLengthAsymmetryPercent", stepLengthAsymmetryPercent);
  }

  /** The asymmetries of the profile's patient. */
  public static PatientAsymmetry of(PatientSettings settings) {
    return new PatientAsymmetry(
        settings.stanceAsymmetryPercent(), settings.stepLengthAsymmetryPercent());
  }
}
