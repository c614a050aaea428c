package org.gaitctl.sim.patient;

import org.gaitctl.core.gait.Side;

/**
 * Everything needed to evaluate the patient's feet at a moment: each foot's previous, current and
 * next contact, the belt's travel and speed at the last advance, and the blend between walking and
 * standing. Forces are analytic functions of time, so a frame rendered between two advances (or a
 * few milliseconds after the last one) is exact, not held from the last advance.
 *
 * <p>Not thread-safe: the model keeps one as its working state and copies it ({@link #copyFrom}, no
 * allocation) to hand it to other threads.
 */
final class GaitSnapshot {

  static final int PREVIOUS = 0;
  static final int CURRENT = 1;
  static final int NEXT = 2;

  final StancePlan[][] plans = new StancePlan[2][3];

  /** False until the model's first advance: nothing stands on the belt yet. */
  boolean started;

  /** Time of the first advance: the start of the walk for the sensor drift. */
  long originNs;

  long timeNs;
  double beltPosM;
  double beltSpeedMps;

  /** Force each foot carries when standing: half the supported weight, N. */
  double standingShareN;

  long blendStartNs;
  long blendEndNs;
  double blendFrom = 1.0;
  double blendTo = 1.0;
  boolean fallen;

  GaitSnapshot() {
    for (StancePlan[] foot : plans) {
      for (int i = 0; i < foot.length; i++) {
        foot[i] = new StancePlan();
      }
    }
  }

  StancePlan plan(Side side, int slot) {
    return plans[side.ordinal()][slot];
  }

  void copyFrom(GaitSnapshot other) {
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 3; i++) {
        plans[s][i].copyFrom(other.plans[s][i]);
      }
    }
    started = other.started;
    originNs = other.originNs;
    timeNs = other.timeNs;
    beltPosM = other.beltPosM;
    beltSpeedMps = other.beltSpeedMps;
    standingShareN = other.standingShareN;
    blendStartNs = other.blendStartNs;
    blendEndNs = other.blendEndNs;
    blendFrom = other.blendFrom;
    blendTo = other.blendTo;
    fallen = other.fallen;
  }

  /** Belt travel at {@code atNs}, extrapolated at the last speed, m. */
  double beltPosAt(long atNs) {
    return beltPosM + beltSpeedMps * (atNs - timeNs) * 1e-9;
  }

  /** 1 standing, 0 walking, a smooth step in between. */
  double standingBlendAt(long atNs) {
    if (atNs - blendStartNs <= 0) {
      return blendFrom;
    }
    if (atNs - blendEndNs >= 0) {
      return blendTo;
    }
    double x = (double) (atNs - blendStartNs) / (double) (blendEndNs - blendStartNs);
    return blendFrom + (blendTo - blendFrom) * x * x * (3.0 - 2.0 * x);
  }

  /** True vertical ground force under {@code side} at {@code atNs}, N. */
  double footForceN(Side side, long atNs) {
    if (fallen || !started) {
      return 0.0;
    }
    StancePlan[] foot = plans[side.ordinal()];
    double profileN = 0.0;
    for (StancePlan plan : foot) {
      profileN += plan.profileForceN(atNs);
    }
    double blend = standingBlendAt(atNs);
    return (1.0 - blend) * profileN + blend * standingShareN;
  }

  /** The contact holding {@code side} on the belt at {@code atNs}, or null in swing. */
  StancePlan contactAt(Side side, long atNs) {
    if (fallen || !started) {
      return null;
    }
    StancePlan[] foot = plans[side.ordinal()];
    for (int i = foot.length - 1; i >= 0; i--) {
      if (foot[i].inContactAt(atNs)) {
        return foot[i];
      }
    }
    return null;
  }
}
