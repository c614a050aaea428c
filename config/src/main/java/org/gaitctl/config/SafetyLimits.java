package org.gaitctl.config;

/**
 * Limits the controller never commands past, whatever a protocol or an operator asks.
 *
 * @param maxBeltSpeedMps highest belt speed, m/s
 * @param minInclinePercent lowest incline, percent grade
 * @param maxInclinePercent highest incline, percent grade
 * @param maxUnloadingN highest unloading force, N
 * @param minUnloadingN lowest unloading force while the harness is engaged, N
 * @param maxAccelMps2 highest belt acceleration for normal ramps, m/s²
 * @param stopDecelMps2 deceleration of a controlled stop, m/s²
 * @param maxForceRateNPerS highest unloading slew rate, N/s
 * @param deviceWatchdogMs communication watchdog armed in the drive and BWS unit, ms
 */
public record SafetyLimits(
    double maxBeltSpeedMps,
    double minInclinePercent,
    double maxInclinePercent,
    double maxUnloadingN,
    double minUnloadingN,
    double maxAccelMps2,
    double stopDecelMps2,
    double maxForceRateNPerS,
    int deviceWatchdogMs) {}
