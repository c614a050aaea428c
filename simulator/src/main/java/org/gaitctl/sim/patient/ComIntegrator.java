package org.gaitctl.sim.patient;

/**
 * Integrates the vertical centre-of-mass acceleration twice, semi-implicit Euler. While the patient
 * walks or stands, both integrators leak with a time constant of {@value #DRIFT_TIME_CONSTANT_S} s
 * (a high-pass far below the step frequency) so that a small force imbalance cannot make the centre
 * of mass wander off; after a fall the integration is plain, so a sustained imbalance shows as a
 * sustained drop. Single-threaded.
 */
final class ComIntegrator {

  static final double DRIFT_TIME_CONSTANT_S = 2.0;

  private double velocityMps;
  private double displacementM;

  void step(double accelerationMps2, double dtS, boolean removeDrift) {
    double leak = removeDrift ? dtS / DRIFT_TIME_CONSTANT_S : 0.0;
    velocityMps += accelerationMps2 * dtS - velocityMps * leak;
    displacementM += velocityMps * dtS - displacementM * leak;
  }

  double velocityMps() {
    return velocityMps;
  }

  double displacementM() {
    return displacementM;
  }
}
