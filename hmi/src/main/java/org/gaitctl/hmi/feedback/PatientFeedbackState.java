package org.gaitctl.hmi.feedback;

import java.util.Objects;
import java.util.Optional;
import org.gaitctl.core.gait.Side;

/**
 * What the patient's window shows, all of it computed ({@link PatientFeedbackModel}) so the window
 * only draws. Positions on the symmetry bar run from 0 (left end, the patient's left) to 1 (right
 * end); the marker sits on the weaker side of the centre.
 *
 * @param parameter the quantity whose symmetry is shown
 * @param verdict where the latest index stands against the zone
 * @param weakerSide the side with the smaller value; empty when there is no value or it is exactly
 *     symmetric
 * @param symmetryIndexPercent Robinson symmetry index, percent, positive when the left value is
 *     larger; NaN without a value
 * @param zoneLowPercent lower bound of the target zone, SI percent; NaN without a target
 * @param zoneHighPercent upper bound of the target zone, SI percent; NaN without a target
 * @param markerPosition the marker on the bar, 0..1; NaN when not shown
 * @param zoneLowPosition the zone's left edge on the bar, 0..1; NaN without a target
 * @param zoneHighPosition the zone's right edge on the bar, 0..1; NaN without a target
 * @param instruction the one line the patient reads under the bar
 * @param steps steps since the protocol began
 * @param stepsText the step counter as shown
 * @param stageName the current stage's name
 * @param stageTimeLeftS time left in the stage, s; NaN when not known
 * @param timeLeftText the time left as shown, m:ss
 */
public record PatientFeedbackState(
    SymmetryParameter parameter,
    SymmetryVerdict verdict,
    Optional<Side> weakerSide,
    double symmetryIndexPercent,
    double zoneLowPercent,
    double zoneHighPercent,
    double markerPosition,
    double zoneLowPosition,
    double zoneHighPosition,
    String instruction,
    long steps,
    String stepsText,
    String stageName,
    double stageTimeLeftS,
    String timeLeftText) {

  public PatientFeedbackState {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(weakerSide, "weakerSide");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(stepsText, "stepsText");
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(timeLeftText, "timeLeftText");
  }
}
