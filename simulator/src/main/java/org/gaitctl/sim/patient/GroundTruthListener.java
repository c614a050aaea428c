package org.gaitctl.sim.patient;

/**
 * Receives every completed step of the emulated patient. Called on the thread that calls {@link
 * PatientGaitModel#advance} (the simulation world's thread), at the step's toe off, in toe-off
 * order; may allocate and may do I/O, but every millisecond it takes delays the simulated world.
 */
@FunctionalInterface
public interface GroundTruthListener {

  void onStep(GroundTruthStep step);
}
