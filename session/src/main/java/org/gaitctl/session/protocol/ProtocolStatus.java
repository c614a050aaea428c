package org.gaitctl.session.protocol;

/**
 * The executor's state for display, published once per cycle.
 *
 * @param state where the run is
 * @param stageIndex the current stage, from 0 (-1 before the first)
 * @param stageCount stages in the protocol
 * @param stageName the current stage's name ("" before the first)
 * @param stageTimeLeftS time left in the stage, s (a distance stage: at its speed target)
 * @param protocolTimeLeftS time left in the protocol, s (distance stages at their speed)
 * @param distanceLeftM distance left in a distance stage, m; NaN in a timed stage
 * @param speedTargetMps speed target now (0 while paused), m/s
 * @param inclineTargetPercent incline target now, % grade
 * @param unloadingTargetPercentBw unloading target now, %BW
 * @param measuredSpeedMps belt speed measured, m/s
 * @param measuredUnloadingN unloading measured on the load cell, N
 * @param measuredUnloadingPercentBw the same in %BW
 * @param steps steps since the protocol began
 * @param stanceTimeSiPercent latest stance-time symmetry index, %
 * @param stepTimeSiPercent latest step-time symmetry index, %
 */
public record ProtocolStatus(
    ExecutorState state,
    int stageIndex,
    int stageCount,
    String stageName,
    double stageTimeLeftS,
    double protocolTimeLeftS,
    double distanceLeftM,
    double speedTargetMps,
    double inclineTargetPercent,
    double unloadingTargetPercentBw,
    double measuredSpeedMps,
    double measuredUnloadingN,
    double measuredUnloadingPercentBw,
    long steps,
    double stanceTimeSiPercent,
    double stepTimeSiPercent) {}
