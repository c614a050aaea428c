package org.gaitctl.session.selfpaced;

/**
 * The self-paced settings of a protocol stage (names as in the protocol): where the patient should
 * walk on the belt and how hard the belt follows it. Validated on construction.
 *
 * @param referenceM where the patient should walk: its stride-filtered centre of pressure, m ahead
 *     of the sensing area's centre (0 = centred)
 * @param deadZoneM the position error inside ±this is ignored, m (a patient never walks exactly on
 *     the spot; without it the belt would hunt for centimetres)
 * @param gain position gain: belt acceleration per metre ahead of the dead zone, (m/s²)/m = 1/s²
 * @param velocityGain velocity gain: belt acceleration per m/s the patient moves forward on the
 *     belt, (m/s²)/(m/s) = 1/s
 * @param minSpeedMps the slowest setpoint, m/s
 * @param maxSpeedMps the fastest setpoint, m/s
 * @param maxAccelMps2 the largest change of the setpoint per second, m/s²
 */
public record SelfPacedSettings(
    double referenceM,
    double deadZoneM,
    double gain,
    double velocityGain,
    double minSpeedMps,
    double maxSpeedMps,
    double maxAccelMps2) {

  public SelfPacedSettings {
    finite("referenceM", referenceM);
    nonNegative("deadZoneM", deadZoneM);
    positive("gain", gain);
    positive("velocityGain", velocityGain);
    nonNegative("minSpeedMps", minSpeedMps);
    positive("maxSpeedMps", maxSpeedMps);
    positive("maxAccelMps2", maxAccelMps2);
    if (!(maxSpeedMps > minSpeedMps)) {
      throw new IllegalArgumentException(
          "maxSpeedMps = " + maxSpeedMps + " must be above minSpeedMps = " + minSpeedMps);
    }
  }

  /**
   * The tuning of docs/CONTROL.md (self-paced belt): centred, ±3 cm dead zone, ω = 0.9 rad/s with
   * damping 0.9 (gain = ω², velocityGain = 2ζω), 0.3–1.6 m/s, 0.5 m/s².
   */
  public static SelfPacedSettings defaults() {
    return new SelfPacedSettings(0.0, 0.03, 0.81, 1.62, 0.3, 1.6, 0.5);
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " must be finite");
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " must be finite and >= 0");
    }
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + " must be finite and > 0");
    }
  }
}
