package org.gaitctl.config.protocol;

import java.util.Objects;
import org.gaitctl.config.InvalidSettingException;

/**
 * One stage of a therapy protocol. The executor ramps speed, incline and unloading from the
 * previous stage's values (standstill before the first stage) to this stage's over {@code rampS},
 * then holds them until the stage's length is done; the ramp counts towards the length.
 *
 * @param name unique within the protocol
 * @param length a duration or a distance
 * @param belt fixed speed or self-paced settings
 * @param inclinePercent incline, percent grade
 * @param unloadingPercentBw unloading in percent of body weight; 0 means force control off
 * @param rampS time of the ramp into this stage, s, &ge; 0
 */
public record ProtocolStage(
    String name,
    StageLength length,
    BeltMode belt,
    double inclinePercent,
    double unloadingPercentBw,
    double rampS) {

  /** Standard gravity, m/s², for converting percent body weight to newtons. */
  public static final double GRAVITY_MPS2 = 9.81;

  public ProtocolStage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(belt, "belt");
    if (!Double.isFinite(inclinePercent)) {
      throw new InvalidSettingException("inclinePercent", inclinePercent, "must be a number");
    }
    ProtocolRules.requirePercent("unloadingPercentBw", unloadingPercentBw);
    ProtocolRules.requireNonNegative("rampS", rampS);
  }

  /** The unloading force for a patient of {@code bodyMassKg}, N: m × g × % / 100. */
  public double unloadingN(double bodyMassKg) {
    return bodyMassKg * GRAVITY_MPS2 * unloadingPercentBw / 100.0;
  }
}
