package org.gaitctl.config;

/**
 * One knot of the emulated patient's intended-speed schedule: {@code atS} after the patient starts
 * walking it means to walk at {@code speedMps}. The simulator joins knots by a smooth step.
 *
 * @param atS time since the patient's first step, s
 * @param speedMps the speed the patient means to walk at, m/s
 */
public record IntendedSpeedKnot(double atS, double speedMps) {

  /** Up to a day: a schedule is a session's length. */
  public static final SettingRange AT_S = new SettingRange(0, 86_400);

  /** From the slowest speed the gait norms hold for to a run. */
  public static final SettingRange SPEED_MPS = new SettingRange(0.2, 3.0);

  public IntendedSpeedKnot {
    AT_S.require("atS", atS);
    SPEED_MPS.require("speedMps", speedMps);
  }
}
