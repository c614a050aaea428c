package org.gaitctl.core.symmetry;

import org.gaitctl.core.gait.StepRecordView;

/**
 * The per-step quantities whose left/right symmetry is tracked, with the floor below which their
 * symmetry is not meaningful (in the quantity's unit; forces in N).
 */
public enum StepParameter {
  STRIDE_TIME("s", 0.05),
  STANCE_TIME("s", 0.05),
  SWING_TIME("s", 0.05),
  STEP_TIME("s", 0.05),
  SINGLE_SUPPORT("s", 0.02),
  DOUBLE_SUPPORT("s", 0.02),
  STEP_LENGTH("m", 0.05),
  STEP_WIDTH("m", 0.02),
  PEAK_FORCE("N", 50.0),
  LOADING_RATE("N/s", 500.0),
  IMPULSE("N·s", 10.0);

  private final String unit;
  private final double defaultFloor;

  StepParameter(String unit, double defaultFloor) {
    this.unit = unit;
    this.defaultFloor = defaultFloor;
  }

  public String unit() {
    return unit;
  }

  /** Mean magnitude below which a symmetry index of this quantity is reported as NaN. */
  public double defaultFloor() {
    return defaultFloor;
  }

  /** True for the quantities measured in force units (their floors scale with the unit). */
  public boolean isForce() {
    return this == PEAK_FORCE || this == LOADING_RATE || this == IMPULSE;
  }

  /** This quantity's value in {@code step}, NaN when unknown. */
  public double of(StepRecordView step) {
    return switch (this) {
      case STRIDE_TIME -> step.strideTimeS();
      case STANCE_TIME -> step.stanceTimeS();
      case SWING_TIME -> step.swingTimeS();
      case STEP_TIME -> step.stepTimeS();
      case SINGLE_SUPPORT -> step.singleSupportS();
      case DOUBLE_SUPPORT -> step.doubleSupportS();
      case STEP_LENGTH -> step.stepLengthM();
      case STEP_WIDTH -> step.stepWidthM();
      case PEAK_FORCE -> step.peakForceN();
      case LOADING_RATE -> step.loadingRateNps();
      case IMPULSE -> step.impulseNewtonSeconds();
    };
  }
}
