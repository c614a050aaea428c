package org.gaitctl.config;

/**
 * The safety supervisor's detection thresholds a device profile may set (its optional {@code
 * supervision} section), each within safe bounds: a bench whose streams or host are slower than the
 * defaults assume can widen a threshold, never so far that the belt would run blind. Validated in
 * the constructor.
 *
 * @param streamLateMs a stream is late after this long without data: counted, reported, and the
 *     session holds its setpoints until data flows again (a busy host delays serial data in the
 *     kernel; see docs/PERFORMANCE.md), ms
 * @param pressureStaleMs pressure stream silent after this long without a frame: F01, ms
 * @param loadCellStaleMs load-cell stream silent after this long without a sample: F02, ms
 * @param overrunThresholdMs a supervisor cycle starting this much later than its period is an
 *     overrun, ms
 * @param fallRiseN a rise of harness load larger than this within the fall window is a fall sign, N
 * @param fallWindowMs the fall window, ms
 * @param harnessOverloadMarginN harness overload above the limits' maxUnloadingN plus this, N
 */
public record SupervisionThresholds(
    int streamLateMs,
    int pressureStaleMs,
    int loadCellStaleMs,
    int overrunThresholdMs,
    double fallRiseN,
    int fallWindowMs,
    double harnessOverloadMarginN) {

  public static final SettingRange STREAM_LATE_MS = new SettingRange(20, 200);
  public static final SettingRange STALE_MS = new SettingRange(50, 500);
  public static final SettingRange OVERRUN_THRESHOLD_MS = new SettingRange(10, 250);
  public static final SettingRange FALL_RISE_N = new SettingRange(50, 400);
  public static final SettingRange FALL_WINDOW_MS = new SettingRange(50, 500);
  public static final SettingRange HARNESS_OVERLOAD_MARGIN_N = new SettingRange(0, 300);

  public SupervisionThresholds {
    STREAM_LATE_MS.require("streamLateMs", streamLateMs);
    STALE_MS.require("pressureStaleMs", pressureStaleMs);
    STALE_MS.require("loadCellStaleMs", loadCellStaleMs);
    if (streamLateMs >= Math.min(pressureStaleMs, loadCellStaleMs)) {
      throw new InvalidSettingException(
          "streamLateMs",
          streamLateMs,
          "must be below pressureStaleMs and loadCellStaleMs: a stream is late before it is"
              + " silent");
    }
    OVERRUN_THRESHOLD_MS.require("overrunThresholdMs", overrunThresholdMs);
    FALL_RISE_N.require("fallRiseN", fallRiseN);
    FALL_WINDOW_MS.require("fallWindowMs", fallWindowMs);
    HARNESS_OVERLOAD_MARGIN_N.require("harnessOverloadMarginN", harnessOverloadMarginN);
  }

  /**
   * The defaults of docs/SAFETY.md: late after 100 ms, silent after 400 ms (pressure) and 250 ms
   * (load cell), overrun 150 ms, 200 N in 200 ms, 100 N.
   */
  public static SupervisionThresholds defaults() {
    return new SupervisionThresholds(100, 400, 250, 150, 200, 200, 100);
  }
}
