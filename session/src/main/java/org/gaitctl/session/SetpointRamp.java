package org.gaitctl.session;

/**
 * A setpoint moving towards its target by at most one step per cycle: how the session turns a new
 * speed or unloading into commands small enough for the command gate and gentle for the patient.
 *
 * <p>Session thread only; allocation-free.
 */
final class SetpointRamp {

  private final double stepPerCycle;
  private double value;
  private double target;

  /**
   * @param stepPerCycle the largest change per cycle (rate × cycle period)
   */
  SetpointRamp(double stepPerCycle) {
    this.stepPerCycle = stepPerCycle;
  }

  /** Starts at {@code from} with {@code to} as the target. */
  void reset(double from, double to) {
    value = from;
    target = to;
  }

  void retarget(double to) {
    target = to;
  }

  /** Moves one step towards the target and returns the new setpoint. */
  double step() {
    double gap = target - value;
    value = Math.abs(gap) <= stepPerCycle ? target : value + Math.copySign(stepPerCycle, gap);
    return value;
  }

  boolean reached() {
    return value == target;
  }

  double value() {
    return value;
  }

  double target() {
    return target;
  }
}
