package org.gaitctl.session.protocol;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolRequirements;

/**
 * The envelope a therapist's override must stay in: the strictest of the patient's, the protocol's
 * and the device profile's limits.
 *
 * @param maxSpeedMps highest speed, m/s
 * @param minInclinePercent lowest incline, % grade
 * @param maxInclinePercent highest incline, % grade
 * @param minUnloadingPercentBw lowest unloading, %BW
 * @param maxUnloadingPercentBw highest unloading, %BW
 * @param minUnloadingN lowest unloading force the device takes (other than 0), N
 * @param maxUnloadingN highest unloading force the device takes, N
 */
public record OverrideLimits(
    double maxSpeedMps,
    double minInclinePercent,
    double maxInclinePercent,
    double minUnloadingPercentBw,
    double maxUnloadingPercentBw,
    double minUnloadingN,
    double maxUnloadingN) {

  /** The strictest of the three. */
  public static OverrideLimits of(
      PatientLimits patient, ProtocolRequirements protocol, SafetyLimits device) {
    return new OverrideLimits(
        Math.min(device.maxBeltSpeedMps(), Math.min(patient.maxSpeedMps(), protocol.maxSpeedMps())),
        device.minInclinePercent(),
        Math.min(
            device.maxInclinePercent(),
            Math.min(patient.maxInclinePercent(), protocol.maxInclinePercent())),
        Math.max(patient.minUnloadingPercentBw(), protocol.minUnloadingPercentBw()),
        Math.min(patient.maxUnloadingPercentBw(), protocol.maxUnloadingPercentBw()),
        device.minUnloadingN(),
        device.maxUnloadingN());
  }
}
