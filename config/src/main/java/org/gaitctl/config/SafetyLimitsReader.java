package org.gaitctl.config;

import java.util.List;

/**
 * Reads the {@code limits} section. Every limit is required: a profile states its limits, none is
 * assumed. Limits are checked against the devices' register ranges by {@link ProfileCrossChecks}.
 */
final class SafetyLimitsReader {

  static final List<String> KEYS =
      List.of(
          "maxBeltSpeedMps",
          "minInclinePercent",
          "maxInclinePercent",
          "minUnloadingN",
          "maxUnloadingN",
          "maxAccelMps2",
          "stopDecelMps2",
          "maxForceRateNPerS",
          "deviceWatchdogMs");

  private SafetyLimitsReader() {}

  /** The limits, or {@code null} after recording their problems. */
  static SafetyLimits read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    Double maxBeltSpeedMps = section.requirePositive("maxBeltSpeedMps");
    Double minInclinePercent = section.requireNumber("minInclinePercent");
    Double maxInclinePercent = section.requireNumber("maxInclinePercent");
    YamlValue minUnloading = section.require("minUnloadingN");
    Double minUnloadingN =
        minUnloading == null ? null : minUnloading.asNumberIn(0, Double.MAX_VALUE);
    Double maxUnloadingN = section.requirePositive("maxUnloadingN");
    Double maxAccelMps2 = section.requirePositive("maxAccelMps2");
    Double stopDecelMps2 = section.requirePositive("stopDecelMps2");
    Double maxForceRateNPerS = section.requirePositive("maxForceRateNPerS");
    Integer deviceWatchdogMs = section.requireInt("deviceWatchdogMs", 1, 60_000);
    if (minInclinePercent != null
        && maxInclinePercent != null
        && minInclinePercent > maxInclinePercent) {
      section.get("minInclinePercent").error("must be <= maxInclinePercent");
    }
    if (minUnloadingN != null && maxUnloadingN != null && !(minUnloadingN < maxUnloadingN)) {
      section.get("minUnloadingN").error("must be < maxUnloadingN");
    }
    return errors.count() == errorsBefore
        ? new SafetyLimits(
            maxBeltSpeedMps,
            minInclinePercent,
            maxInclinePercent,
            maxUnloadingN,
            minUnloadingN,
            maxAccelMps2,
            stopDecelMps2,
            maxForceRateNPerS,
            deviceWatchdogMs)
        : null;
  }
}
