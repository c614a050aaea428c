package org.gaitctl.sim.patient;

/**
 * Settings of the emulated patient that {@link org.gaitctl.config.PatientSettings} does not carry:
 * foot geometry and placement, the pressure belt's sensor drift, and the speeds at which the
 * patient starts and stops walking. Validated on construction; a bad value fails with a message
 * naming the field.
 *
 * @param stepWidthM lateral distance between the feet's centre lines, m
 * @param footLengthM footprint length heel to toe, m
 * @param footWidthM footprint width at its widest, m
 * @param toeOutDeg foot progression angle, toes turned outwards, degrees
 * @param midlineCrossingProbability chance per step that the swing foot lands closer to the midline
 *     by {@code midlineCrossingM} (single belt only; a split belt keeps each foot on its own belt)
 * @param midlineCrossingM how far such a step lands towards (and over) the midline, m
 * @param sensitivityLossFraction asymptotic loss of the belt's pressure sensitivity (0 disables)
 * @param sensitivityTimeConstantS time constant of that loss, s
 * @param baselineOffsetCounts offset every cell reads on top of the pressure, counts (0.01 N/cm²)
 * @param walkStartSpeedMps belt speed at which a standing patient starts walking, m/s
 * @param walkStopSpeedMps belt speed below which a walking patient stops at the next step, m/s
 */
public record PatientModelOptions(
    double stepWidthM,
    double footLengthM,
    double footWidthM,
    double toeOutDeg,
    double midlineCrossingProbability,
    double midlineCrossingM,
    double sensitivityLossFraction,
    double sensitivityTimeConstantS,
    int baselineOffsetCounts,
    double walkStartSpeedMps,
    double walkStopSpeedMps) {

  /**
   * Sensitivity time constant giving −8 % at 10 minutes with a 10 % asymptotic loss: 1 − 0.1 (1 −
   * e^(−600/τ)) = 0.92 ⇒ τ = 600 / ln 5 s.
   */
  public static final double DEFAULT_SENSITIVITY_TIME_CONSTANT_S = 600.0 / Math.log(5.0);

  public PatientModelOptions {
    require("stepWidthM", stepWidthM, 0.0, 0.40);
    require("footLengthM", footLengthM, 0.02, 0.40);
    require("footWidthM", footWidthM, 0.01, 0.20);
    require("toeOutDeg", toeOutDeg, -20.0, 30.0);
    require("midlineCrossingProbability", midlineCrossingProbability, 0.0, 1.0);
    require("midlineCrossingM", midlineCrossingM, 0.0, 0.20);
    require("sensitivityLossFraction", sensitivityLossFraction, 0.0, 0.9);
    require("sensitivityTimeConstantS", sensitivityTimeConstantS, 1.0, 1.0e6);
    require("baselineOffsetCounts", baselineOffsetCounts, 0, 1000);
    require("walkStartSpeedMps", walkStartSpeedMps, 0.001, 1.0);
    require("walkStopSpeedMps", walkStopSpeedMps, 0.0, walkStartSpeedMps);
  }

  /**
   * 14 cm step width, a 26 × 9 cm foot turned out 7°, 2 % of steps landing 5 cm towards the
   * midline, sensor drift on (−8 % after 10 minutes, 1 count baseline), walking from 0.05 m/s,
   * stopping below 0.02 m/s.
   */
  public static PatientModelOptions defaults() {
    return new PatientModelOptions(
        0.14,
        0.26,
        0.09,
        7.0,
        0.02,
        0.05,
        0.10,
        DEFAULT_SENSITIVITY_TIME_CONSTANT_S,
        1,
        0.05,
        0.02);
  }

  /** The same options with an ideal belt: no sensitivity loss, no baseline offset. */
  public PatientModelOptions withoutSensorDrift() {
    return new PatientModelOptions(
        stepWidthM,
        footLengthM,
        footWidthM,
        toeOutDeg,
        midlineCrossingProbability,
        midlineCrossingM,
        0.0,
        sensitivityTimeConstantS,
        0,
        walkStartSpeedMps,
        walkStopSpeedMps);
  }

  /** The same options with the given chance per step of landing towards the midline. */
  public PatientModelOptions withMidlineCrossingProbability(double probability) {
    return new PatientModelOptions(
        stepWidthM,
        footLengthM,
        footWidthM,
        toeOutDeg,
        probability,
        midlineCrossingM,
        sensitivityLossFraction,
        sensitivityTimeConstantS,
        baselineOffsetCounts,
        walkStartSpeedMps,
        walkStopSpeedMps);
  }

  private static void require(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          "patient model option "
              + field
              + " = "
              + value
              + " must be within ["
              + min
              + ", "
              + max
              + "]");
    }
  }
}
