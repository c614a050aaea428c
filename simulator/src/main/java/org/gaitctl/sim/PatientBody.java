package org.gaitctl.sim;

/**
 * The emulated patient as the plant sees it: a mass whose centre moves up and down with each step
 * and pulls on the harness. The simulation world advances it on its own thread; the plant reads it
 * after each advance.
 */
public interface PatientBody {

  double bodyMassKg();

  /**
   * Advances the patient to {@code timeNs}.
   *
   * @param beltSpeedMps the belt speed now, which sets cadence and carries footprints backwards
   * @param unloadingN the vertical force the harness carries now; the feet carry the rest of the
   *     body weight
   */
  void advance(long timeNs, double beltSpeedMps, double unloadingN);

  /** Vertical centre-of-mass displacement from its mean height at the last advance, m. */
  double comDisplacementM();

  /** Vertical centre-of-mass acceleration at the last advance, m/s² (up positive). */
  double comAccelerationMps2();
}
