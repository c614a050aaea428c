package org.gaitctl.sim.patient;

/**
 * The patient's vertical centre-of-mass motion: Newton's second law under ground force, harness
 * unloading and weight, integrated by {@link ComIntegrator}. Single-threaded (the simulation
 * world's).
 */
final class CentreOfMass {

  private final double massKg;
  private final double weightN;
  private final ComIntegrator integrator = new ComIntegrator();
  private double accelerationMps2;

  CentreOfMass(double massKg, double weightN) {
    this.massKg = massKg;
    this.weightN = weightN;
  }

  /**
   * Advances by {@code dtS} under the present forces.
   *
   * @param upright the patient is on its feet (the integrator then removes drift)
   */
  void advance(double groundN, double unloadingN, double dtS, boolean upright) {
    accelerationMps2 = (groundN + unloadingN - weightN) / massKg;
    integrator.step(accelerationMps2, dtS, upright);
  }

  double displacementM() {
    return integrator.displacementM();
  }

  double accelerationMps2() {
    return accelerationMps2;
  }
}
