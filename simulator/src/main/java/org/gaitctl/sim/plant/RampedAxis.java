package org.gaitctl.sim.plant;

/**
 * A quantity that follows its target at a bounded rate: a belt's speed along its ramp, an incline
 * actuator. Not thread-safe; stepped by the simulation thread.
 */
public final class RampedAxis {

  private double value;

  public double value() {
    return value;
  }

  /** Jumps to {@code newValue} (a bumpless start from a measured value). */
  public void reset(double newValue) {
    value = newValue;
  }

  /**
   * Moves towards {@code target} by at most {@code ratePerS × dtS}.
   *
   * @param ratePerS the ramp, units per second, &gt; 0
   */
  public void advance(double dtS, double target, double ratePerS) {
    double maxStep = ratePerS * dtS;
    double error = target - value;
    value = Math.abs(error) <= maxStep ? target : value + Math.copySign(maxStep, error);
  }
}
