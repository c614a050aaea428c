package org.gaitctl.config.protocol;

import org.gaitctl.config.InvalidSettingException;

/** What sets the belt speed during a stage: a fixed setpoint, or the patient (self-paced). */
public sealed interface BeltMode {

  /** The lowest speed the belt may run at in this mode, m/s. */
  double lowestSpeedMps();

  /** The highest speed the belt may run at in this mode, m/s. */
  double highestSpeedMps();

  /**
   * The belt runs at one speed.
   *
   * @param speedMps belt speed, m/s, &gt; 0
   */
  record FixedSpeed(double speedMps) implements BeltMode {
    public FixedSpeed {
      ProtocolRules.requirePositive("speedMps", speedMps);
    }

    @Override
    public double lowestSpeedMps() {
      return speedMps;
    }

    @Override
    public double highestSpeedMps() {
      return speedMps;
    }
  }

  /**
   * The self-paced controller follows the patient's position on the belt: inside the dead zone
   * around the belt's centre it holds the speed; beyond it, it changes the speed in proportion to
   * the offset (gain), within the speed bounds and the acceleration limit.
   *
   * @param deadZoneM half-width of the dead zone around the centre, m, &ge; 0
   * @param gain the belt's acceleration per metre of offset beyond the dead zone, (m/s²)/m, &gt; 0
   *     (the position loop's ω²; the controller sets its rate term for a damping of 0.9)
   * @param minSpeedMps lowest speed, m/s, &ge; 0
   * @param maxSpeedMps highest speed, m/s, &gt; minSpeedMps
   * @param maxAccelMps2 highest acceleration or deceleration, m/s², &gt; 0
   */
  record SelfPaced(
      double deadZoneM, double gain, double minSpeedMps, double maxSpeedMps, double maxAccelMps2)
      implements BeltMode {
    public SelfPaced {
      ProtocolRules.requireNonNegative("deadZoneM", deadZoneM);
      ProtocolRules.requirePositive("gain", gain);
      ProtocolRules.requireNonNegative("minSpeedMps", minSpeedMps);
      ProtocolRules.requirePositive("maxSpeedMps", maxSpeedMps);
      ProtocolRules.requirePositive("maxAccelMps2", maxAccelMps2);
      if (!(minSpeedMps < maxSpeedMps)) {
        throw new InvalidSettingException("minSpeedMps", minSpeedMps, "must be < maxSpeedMps");
      }
    }

    @Override
    public double lowestSpeedMps() {
      return minSpeedMps;
    }

    @Override
    public double highestSpeedMps() {
      return maxSpeedMps;
    }
  }
}
