package org.gaitctl.config.protocol;

import org.gaitctl.config.InvalidSettingException;

/**
 * The patients a protocol is written for and the envelope its stages keep to (the file's optional
 * {@code limits} section). Keys the file leaves out constrain nothing: body mass 20..250 kg, no
 * speed or incline cap, unloading 0..100 %BW.
 *
 * @param minBodyMassKg lightest patient, kg
 * @param maxBodyMassKg heaviest patient, kg
 * @param maxSpeedMps highest belt speed any stage may reach (self-paced included), m/s
 * @param maxInclinePercent highest incline of any stage, percent grade
 * @param minUnloadingPercentBw lowest unloading of any stage, percent body weight
 * @param maxUnloadingPercentBw highest unloading of any stage, percent body weight
 */
public record ProtocolRequirements(
    double minBodyMassKg,
    double maxBodyMassKg,
    double maxSpeedMps,
    double maxInclinePercent,
    double minUnloadingPercentBw,
    double maxUnloadingPercentBw) {

  /** No requirement beyond the patient's and the device's own limits. */
  public static final ProtocolRequirements NONE =
      new ProtocolRequirements(
          PatientLimits.BODY_MASS_KG.min(),
          PatientLimits.BODY_MASS_KG.max(),
          Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          0,
          100);

  public ProtocolRequirements {
    if (!(minBodyMassKg <= maxBodyMassKg)) {
      throw new InvalidSettingException("minBodyMassKg", minBodyMassKg, "must be <= maxBodyMassKg");
    }
    if (!(minUnloadingPercentBw <= maxUnloadingPercentBw)) {
      throw new InvalidSettingException(
          "minUnloadingPercentBw", minUnloadingPercentBw, "must be <= maxUnloadingPercentBw");
    }
    if (!(maxSpeedMps > 0)) {
      throw new InvalidSettingException("maxSpeedMps", maxSpeedMps, "must be > 0");
    }
  }
}
