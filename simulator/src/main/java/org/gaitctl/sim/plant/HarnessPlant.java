package org.gaitctl.sim.plant;

/**
 * The BWS unit's cable and the patient's harness. The winch pays cable out or takes it in; the
 * cable and harness stretch like a spring between the winch and the harness point, which moves with
 * the patient's centre of mass. Tension = stiffness × stretch, zero when the cable is slack.
 *
 * <p>Under force control the winch speed is proportional to the error between the setpoint and the
 * unit's own sensor, which makes the tension follow the setpoint as a first-order lag with the
 * configured time constant and rejects COM motion only within that bandwidth, so the patient's
 * steps still modulate the tension. Braked, the cable length is frozen: the harness is never
 * lowered.
 *
 * <p>A patient collapse (stumble or fall) moves the weight the legs carried onto the harness: the
 * harness point sinks until the tension reaches the collapsing share of body weight, or the patient
 * reaches the floor.
 *
 * <p>Not thread-safe; stepped by the simulation thread under the BWS model's lock.
 */
public final class HarnessPlant {

  /** Pull speed above which a yielding winch locks (walking moves the harness point slower). */
  static final double YIELD_LOCK_SPEED_MPS = 0.8;

  private final PlantParameters parameters;
  private double cablePaidOutM;
  private double harnessPointDropM;
  private double tensionN;
  private double collapseLoadFraction;
  private double collapseRemainingS;
  private double collapseTargetN;
  private boolean collapseStarted;
  private double gaitShare = 1;
  private double injectedSensorGain = 1;

  public HarnessPlant(PlantParameters parameters) {
    this.parameters = parameters;
    this.cablePaidOutM = parameters.harnessRestDistanceM();
  }

  /**
   * Starts a collapse: within about three collapse time constants the harness takes {@code
   * loadFraction} of the weight the legs were carrying, for {@code durationS} (a stumble), or for
   * good with {@link Double#POSITIVE_INFINITY} (a fall); afterwards the patient stands up again.
   */
  public void collapse(double loadFraction, double durationS) {
    this.collapseLoadFraction = loadFraction;
    this.collapseRemainingS = durationS;
    this.collapseStarted = false;
  }

  /** Ends a collapse now: the patient stands up again (harness point back within seconds). */
  public void endCollapse() {
    collapseRemainingS = 0;
  }

  /**
   * Back to the state at power-on: no collapse, the patient standing upright in the harness, the
   * cable paid out to the rest distance (slack). The bench after this is the bench at start.
   */
  public void restoreStanding() {
    collapseRemainingS = 0;
    collapseStarted = false;
    harnessPointDropM = 0;
    gaitShare = 1;
    injectedSensorGain = 1;
    cablePaidOutM = parameters.harnessRestDistanceM();
    tensionN = 0;
  }

  /** Force control: the winch drives the unit's own sensor reading towards {@code setpointN}. */
  public void advanceForceControl(
      double dtS, double setpointN, double comDisplacementM, double bodyWeightN) {
    double errorN = setpointN - sensorForceN();
    double speedMps =
        -errorN / (parameters.harnessStiffnessNPerM() * parameters.forceLoopTimeConstantS());
    double limit = parameters.winchMaxSpeedMps();
    cablePaidOutM += Math.max(-limit, Math.min(limit, speedMps)) * dtS;
    advanceBody(dtS, comDisplacementM, bodyWeightN);
  }

  /**
   * Force control off, brake released: the winch yields cable like a seat belt, so a walking
   * patient is not loaded, but locks when the harness pulls faster than {@value
   * #YIELD_LOCK_SPEED_MPS} m/s, so a fall is still arrested (and shows on the load cell).
   */
  public void advanceYielding(double dtS, double comDisplacementM, double bodyWeightN) {
    advanceBody(dtS, comDisplacementM, bodyWeightN);
    double stretchM = tensionN / parameters.harnessStiffnessNPerM();
    if (stretchM <= YIELD_LOCK_SPEED_MPS * dtS) {
      cablePaidOutM += stretchM;
      tensionN = 0;
    }
  }

  /** Brake engaged: the cable length does not change. */
  public void advanceBraked(double dtS, double comDisplacementM, double bodyWeightN) {
    advanceBody(dtS, comDisplacementM, bodyWeightN);
  }

  private void advanceBody(double dtS, double comDisplacementM, double bodyWeightN) {
    double stiffness = parameters.harnessStiffnessNPerM();
    if (collapseRemainingS > 0) {
      if (!collapseStarted) {
        collapseTargetN = tensionN + collapseLoadFraction * (bodyWeightN - tensionN);
        collapseStarted = true;
      }
      // The hanging body settles where the harness carries the collapsing share of its weight.
      double shortfallN = collapseTargetN - tensionN;
      harnessPointDropM -= shortfallN / (stiffness * parameters.collapseTimeConstantS()) * dtS;
      collapseRemainingS -= dtS;
      gaitShare -= gaitShare / parameters.collapseTimeConstantS() * dtS;
    } else {
      harnessPointDropM -= harnessPointDropM / parameters.recoverTimeConstantS() * dtS;
      gaitShare += (1 - gaitShare) / parameters.recoverTimeConstantS() * dtS;
    }
    harnessPointDropM = Math.max(-parameters.floorDropM(), Math.min(0, harnessPointDropM));
    double distanceM =
        parameters.harnessRestDistanceM() - gaitShare * comDisplacementM - harnessPointDropM;
    tensionN = Math.max(0, stiffness * (distanceM - cablePaidOutM));
  }

  /** True cable tension, N: what the independent load cell measures. */
  public double tensionN() {
    return tensionN;
  }

  /**
   * Fault injection: the unit's own force sensor reads {@code factor} times what it should (a
   * drifted amplifier or a mis-scaled replacement); 1 repairs it.
   */
  public void setSensorGain(double factor) {
    this.injectedSensorGain = factor;
  }

  /**
   * What the BWS unit's own force sensor reads, N (true tension × (1 + gain error) × any injected
   * gain).
   */
  public double sensorForceN() {
    return tensionN * (1 + parameters.forceSensorGainError()) * injectedSensorGain;
  }

  /** Cable paid out by the winch, m. */
  public double cablePaidOutM() {
    return cablePaidOutM;
  }

  /** How far a collapse has let the harness point sink, m (0 standing). */
  public double harnessPointDropM() {
    return -harnessPointDropM;
  }

  public boolean slack() {
    return tensionN < parameters.slackBelowN();
  }
}
