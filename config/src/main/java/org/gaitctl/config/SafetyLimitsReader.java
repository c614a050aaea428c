package org.gaitctl.config;

import java.util.List;

/**
 * Reads the {@code limits} section. Every limit is required: a profile states its limits, none is
 * assumed. Each value is read with its type and range here; the rules between values are {@link
 * SafetyLimits}' own, reported at the line of the field they name. Limits are checked against the
 * devices' register ranges by {@link ProfileCrossChecks}.
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
    Integer deviceWatchdogMs =
        section.requireIntIn("deviceWatchdogMs", SafetyLimits.DEVICE_WATCHDOG_MS);
    if (errors.count() != errorsBefore) {
      return null;
    }
    try {
      return new SafetyLimits(
          maxBeltSpeedMps,
          minInclinePercent,
          maxInclinePercent,
          maxUnloadingN,
          minUnloadingN,
          maxAccelMps2,
          stopDecelMps2,
          maxForceRateNPerS,
          deviceWatchdogMs);
    } catch (InvalidSettingException e) {
      // The rules between fields (min <= max) live in SafetyLimits; report at the field they name.
      section.get(e.field()).error(e.rule());
      return null;
    }
  }
}
