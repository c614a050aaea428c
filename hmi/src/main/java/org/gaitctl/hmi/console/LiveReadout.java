package org.gaitctl.hmi.console;

import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.ProtocolStatus;

/**
 * The live view's numbers as text, from the executor's status (targets, measured belt speed,
 * measured unloading from the load cell), the drive's measured incline and the step feed's cadence.
 * Unloading is always the load cell's measurement, never the setpoint.
 *
 * @param state the run's state, for the operator ("RUNNING", "PAUSED", ...)
 * @param stage "2/4 faster", or a dash before the first stage
 * @param stageTimeLeft m:ss left in the stage
 * @param protocolTimeLeft m:ss left in the protocol
 * @param progress fraction of the protocol done by time, 0..1
 * @param speedMeasured measured belt speed, m/s
 * @param speedTarget "target 0.80 m/s"
 * @param inclineMeasured measured incline, % grade
 * @param inclineTarget "target 2.0 %"
 * @param unloadingMeasured unloading measured on the load cell, % body weight
 * @param unloadingTarget "target 30 %BW"
 * @param steps steps since the protocol began
 * @param cadence cadence after the latest step, steps/min
 * @param pauseLabel the pause button's text: "Pause" or "Resume"
 */
public record LiveReadout(
    String state,
    String stage,
    String stageTimeLeft,
    String protocolTimeLeft,
    double progress,
    String speedMeasured,
    String speedTarget,
    String inclineMeasured,
    String inclineTarget,
    String unloadingMeasured,
    String unloadingTarget,
    String steps,
    String cadence,
    String pauseLabel) {

  /**
   * @param status the executor's latest status
   * @param measuredInclinePercent the drive's incline, % grade; NaN without a good read
   * @param cadenceStepsPerMin cadence after the latest step; NaN before the first
   * @param protocolDurationS the protocol's planned duration, s (distance stages at their speed)
   */
  public static LiveReadout of(
      ProtocolStatus status,
      double measuredInclinePercent,
      double cadenceStepsPerMin,
      double protocolDurationS) {
    boolean inStage = status.stageIndex() >= 0;
    double progress =
        inStage && protocolDurationS > 0 && Double.isFinite(status.protocolTimeLeftS())
            ? Math.max(0, Math.min(1, 1 - status.protocolTimeLeftS() / protocolDurationS))
            : 0;
    return new LiveReadout(
        status.state().name(),
        inStage
            ? (status.stageIndex() + 1) + "/" + status.stageCount() + " " + status.stageName()
            : ConsoleFormat.UNKNOWN,
        inStage ? ConsoleFormat.minutesSeconds(status.stageTimeLeftS()) : ConsoleFormat.UNKNOWN,
        inStage ? ConsoleFormat.minutesSeconds(status.protocolTimeLeftS()) : ConsoleFormat.UNKNOWN,
        progress,
        ConsoleFormat.number(status.measuredSpeedMps(), 2),
        "target " + ConsoleFormat.number(status.speedTargetMps(), 2) + " m/s",
        ConsoleFormat.number(measuredInclinePercent, 1),
        "target " + ConsoleFormat.number(status.inclineTargetPercent(), 1) + " %",
        ConsoleFormat.number(status.measuredUnloadingPercentBw(), 0),
        "target " + ConsoleFormat.number(status.unloadingTargetPercentBw(), 0) + " %BW",
        Long.toString(status.steps()),
        ConsoleFormat.number(cadenceStepsPerMin, 0),
        status.state() == ExecutorState.PAUSED ? "Resume" : "Pause");
  }
}
