package org.gaitctl.safety;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.SupervisionThresholds;

/**
 * Thresholds and timing of the supervisor. Validated on construction; {@link
 * #validateAgainst(SafetyLimits)} checks the settings that depend on the device profile.
 *
 * @param cyclePeriodMs supervisor cycle period, ms
 * @param overrunThresholdMs a cycle starting later than period + this is an overrun, ms
 * @param streamLateMs a stream is late after this long without data (counted; the session holds its
 *     setpoints), ms
 * @param pressureStaleMs pressure stream stale after this long without a frame, ms
 * @param loadCellStaleMs load-cell stream stale after this long without a sample, ms
 * @param deviceStatusStaleMs a device is unreachable after this long without a good status read, ms
 * @param unreachableAfterFailures a device is unreachable after this many failed reads in a row
 * @param stageStallMs a stage with backlog is stalled when its count is unchanged this long, ms
 * @param harnessOverloadMarginN harness overload above the profile's maxUnloadingN plus this, N
 * @param fallRiseN a rise of harness load larger than this within the fall window is a fall sign, N
 * @param fallWindowMs the fall window, ms
 * @param beltSpeedToleranceMps overspeed above the profile's maxBeltSpeedMps plus this, m/s
 * @param restSpeedMps the belt is at rest below this speed, m/s
 * @param emergencyDecelMps2 the drive's quick-stop ramp, m/s² (spec §2 default 1.0)
 * @param stopVerifyMarginMs extra time given to a stop beyond the ramp time before escalating, ms
 * @param stepAttempts attempts of one safe-stop command before falling back
 * @param stepBudgetMs time one safe-stop command may take over all its attempts, ms
 * @param heartbeatPermitMs how long one healthy supervisor cycle allows the pollers to heartbeat,
 *     ms (so a stalled supervisor stops feeding the device watchdogs)
 * @param pollPeriodMs device status poll and heartbeat period, ms
 * @param fallRisePercentBw with a known unloading expectation: fall sign when the load rises within
 *     the fall window, and ends above the expected unloading, by more than this share of the body
 *     weight, percent
 * @param overloadMarginPercentBw with a known unloading expectation: overload above the expected
 *     unloading plus this share of the body weight, percent
 * @param forceDisagreeN the BWS unit's FORCE_ACT and the load cell disagree beyond this, N (or
 *     {@code forceDisagreePercent} of the reading, whichever is larger)
 * @param forceDisagreePercent the disagreement as a share of the reading, percent
 * @param forceDisagreeMs a disagreement lasting longer than this is F26, ms
 * @param controlStallMs the session's control loop without a completed cycle for longer than this
 *     is F28, ms (longer than the blocking commands one cycle may send: 3 × 3 × 100 ms)
 */
