package org.gaitctl.core.analysis;

import java.util.List;
import java.util.Map;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * Summary of an offline analysis.
 *
 * @param source the recording
 * @param forceUnit the recording's force unit ({@code N} for newtons)
 * @param forceUnitNote empty for newtons; otherwise says that forces are not newtons and that
 *     relative thresholds were used
 * @param leftUnloadedLevel the left foot's unloaded level subtracted before analysis, in {@code
 *     forceUnit}
 * @param rightUnloadedLevel the right foot's, in {@code forceUnit}
 * @param heelStrikes heel strikes detected, both feet
 * @param toeOffs toe offs detected, both feet
 * @param stepsLeft completed left steps
 * @param stepsRight completed right steps
 * @param discardedSteps steps dropped (gap in the data or a missing toe off)
 * @param parameters per-side means and symmetry of every step parameter
 * @param warnings why the figures may not describe the walk (inconsistent sides, no steps), each
 *     with its reason; empty when the consistency check passed
 */
public record AnalysisSummary(
    String source,
    String forceUnit,
    String forceUnitNote,
    double leftUnloadedLevel,
    double rightUnloadedLevel,
    int heelStrikes,
    int toeOffs,
    int stepsLeft,
    int stepsRight,
    long discardedSteps,
    Map<StepParameter, ParameterSummary> parameters,
    List<String> warnings) {

  public AnalysisSummary {
    parameters = Map.copyOf(parameters);
    warnings = List.copyOf(warnings);
  }
}
