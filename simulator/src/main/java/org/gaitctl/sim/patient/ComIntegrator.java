package org.gaitctl.sim.patient;

/**
 * Integrates the vertical centre-of-mass acceleration twice, semi-implicit Euler. While the patient
 * walks or stands, both integrators leak with a time constant of {@value #DRIFT_TIME_CONSTANT_S} s
 * (a high-pass far below the step frequency) so that a small force imbalance cannot make the centre
 * of mass wander off; after a fall the integration is plain, so a sustained imbalance shows as a
 * sustained drop. The force plan is only approximately balanced while gait starts or stops, so
 * while the patient is on its feet the displacement is also bounded to ±{@value
 * #MAX_UPRIGHT_DISPLACEMENT_M} m and the vertical speed to ±{@value #MAX_UPRIGHT_SPEED_MPS} m/s,
 * the range of a walking adult's centre of mass; without the bound gait initiation swung it by more
 * than a metre, which the harness read as a fall. Single-threaded.
 */
final class ComIntegrator {

  static final double DRIFT_TIME_CONSTANT_S = 1.0;
  static final double MAX_UPRIGHT_DISPLACEMENT_M = 0.08;
  static final double MAX_UPRIGHT_SPEED_MPS = 0.4;

  private double velocityMps;
  private double displacementM;

  void step(double accelerationMps2, double dtS, boolean removeDrift) {
    double leak = removeDrift ? dtS / DRIFT_TIME_CONSTANT_S : 0.0;
    velocityMps += accelerationMps2 * dtS - velocityMps * leak;
    if (removeDrift && Math.abs(velocityMps) > MAX_UPRIGHT_SPEED_MPS) {
      velocityMps = Math.copySign(MAX_UPRIGHT_SPEED_MPS, velocityMps);
    }
    displacementM += velocityMps * dtS - displacementM * leak;
    if (removeDrift && Math.abs(displacementM) > MAX_UPRIGHT_DISPLACEMENT_M) {
      displacementM = Math.copySign(MAX_UPRIGHT_DISPLACEMENT_M, displacementM);
      velocityMps = 0;
    }
  }

  double displacementM() {
    return displacementM;
  }
}
