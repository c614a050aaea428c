package org.gaitctl.config.protocol;

import org.gaitctl.config.InvalidSettingException;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.SettingRange;

/**
 * What the therapist allows for this patient; a protocol is checked against these before any
 * motion, as well as against the device's {@link SafetyLimits}.
 *
 * @param bodyMassKg body mass, kg, 20..250; turns percent body weight into newtons
 * @param maxSpeedMps highest belt speed, m/s
 * @param maxInclinePercent highest incline, percent grade
 * @param minUnloadingPercentBw lowest unloading while force control is on, percent body weight
 * @param maxUnloadingPercentBw highest unloading, percent body weight
 */
public record PatientLimits(
    double bodyMassKg,
    double maxSpeedMps,
    double maxInclinePercent,
    double minUnloadingPercentBw,
    double maxUnloadingPercentBw) {

  public static final SettingRange BODY_MASS_KG = new SettingRange(20, 250);

  public PatientLimits {
    BODY_MASS_KG.require("bodyMassKg", bodyMassKg);
    ProtocolRules.requirePositive("maxSpeedMps", maxSpeedMps);
    if (!Double.isFinite(maxInclinePercent)) {
      throw new InvalidSettingException("maxInclinePercent", maxInclinePercent, "must be a number");
    }
    ProtocolRules.requirePercent("minUnloadingPercentBw", minUnloadingPercentBw);
    ProtocolRules.requirePercent("maxUnloadingPercentBw", maxUnloadingPercentBw);
    if (!(minUnloadingPercentBw <= maxUnloadingPercentBw)) {
      throw new InvalidSettingException(
          "minUnloadingPercentBw", minUnloadingPercentBw, "must be <= maxUnloadingPercentBw");
    }
  }

  /**
   * A patient of {@code bodyMassKg} limited only by the device: its top speed and incline, and any
   * unloading (0..100 %BW), which the check then holds to the device's force range in newtons.
   */
  public static PatientLimits forBodyMass(double bodyMassKg, SafetyLimits device) {
    return new PatientLimits(
        bodyMassKg, device.maxBeltSpeedMps(), device.maxInclinePercent(), 0, 100);
  }
}
