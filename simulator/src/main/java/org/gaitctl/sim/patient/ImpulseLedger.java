package org.gaitctl.sim.patient;

import org.gaitctl.core.gait.Side;

/**
 * The weight the feet must carry and the ledger that keeps the ground's impulse in pace with it:
 * the harness unloading and its integral over time, the mean unloading over each foot's last
 * stride, and the running sum of the stances' impulses.
 *
 * <p>Every mismatch between the steps' impulses and ∫(m·g − unloading) dt over the time they take
 * would leave the centre of mass with a lasting vertical velocity, and step times vary
 * independently of stride-level impulses. So the ledger keeps C = Σ (J − o) − ∫(m·g − unloading) dt
 * up to the next planned heel strike, where o = the side's nominal impulse minus the weight times
 * the nominal step time that follows it (the part of J a steady asymmetric gait spends beyond that
 * step). C is constant in a steady gait; each stance takes the impulse that keeps it so. The first
 * stance after starting sets the reference with its nominal impulse.
 *
 * <p>Single-threaded (the simulation world's).
 */
final class ImpulseLedger {

  private static final double MIN_UNLOADING_WINDOW_S = 0.2;

  private final double weightN;
  private final long[] strideStartNs = new long[2];
  private final double[] strideStartUnloadingNewtonSeconds = new double[2];
  private final boolean[] hasStrideStart = new boolean[2];
  private double unloadingN;
  private double unloadingIntegralNewtonSeconds;
  private long integratedToNs;
  private double centredImpulseSumNewtonSeconds;
  private double referenceNewtonSeconds;
  private boolean hasReference;

  ImpulseLedger(double weightN) {
    this.weightN = weightN;
  }

  /** The unloading from now on, N (negative counts as 0); applies since the last integration. */
  void unloading(double newUnloadingN) {
    this.unloadingN = Math.max(0.0, newUnloadingN);
  }

  double unloadingN() {
    return unloadingN;
  }

  /** Starts the unloading integral's time base at {@code timeNs}. */
  void startAt(long timeNs) {
    integratedToNs = timeNs;
  }

  /** Integrates the unloading up to {@code timeNs}. */
  void integrateTo(long timeNs) {
    double dtS = (timeNs - integratedToNs) * 1e-9;
    unloadingIntegralNewtonSeconds += unloadingN * dtS;
    integratedToNs = timeNs;
  }

  /** Weight the feet carry at the present unloading, N. */
  double supportedWeightN() {
    return supportedWeightN(unloadingN);
  }

  /** Weight the feet carry under {@code unloadingN}, N. */
  double supportedWeightN(double anUnloadingN) {
    return Math.max(0.0, weightN - anUnloadingN);
  }

  /** A stride of {@code side} begins at {@code atNs} (its heel strike). */
  void strideStartsAt(Side side, long atNs) {
    int s = side.ordinal();
    strideStartNs[s] = atNs;
    strideStartUnloadingNewtonSeconds[s] = unloadingIntegralAt(atNs);
    hasStrideStart[s] = true;
  }

  /** {@code side} stands: its next stride has no start yet. */
  void forgetStride(Side side) {
    hasStrideStart[side.ordinal()] = false;
  }

  /** Mean unloading over {@code side}'s last stride (up to {@code nowNs}), or the present value. */
  double meanUnloadingN(Side side, long nowNs) {
    int s = side.ordinal();
    double windowS = (nowNs - strideStartNs[s]) * 1e-9;
    if (!hasStrideStart[s] || windowS < MIN_UNLOADING_WINDOW_S) {
      return unloadingN;
    }
    return (unloadingIntegralAt(nowNs) - strideStartUnloadingNewtonSeconds[s]) / windowS;
  }

  /** Gait (re)starts: the next balanced stance sets a new reference. */
  void resetReference() {
    hasReference = false;
  }

  /**
   * The impulse, N·s, that keeps the ledger constant for a stance planned with {@code
   * plannedImpulseNewtonSeconds}, beginning now, up to the other foot's next heel strike.
   *
   * @param offsetNewtonSeconds the side's o (see the class comment), N·s
   * @param originNs the model's time origin (where the weight's integral starts)
   */
  double impulseToKeepPace(
      double offsetNewtonSeconds,
      double plannedImpulseNewtonSeconds,
      long originNs,
      long nowNs,
      long nextHeelStrikeNs) {
    double budgetNewtonSeconds =
        weightN * (nextHeelStrikeNs - originNs) * 1e-9
            - unloadingIntegralAt(nowNs)
            - unloadingN * (nextHeelStrikeNs - nowNs) * 1e-9;
    if (!hasReference) {
      referenceNewtonSeconds =
          centredImpulseSumNewtonSeconds
              + plannedImpulseNewtonSeconds
              - offsetNewtonSeconds
              - budgetNewtonSeconds;
      hasReference = true;
    }
    return offsetNewtonSeconds
        + referenceNewtonSeconds
        + budgetNewtonSeconds
        - centredImpulseSumNewtonSeconds;
  }

  /** Books a stance's impulse less its offset o, N·s. */
  void book(double centredImpulseNewtonSeconds) {
    centredImpulseSumNewtonSeconds += centredImpulseNewtonSeconds;
  }

  private double unloadingIntegralAt(long atNs) {
    return unloadingIntegralNewtonSeconds + unloadingN * (atNs - integratedToNs) * 1e-9;
  }
}
