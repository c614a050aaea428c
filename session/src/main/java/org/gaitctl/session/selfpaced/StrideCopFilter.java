package org.gaitctl.session.selfpaced;

/**
 * The patient's position on the belt from the centre of pressure (COP): two first-order low-passes
 * in series with time constant {@code timeConstantS}, and the rate of change of the second (its
 * input minus its output over its lag, so the rate needs no differentiation of a noisy signal).
 *
 * <p>Why a low-pass and not the raw COP: within a stride the COP runs back with the belt under the
 * stance foot and jumps forward by about a step length at each heel strike (a saw tooth at the step
 * frequency, 1.2–2 Hz). The body, which is what the belt has to follow, moves smoothly. Two stages
 * at τ = 0.5 s take the step frequency down by a factor of about 30 while delaying the position by
 * about 2τ; the controller's bandwidth (docs/CONTROL.md (self-paced belt)) is chosen below that
 * delay.
 *
 * <p>Samples with no foot on the belt (NaN) are skipped: the filter holds. One thread; no
 * allocation.
 */
public final class StrideCopFilter {

  private final double timeConstantS;
  private boolean primed;
  private long lastNs;
  private double firstStageM;
  private double positionM;
  private double lagS;

  public StrideCopFilter(double timeConstantS) {
    if (!(timeConstantS > 0) || !Double.isFinite(timeConstantS)) {
      throw new IllegalArgumentException(
          "timeConstantS = " + timeConstantS + " must be finite and > 0");
    }
    this.timeConstantS = timeConstantS;
    this.lagS = timeConstantS;
  }

  /**
   * Adds the COP at {@code timeNs}, m ahead of the sensing area's centre; NaN when no foot is on
   * the belt. The first sample sets the filter to it.
   */
  public void add(long timeNs, double copAheadM) {
    if (Double.isNaN(copAheadM)) {
      return;
    }
    if (!primed) {
      primed = true;
      firstStageM = copAheadM;
      positionM = copAheadM;
      lastNs = timeNs;
      return;
    }
    double dtS = (timeNs - lastNs) * 1e-9;
    lastNs = timeNs;
    if (dtS <= 0) {
      return;
    }
    // Exact discretisation of a first-order lag: stable for any sample interval.
    double alpha = 1.0 - Math.exp(-dtS / timeConstantS);
    firstStageM += alpha * (copAheadM - firstStageM);
    positionM += alpha * (firstStageM - positionM);
    // A sampled lag trails a ramp by dt(1 − α)/α (≈ τ − dt/2), not τ: the rate divides by that.
    lagS = dtS * (1.0 - alpha) / alpha;
  }

  /** False until the first COP: position and rate mean nothing yet. */
  public boolean primed() {
    return primed;
  }

  /** The filtered position, m ahead of the sensing area's centre. */
  public double positionM() {
    return positionM;
  }

  /** How fast the filtered position moves forward on the belt, m/s. */
  public double rateMps() {
    return (firstStageM - positionM) / lagS;
  }

  /**
   * Where the patient is now, m ahead of the sensing area's centre: the filtered position advanced
   * by the two lags' delay at the present rate. On a steady drift this is the position without the
   * filter's delay of about 2τ, which at 0.3 m/s is 0.3 m, a third of the sensing area: a check on
   * {@link #positionM()} sees a drifting patient only when the feet have left the sensors. The
   * price is more of the step frequency's saw tooth (about a third of the raw COP's, against a
   * thirtieth), which is why the self-paced controller keeps {@link #positionM()}.
   */
  public double presentPositionM() {
    return positionM + 2 * lagS * rateMps();
  }
}
