package org.gaitctl.config.protocol;

/** How long a stage lasts: a time or a distance walked on the belt, exactly one of them. */
public sealed interface StageLength {

  /** The shortest time the stage can take when the belt runs at most {@code topSpeedMps}, s. */
  double shortestTimeS(double topSpeedMps);

  /**
   * The stage lasts a fixed time.
   *
   * @param durationS seconds, &gt; 0, the ramp into the stage included
   */
  record Timed(double durationS) implements StageLength {
    public Timed {
      ProtocolRules.requirePositive("durationS", durationS);
    }

    @Override
    public double shortestTimeS(double topSpeedMps) {
      return durationS;
    }
  }

  /**
   * The stage lasts until the belt has moved this far.
   *
   * @param distanceM metres of belt travel, &gt; 0, the ramp into the stage included
   */
  record Distance(double distanceM) implements StageLength {
    public Distance {
      ProtocolRules.requirePositive("distanceM", distanceM);
    }

    @Override
    public double shortestTimeS(double topSpeedMps) {
      return distanceM / topSpeedMps;
    }
  }
}
