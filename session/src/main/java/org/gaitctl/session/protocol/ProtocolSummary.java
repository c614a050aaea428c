package org.gaitctl.session.protocol;

import java.util.List;

/**
 * A protocol run's result.
 *
 * @param protocolName the protocol
 * @param outcome how it ended
 * @param reason why, in plain words (the fault or refusal; "completed"; "operator stop")
 * @param endStageIndex the stage running when it ended, from 0 (-1 when no stage ran)
 * @param endProtocolTimeS protocol time when it ended (pauses excluded), s
 * @param stages every stage that ran, in order
 * @param overrides every therapist override, in order
 */
public record ProtocolSummary(
    String protocolName,
    ProtocolOutcome outcome,
    String reason,
    int endStageIndex,
    double endProtocolTimeS,
    List<StageSummary> stages,
    List<TherapistOverride> overrides) {

  public ProtocolSummary {
    stages = List.copyOf(stages);
    overrides = List.copyOf(overrides);
  }
}
