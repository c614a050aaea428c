package org.gaitctl.sim.patient;

import org.gaitctl.core.gait.Side;

/**
 * One completed step of the emulated patient as the model made it: the reference the gait analysis
 * is checked against. Times are the model's own time base (the {@code timeNs} passed to {@link
 * PatientGaitModel#advance}), exact to the nanosecond, not frame times.
 *
 * @param index running number of the step, from 0, in heel-strike order
 * @param side the foot
 * @param kind regular, stumble, stop or fall
 * @param heelStrikeNs the moment the foot's force leaves zero
 * @param toeOffNs the moment the foot's force returns to zero
 * @param stepTimeNs heel strike minus the other foot's preceding heel strike, or {@link
 *     #UNKNOWN_NS} when that was not a real heel strike (first step after standing)
 * @param stepLengthM distance along the belt from the other foot's heel to this heel at heel
 *     strike, m (NaN when the other foot was not on the belt)
 * @param peakForceN maximum vertical force of the stance, N (NaN for {@link StepKind#STOP} and
 *     {@link StepKind#FALL})
 * @param impulseNewtonSeconds integral of the vertical force over the stance, N·s (NaN as for the
 *     peak)
 * @param heelApM heel position at heel strike, m from the anterior edge of the sensing area
 * @param footMlM foot centre line at heel strike, m from the midline, positive to the right
 */
public record GroundTruthStep(
    long index,
    Side side,
    StepKind kind,
    long heelStrikeNs,
    long toeOffNs,
    long stepTimeNs,
    double stepLengthM,
    double peakForceN,
    double impulseNewtonSeconds,
    double heelApM,
    double footMlM) {

  /** Marks an unknown step time. */
  public static final long UNKNOWN_NS = -1L;

  public long stanceNs() {
    return toeOffNs - heelStrikeNs;
  }

  public boolean hasStepTime() {
    return stepTimeNs != UNKNOWN_NS;
  }
}
