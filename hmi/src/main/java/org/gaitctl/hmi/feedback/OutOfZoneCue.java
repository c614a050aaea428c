package org.gaitctl.hmi.feedback;

/**
 * Decides when the metronome's out-of-zone tone sounds: once for each new step whose symmetry is
 * outside the zone, however often the same state is shown. The console asks it with every state it
 * computes and calls {@link Metronome#signalOutOfZone()} when it answers true. One caller thread.
 */
public final class OutOfZoneCue {

  private long lastJudgedSteps = -1;

  /** True when {@code state} has a step not judged before and its symmetry is out of the zone. */
  public boolean shouldSound(PatientFeedbackState state) {
    if (state.steps() == lastJudgedSteps) {
      return false;
    }
    lastJudgedSteps = state.steps();
    return state.verdict() == SymmetryVerdict.OUT_OF_ZONE;
  }
}
