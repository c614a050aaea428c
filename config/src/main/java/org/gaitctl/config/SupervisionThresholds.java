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
 * @param fallRisePercentBw while the session tracks a known unloading: a rise of harness load
 *     within the fall window that also ends above the expected unloading, both by more than this
 *     share of the body weight, is a fall sign, percent of body weight
 * @param overloadMarginPercentBw while the session tracks a known unloading: harness load above the
 *     expected unloading plus this share of the body weight is an overload, percent of body weight
 * @param forceDisagreeN the BWS unit's own force and the load cell disagree when they differ by
 *     more than this (or {@code forceDisagreePercent} of the reading, whichever is larger), N
 * @param forceDisagreePercent the disagreement as a share of the reading, percent
 * @param forceDisagreeMs a disagreement lasting longer than this is F26, ms
 */
public record SupervisionThresholds(
    int streamLateMs,
    int pressureStaleMs,
    int loadCellStaleMs,
    int overrunThresholdMs,
    double fallRiseN,
    int fallWindowMs,
    double harnessOverloadMarginN,
    double fallRisePercentBw,
    double overloadMarginPercentBw,
    double forceDisagreeN,
    double forceDisagreePercent,
    int forceDisagreeMs) {

  public static final SettingRange STREAM_LATE_MS = new SettingRange(20, 200);
  public static final SettingRange STALE_MS = new SettingRange(50, 500);
  public static final SettingRange OVERRUN_THRESHOLD_MS = new SettingRange(10, 250);
  public static final SettingRange FALL_RISE_N = new SettingRange(50, 400);
  public static final SettingRange FALL_WINDOW_MS = new SettingRange(50, 500);
  public static final SettingRange HARNESS_OVERLOAD_MARGIN_N = new SettingRange(0, 300);
  public static final SettingRange FALL_RISE_PERCENT_BW = new SettingRange(8, 40);
  public static final SettingRange OVERLOAD_MARGIN_PERCENT_BW = new SettingRange(5, 50);
  public static final SettingRange FORCE_DISAGREE_N = new SettingRange(20, 200);
  public static final SettingRange FORCE_DISAGREE_PERCENT = new SettingRange(3, 30);
  public static final SettingRange FORCE_DISAGREE_MS = new SettingRange(100, 2000);

  public SupervisionThresholds {
    STREAM_LATE_MS.require("streamLateMs", streamLateMs);
    STALE_MS.require("pressureStaleMs", pressureStaleMs);
    STALE_MS.require("loadCellStaleMs", loadCellStaleMs);
    if (streamLateMs >= Math.min(pressureStaleMs, loadCellStaleMs)) {
      throw new InvalidSettingException(
          "streamLateMs",
          streamLateMs,
          "must be below pressureStaleMs "
              + pressureStaleMs
              + " and loadCellStaleMs "
              + loadCellStaleMs
              + ": a stream is late before it is silent");
    }
    OVERRUN_THRESHOLD_MS.require("overrunThresholdMs", overrunThresholdMs);
    FALL_RISE_N.require("fallRiseN", fallRiseN);
    FALL_WINDOW_MS.require("fallWindowMs", fallWindowMs);
    HARNESS_OVERLOAD_MARGIN_N.require("harnessOverloadMarginN", harnessOverloadMarginN);
    FALL_RISE_PERCENT_BW.require("fallRisePercentBw", fallRisePercentBw);
    OVERLOAD_MARGIN_PERCENT_BW.require("overloadMarginPercentBw", overloadMarginPercentBw);
    FORCE_DISAGREE_N.require("forceDisagreeN", forceDisagreeN);
    FORCE_DISAGREE_PERCENT.require("forceDisagreePercent", forceDisagreePercent);
    FORCE_DISAGREE_MS.require("forceDisagreeMs", forceDisagreeMs);
  }

  /**
   * The defaults of docs/SAFETY.md: late after 100 ms, silent after 400 ms (pressure and load cell)
   * overrun 150 ms, 200 N in 200 ms, 100 N; relative to the body weight 15 % (fall) and 20 %
   * (overload); the two force sensors apart by more than 60 N or 10 % for 500 ms.
   */
  public static SupervisionThresholds defaults() {
    return new SupervisionThresholds(100, 400, 400, 150, 200, 200, 100, 15, 20, 60, 10, 500);
  }
}
