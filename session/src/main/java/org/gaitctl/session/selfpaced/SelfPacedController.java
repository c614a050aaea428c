package org.gaitctl.session.selfpaced;

/**
 * The belt speed that keeps the patient where it should walk on the belt: position and velocity
 * feedback of the patient's (stride-filtered) position, as in Song, Choi &amp; Collins (2020). The
 * setpoint's rate of change is
 *
 * <pre>
 *   dv/dt = gain · dz(x − referenceM, deadZoneM) + velocityGain · ẋ     (clamped to ±maxAccelMps2)
 * </pre>
 *
 * with x the position ahead of the sensing area's centre and dz the dead zone. Since ẋ = v_patient
 * − v_belt, the patient's position error obeys ẍ + velocityGain·ẋ + gain·x = a_patient: a damped
 * second-order system whose natural frequency is √gain and whose damping ratio is velocityGain /
 * (2√gain). The setpoint integrates, so a patient walking at a steady speed ends with the belt at
 * that speed and at the reference, with no speed estimate of its own. The setpoint stays within
 * minSpeedMps..maxSpeedMps (and stops integrating there).
 *
 * <p>One thread (the one stepping the session); allocation-free per cycle.
 */
public final class SelfPacedController {

  private final SelfPacedSettings settings;
  private double setpointMps;
  private long lastNs;
  private boolean started;

  public SelfPacedController(SelfPacedSettings settings) {
    this.settings = settings;
  }

  /** Starts following from the belt's present speed (clamped into the settings' range). */
  public void start(long nowNs, double beltSpeedMps) {
    setpointMps = clamp(beltSpeedMps, settings.minSpeedMps(), settings.maxSpeedMps());
    lastNs = nowNs;
    started = true;
  }

  /**
   * The belt speed setpoint at {@code nowNs}, m/s, from the patient's filtered position ({@code
   * positionM}, m ahead of the sensing area's centre) and its rate ({@code rateMps}, m/s forward).
   *
   * @throws IllegalStateException before {@link #start}
   */
  public double update(long nowNs, double positionM, double rateMps) {
    if (!started) {
      throw new IllegalStateException("self-paced controller updated before start");
    }
    double dtS = (nowNs - lastNs) * 1e-9;
    lastNs = nowNs;
    if (dtS <= 0 || !Double.isFinite(positionM) || !Double.isFinite(rateMps)) {
      return setpointMps;
    }
    double errorM = deadZone(positionM - settings.referenceM(), settings.deadZoneM());
    double accelMps2 =
        clamp(
            settings.gain() * errorM + settings.velocityGain() * rateMps,
            -settings.maxAccelMps2(),
            settings.maxAccelMps2());
    setpointMps =
        clamp(setpointMps + accelMps2 * dtS, settings.minSpeedMps(), settings.maxSpeedMps());
    return setpointMps;
  }

  /** The last setpoint, m/s. */
  public double setpointMps() {
    return setpointMps;
  }

  private static double deadZone(double errorM, double halfWidthM) {
    if (errorM > halfWidthM) {
      return errorM - halfWidthM;
    }
    if (errorM < -halfWidthM) {
      return errorM + halfWidthM;
    }
    return 0.0;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
