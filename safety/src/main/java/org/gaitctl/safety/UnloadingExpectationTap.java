package org.gaitctl.safety;

/**
 * Keeps the session's unloading expectation for the supervisor: the session thread sets the body
 * weight at session start and the expected tension whenever its unloading controller tracks (its
 * {@code targetN()}); the supervisor reads both at its own rate. Every method is one volatile write
 * or read: none blocks or allocates.
 */
public final class UnloadingExpectationTap implements UnloadingExpectation {

  /** Standard gravity, m/s², for the body weight from the body mass. */
  public static final double GRAVITY_MPS2 = 9.81;

  private volatile double bodyWeightN = Double.NaN;
  private volatile double expectedUnloadingN = Double.NaN;

  /** A session with a patient of {@code bodyMassKg} starts; nothing tracked yet. */
  public void startSession(double bodyMassKg) {
    if (!(bodyMassKg > 0) || Double.isInfinite(bodyMassKg)) {
      throw new IllegalArgumentException("bodyMassKg = " + bodyMassKg + " must be > 0");
    }
    expectedUnloadingN = Double.NaN;
    bodyWeightN = bodyMassKg * GRAVITY_MPS2;
  }

  /**
   * The harness tracks {@code unloadingN} now (0: force control off, harness free); called by the
   * session every time its target changes while tracking.
   */
  public void track(double unloadingN) {
    if (!(unloadingN >= 0) || Double.isInfinite(unloadingN)) {
      throw new IllegalArgumentException("unloadingN = " + unloadingN + " must be >= 0");
    }
    expectedUnloadingN = unloadingN;
  }

  /** The harness leaves its tracking state (stop, take-up, change of state). */
  public void stopTracking() {
    expectedUnloadingN = Double.NaN;
  }

  /** The session ends: no patient, nothing tracked. */
  public void endSession() {
    expectedUnloadingN = Double.NaN;
    bodyWeightN = Double.NaN;
  }

  @Override
  public double bodyWeightN() {
    return bodyWeightN;
  }

  @Override
  public double expectedUnloadingN() {
    return expectedUnloadingN;
  }
}
