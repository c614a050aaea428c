package org.gaitctl.config;

/**
 * Limits the controller never commands past, whatever a protocol or an operator asks. Validated on
 * construction: an instance always holds a consistent set of limits.
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
    int deviceWatchdogMs) {

  /**
   * The device watchdog, ms. At most 1 s, because a dead controller leaves the belt running until
   * it trips; at least 100 ms, so that the status pollers (20 ms period, heartbeats gated by the
   * supervisor's 50 ms permit) keep it fed.
   */
  public static final SettingRange DEVICE_WATCHDOG_MS = new SettingRange(100, 1000);

  public SafetyLimits {
    positive("maxBeltSpeedMps", maxBeltSpeedMps);
    finite("minInclinePercent", minInclinePercent);
    finite("maxInclinePercent", maxInclinePercent);
    positive("maxUnloadingN", maxUnloadingN);
    if (!(minUnloadingN >= 0)) {
      throw new InvalidSettingException("minUnloadingN", minUnloadingN, "must be >= 0");
    }
    positive("maxAccelMps2", maxAccelMps2);
    positive("stopDecelMps2", stopDecelMps2);
    positive("maxForceRateNPerS", maxForceRateNPerS);
    DEVICE_WATCHDOG_MS.require("deviceWatchdogMs", deviceWatchdogMs);
    if (minInclinePercent > maxInclinePercent) {
      throw new InvalidSettingException(
          "minInclinePercent", minInclinePercent, "must be <= maxInclinePercent");
    }
    if (!(minUnloadingN < maxUnloadingN)) {
      throw new InvalidSettingException("minUnloadingN", minUnloadingN, "must be < maxUnloadingN");
    }
  }

  /** These limits with another device watchdog, ms. */
  public SafetyLimits withDeviceWatchdogMs(int watchdogMs) {
    return new SafetyLimits(
        maxBeltSpeedMps,
        minInclinePercent,
        maxInclinePercent,
        maxUnloadingN,
        minUnloadingN,
        maxAccelMps2,
        stopDecelMps2,
        maxForceRateNPerS,
        watchdogMs);
  }

  private static void positive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new InvalidSettingException(field, value, "must be > 0");
    }
  }

  private static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidSettingException(field, value, "must be a finite number");
    }
  }
}
