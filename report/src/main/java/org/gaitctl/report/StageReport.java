package org.gaitctl.report;

/**
 * One protocol stage as the journal shows it. Set values come from the protocol the journal holds
 * (NaN when it holds none); measured values are means over the stage of the drive's status reads
 * and the filtered unloading. Unloading mean and RMS error are taken after the stage's ramp, as the
 * stage's target only holds from then.
 *
 * @param index the stage's index from 0
 * @param name the stage's name
 * @param startS when the executor entered it, s from the session's first record
 * @param endS when the next stage started, the session stopped or the journal ended, s
 * @param setSpeed the protocol's belt setting ("1.00 m/s", "self-paced 0.40-1.20 m/s")
 * @param measuredSpeedMeanMps mean belt speed the drive reported after the ramp, m/s
 * @param setInclinePercent the protocol's incline, %
 * @param measuredInclineMeanPercent mean incline the drive reported after the ramp, %
 * @param targetUnloadingPercentBw the protocol's unloading, % body weight
 * @param measuredUnloadingMeanPercentBw mean filtered unloading after the ramp, % body weight
 * @param unloadingErrorRmsPercentBw RMS of measured minus target after the ramp, % body weight
 * @param steps steps whose heel strike fell in the stage
 */
public record StageReport(
    int index,
    String name,
    double startS,
    double endS,
    String setSpeed,
    double measuredSpeedMeanMps,
    double setInclinePercent,
    double measuredInclineMeanPercent,
    double targetUnloadingPercentBw,
    double measuredUnloadingMeanPercentBw,
    double unloadingErrorRmsPercentBw,
    int steps) {}
