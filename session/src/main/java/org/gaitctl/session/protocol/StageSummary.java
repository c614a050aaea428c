package org.gaitctl.session.protocol;

/**
 * One stage as it ran: what was set against what was measured.
 *
 * @param index the stage, from 0
 * @param name the stage's name
 * @param ranS stage time it ran (pauses excluded), s
 * @param distanceM distance the belt moved in it (integrated measured speed), m
 * @param setSpeedMeanMps mean speed target (overrides included, pauses excluded), m/s
 * @param measuredSpeedMeanMps mean measured belt speed (pauses excluded), m/s
 * @param targetUnloadingPercentBw mean unloading target, %BW
 * @param measuredUnloadingMeanN mean unloading measured on the load cell, N; NaN without readings
 * @param measuredUnloadingMeanPercentBw the same in percent body weight
 * @param unloadingSettledS time over which the unloading error was measured: running, with the
 *     target unchanged for {@link ProtocolExecutor#UNLOADING_SETTLE_NS} before, s
 * @param unloadingErrorRmsPercentBw RMS of measured minus target unloading over that time, %BW; NaN
 *     when there was none
 * @param unloadingErrorPeakPercentBw largest |measured − target| over that time, %BW; NaN when
 *     there was none
 * @param steps steps completed in the stage
 * @param stanceTimeSiPercent latest stance-time symmetry index, %; NaN before the first step
 * @param stepTimeSiPercent latest step-time symmetry index, %; NaN before the first step
 * @param completed whether the stage ran to its end (not cut by next, stop or fault)
 */
public record StageSummary(
    int index,
    String name,
    double ranS,
    double distanceM,
    double setSpeedMeanMps,
    double measuredSpeedMeanMps,
    double targetUnloadingPercentBw,
    double measuredUnloadingMeanN,
    double measuredUnloadingMeanPercentBw,
    double unloadingSettledS,
    double unloadingErrorRmsPercentBw,
    double unloadingErrorPeakPercentBw,
    long steps,
    double stanceTimeSiPercent,
    double stepTimeSiPercent,
    boolean completed) {}