public record SupervisorSettings(
    int cyclePeriodMs,
    int overrunThresholdMs,
    int streamLateMs,
    int pressureStaleMs,
    int loadCellStaleMs,
    int deviceStatusStaleMs,
    int unreachableAfterFailures,
    int stageStallMs,
    double harnessOverloadMarginN,
    double fallRiseN,
    int fallWindowMs,
    double beltSpeedToleranceMps,
    double restSpeedMps,
    double emergencyDecelMps2,
    int stopVerifyMarginMs,
    int stepAttempts,
    int stepBudgetMs,
    int heartbeatPermitMs,
    int pollPeriodMs,
    double fallRisePercentBw,
    double overloadMarginPercentBw,
    double forceDisagreeN,
    double forceDisagreePercent,
    int forceDisagreeMs,
    int controlStallMs) {

  public SupervisorSettings {
    positive("cyclePeriodMs", cyclePeriodMs);
    positive("overrunThresholdMs", overrunThresholdMs);
    positive("streamLateMs", streamLateMs);
    positive("pressureStaleMs", pressureStaleMs);
    positive("loadCellStaleMs", loadCellStaleMs);
    positive("deviceStatusStaleMs", deviceStatusStaleMs);
    positive("unreachableAfterFailures", unreachableAfterFailures);
    positive("stageStallMs", stageStallMs);
    nonNegative("harnessOverloadMarginN", harnessOverloadMarginN);
    positive("fallRiseN", fallRiseN);
    positive("fallWindowMs", fallWindowMs);
    nonNegative("beltSpeedToleranceMps", beltSpeedToleranceMps);
    positive("restSpeedMps", restSpeedMps);
    positive("emergencyDecelMps2", emergencyDecelMps2);
    positive("stopVerifyMarginMs", stopVerifyMarginMs);
    positive("stepAttempts", stepAttempts);
    positive("stepBudgetMs", stepBudgetMs);
    positive("heartbeatPermitMs", heartbeatPermitMs);
    positive("pollPeriodMs", pollPeriodMs);
    positive("fallRisePercentBw", fallRisePercentBw);
    positive("overloadMarginPercentBw", overloadMarginPercentBw);
    positive("forceDisagreeN", forceDisagreeN);
    positive("forceDisagreePercent", forceDisagreePercent);
    positive("forceDisagreeMs", forceDisagreeMs);
    positive("controlStallMs", controlStallMs);
    if (forceDisagreeMs < cyclePeriodMs) {
      throw invalid(
          "forceDisagreeMs", forceDisagreeMs, "must be >= cyclePeriodMs " + cyclePeriodMs);
    }
    if (fallWindowMs < cyclePeriodMs) {
      throw invalid("fallWindowMs", fallWindowMs, "must be >= cyclePeriodMs " + cyclePeriodMs);
    }
    if (streamLateMs >= Math.min(pressureStaleMs, loadCellStaleMs)) {
      throw invalid(
          "streamLateMs",
          streamLateMs,
          "must be < pressureStaleMs "
              + pressureStaleMs
              + " and loadCellStaleMs "
              + loadCellStaleMs);
    }
    if (heartbeatPermitMs <= cyclePeriodMs) {
      throw invalid(
          "heartbeatPermitMs", heartbeatPermitMs, "must be > cyclePeriodMs " + cyclePeriodMs);
    }
    if (deviceStatusStaleMs <= pollPeriodMs) {
      throw invalid(
          "deviceStatusStaleMs", deviceStatusStaleMs, "must be > pollPeriodMs " + pollPeriodMs);
    }
  }

  /** These settings with the thresholds a device profile sets (its {@code supervision} section). */
  public SupervisorSettings with(SupervisionThresholds thresholds) {
    return toBuilder()
        .streamLateMs(thresholds.streamLateMs())
        .pressureStaleMs(thresholds.pressureStaleMs())
        .loadCellStaleMs(thresholds.loadCellStaleMs())
        .overrunThresholdMs(thresholds.overrunThresholdMs())
        .fallRiseN(thresholds.fallRiseN())
        .fallWindowMs(thresholds.fallWindowMs())
        .harnessOverloadMarginN(thresholds.harnessOverloadMarginN())
        .fallRisePercentBw(thresholds.fallRisePercentBw())
        .overloadMarginPercentBw(thresholds.overloadMarginPercentBw())
        .forceDisagreeN(thresholds.forceDisagreeN())
        .forceDisagreePercent(thresholds.forceDisagreePercent())
        .forceDisagreeMs(thresholds.forceDisagreeMs())
        .build();
  }

  /** The defaults documented in docs/SAFETY.md. */
  public static SupervisorSettings defaults() {
    return new SupervisorSettings(
        10, 150, 100, 400, 400, 300, 3, 200, 100.0, 200.0, 200, 0.10, 0.02, 1.0, 1000, 3, 300, 50,
        20, 15.0, 20.0, 60.0, 10.0, 500, 1000);
  }

  /** A builder starting from these settings, for changing a few of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Checks the settings against the device profile's limits: the device watchdogs must outlast two
   * poll periods and a heartbeat permit, or a healthy system would trip them. (That the watchdogs
   * are armed and short is {@link SafetyLimits}' own invariant.)
   *
   * @throws IllegalArgumentException naming the setting and the limit
   */
  public void validateAgainst(SafetyLimits limits) {
    int watchdogMs = limits.deviceWatchdogMs();
    if (watchdogMs < 2 * pollPeriodMs + heartbeatPermitMs) {
      throw new IllegalArgumentException(
          "limits.deviceWatchdogMs = "
              + watchdogMs
              + " must be >= 2 * pollPeriodMs + heartbeatPermitMs = "
              + (2 * pollPeriodMs + heartbeatPermitMs));
    }
  }

  long cyclePeriodNs() {
    return cyclePeriodMs * 1_000_000L;
  }

  private static void positive(String name, double value) {
    if (!(value > 0)) {
      throw invalid(name, value, "must be > 0");
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw invalid(name, value, "must be >= 0");
    }
  }

  private static IllegalArgumentException invalid(String name, double value, String rule) {
    return new IllegalArgumentException("supervisor setting " + name + " = " + value + " " + rule);
  }

  /** Changes some settings of a valid set; {@link #build()} validates the result. */
  public static final class Builder {
    private int cyclePeriodMs;
    private int overrunThresholdMs;
    private int streamLateMs;
    private int pressureStaleMs;
    private int loadCellStaleMs;
    private int deviceStatusStaleMs;
    private int unreachableAfterFailures;
    private int stageStallMs;
    private double harnessOverloadMarginN;
    private double fallRiseN;
    private int fallWindowMs;
    private double beltSpeedToleranceMps;
    private double restSpeedMps;
    private double emergencyDecelMps2;
    private int stopVerifyMarginMs;
    private int stepAttempts;
    private int stepBudgetMs;
    private int heartbeatPermitMs;
    private int pollPeriodMs;
    private double fallRisePercentBw;
    private double overloadMarginPercentBw;
    private double forceDisagreeN;
    private double forceDisagreePercent;
    private int forceDisagreeMs;
    private int controlStallMs;

    private Builder(SupervisorSettings from) {
      cyclePeriodMs = from.cyclePeriodMs;
      overrunThresholdMs = from.overrunThresholdMs;
      streamLateMs = from.streamLateMs;
      pressureStaleMs = from.pressureStaleMs;
      loadCellStaleMs = from.loadCellStaleMs;
      deviceStatusStaleMs = from.deviceStatusStaleMs;
      unreachableAfterFailures = from.unreachableAfterFailures;
      stageStallMs = from.stageStallMs;
      harnessOverloadMarginN = from.harnessOverloadMarginN;
      fallRiseN = from.fallRiseN;
      fallWindowMs = from.fallWindowMs;
      beltSpeedToleranceMps = from.beltSpeedToleranceMps;
      restSpeedMps = from.restSpeedMps;
      emergencyDecelMps2 = from.emergencyDecelMps2;
      stopVerifyMarginMs = from.stopVerifyMarginMs;
      stepAttempts = from.stepAttempts;
      stepBudgetMs = from.stepBudgetMs;
      heartbeatPermitMs = from.heartbeatPermitMs;
      pollPeriodMs = from.pollPeriodMs;
      fallRisePercentBw = from.fallRisePercentBw;
      overloadMarginPercentBw = from.overloadMarginPercentBw;
      forceDisagreeN = from.forceDisagreeN;
      forceDisagreePercent = from.forceDisagreePercent;
      forceDisagreeMs = from.forceDisagreeMs;
      controlStallMs = from.controlStallMs;
    }

    public Builder cyclePeriodMs(int value) {
      cyclePeriodMs = value;
      return this;
    }

    public Builder overrunThresholdMs(int value) {
      overrunThresholdMs = value;
      return this;
    }

    public Builder streamLateMs(int value) {
      streamLateMs = value;
      return this;
    }

    public Builder pressureStaleMs(int value) {
      pressureStaleMs = value;
      return this;
    }

    public Builder loadCellStaleMs(int value) {
      loadCellStaleMs = value;
      return this;
    }

    public Builder deviceStatusStaleMs(int value) {
      deviceStatusStaleMs = value;
      return this;
    }

    public Builder unreachableAfterFailures(int value) {
      unreachableAfterFailures = value;
      return this;
    }

    public Builder stageStallMs(int value) {
      stageStallMs = value;
      return this;
    }

    public Builder harnessOverloadMarginN(double value) {
      harnessOverloadMarginN = value;
      return this;
    }

    public Builder fallRiseN(double value) {
      fallRiseN = value;
      return this;
    }

    public Builder fallWindowMs(int value) {
      fallWindowMs = value;
      return this;
    }

    public Builder beltSpeedToleranceMps(double value) {
      beltSpeedToleranceMps = value;
      return this;
    }

    public Builder restSpeedMps(double value) {
      restSpeedMps = value;
      return this;
    }

    public Builder emergencyDecelMps2(double value) {
      emergencyDecelMps2 = value;
      return this;
    }

    public Builder stopVerifyMarginMs(int value) {
      stopVerifyMarginMs = value;
      return this;
    }

    public Builder stepAttempts(int value) {
      stepAttempts = value;
      return this;
    }

    public Builder stepBudgetMs(int value) {
      stepBudgetMs = value;
      return this;
    }

    public Builder heartbeatPermitMs(int value) {
      heartbeatPermitMs = value;
      return this;
    }

    public Builder pollPeriodMs(int value) {
      pollPeriodMs = value;
      return this;
    }

    public Builder fallRisePercentBw(double value) {
      fallRisePercentBw = value;
      return this;
    }

    public Builder overloadMarginPercentBw(double value) {
      overloadMarginPercentBw = value;
      return this;
    }

    public Builder forceDisagreeN(double value) {
      forceDisagreeN = value;
      return this;
    }

    public Builder forceDisagreePercent(double value) {
      forceDisagreePercent = value;
      return this;
    }

    public Builder forceDisagreeMs(int value) {
      forceDisagreeMs = value;
      return this;
    }

    public Builder controlStallMs(int value) {
      controlStallMs = value;
      return this;
    }

    public SupervisorSettings build() {
      return new SupervisorSettings(
          cyclePeriodMs,
          overrunThresholdMs,
          streamLateMs,
          pressureStaleMs,
          loadCellStaleMs,
          deviceStatusStaleMs,
          unreachableAfterFailures,
          stageStallMs,
          harnessOverloadMarginN,
          fallRiseN,
          fallWindowMs,
          beltSpeedToleranceMps,
          restSpeedMps,
          emergencyDecelMps2,
          stopVerifyMarginMs,
          stepAttempts,
          stepBudgetMs,
          heartbeatPermitMs,
          pollPeriodMs,
          fallRisePercentBw,
          overloadMarginPercentBw,
          forceDisagreeN,
          forceDisagreePercent,
          forceDisagreeMs,
          controlStallMs);
    }
  }
}
