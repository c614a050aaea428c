package org.gaitctl.config.protocol;

/**
 * How long and how far a protocol or a stage runs, ramps counted at the stage's speed. Exact for
 * fixed speeds; for self-paced stages the bounds the speed range allows (the longest time is
 * infinite when a self-paced distance stage may stand still, minSpeedMps 0).
 *
 * @param minDurationS shortest time, s
 * @param maxDurationS longest time, s (may be infinite)
 * @param minDistanceM shortest distance, m
 * @param maxDistanceM longest distance, m
 */
public record ProtocolTotals(
    double minDurationS, double maxDurationS, double minDistanceM, double maxDistanceM) {

  /** The sum over the protocol's stages. */
  public static ProtocolTotals of(TherapyProtocol protocol) {
    ProtocolTotals total = new ProtocolTotals(0, 0, 0, 0);
    for (ProtocolStage stage : protocol.stages()) {
      total = total.plus(ofStage(stage));
    }
    return total;
  }

  /** One stage: a duration walked at the stage's speeds, or a distance at them. */
  public static ProtocolTotals ofStage(ProtocolStage stage) {
    double lowMps = stage.belt().lowestSpeedMps();
    double highMps = stage.belt().highestSpeedMps();
    if (stage.length() instanceof StageLength.Timed timed) {
      double durationS = timed.durationS();
      return new ProtocolTotals(durationS, durationS, lowMps * durationS, highMps * durationS);
    }
    double distanceM = ((StageLength.Distance) stage.length()).distanceM();
    double longestS = lowMps > 0 ? distanceM / lowMps : Double.POSITIVE_INFINITY;
    return new ProtocolTotals(distanceM / highMps, longestS, distanceM, distanceM);
  }

  /** Whether the duration is one number (no self-paced distance stage). */
  public boolean durationExact() {
    return minDurationS == maxDurationS;
  }

  /** Whether the distance is one number (no self-paced timed stage). */
  public boolean distanceExact() {
    return minDistanceM == maxDistanceM;
  }

  private ProtocolTotals plus(ProtocolTotals other) {
    return new ProtocolTotals(
        minDurationS + other.minDurationS,
        maxDurationS + other.maxDurationS,
        minDistanceM + other.minDistanceM,
        maxDistanceM + other.maxDistanceM);
  }
}
