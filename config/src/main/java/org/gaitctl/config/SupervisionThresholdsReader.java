package org.gaitctl.config;

import java.util.List;

/**
 * Reads the optional {@code supervision} section. Every key is optional; one that is absent keeps
 * its default ({@link SupervisionThresholds#defaults()}), one that is present is checked against
 * its safe range and reported at its line when outside.
 */
final class SupervisionThresholdsReader {

  static final List<String> KEYS =
      List.of(
          "streamLateMs",
          "pressureStaleMs",
          "loadCellStaleMs",
          "overrunThresholdMs",
          "fallRiseN",
          "fallWindowMs",
          "harnessOverloadMarginN",
          "fallRisePercentBw",
          "overloadMarginPercentBw",
          "forceDisagreeN",
          "forceDisagreePercent",
          "forceDisagreeMs");

  private SupervisionThresholdsReader() {}

  /** The thresholds, or {@code null} after recording their problems. */
  static SupervisionThresholds read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    SupervisionThresholds d = SupervisionThresholds.defaults();
    Integer streamLateMs =
        intOr(section, "streamLateMs", SupervisionThresholds.STREAM_LATE_MS, d.streamLateMs());
    Integer pressureStaleMs =
        intOr(section, "pressureStaleMs", SupervisionThresholds.STALE_MS, d.pressureStaleMs());
    Integer loadCellStaleMs =
        intOr(section, "loadCellStaleMs", SupervisionThresholds.STALE_MS, d.loadCellStaleMs());
    Integer overrunThresholdMs =
        intOr(
            section,
            "overrunThresholdMs",
            SupervisionThresholds.OVERRUN_THRESHOLD_MS,
            d.overrunThresholdMs());
    Double fallRiseN =
        numberOr(section, "fallRiseN", SupervisionThresholds.FALL_RISE_N, d.fallRiseN());
    Integer fallWindowMs =
        intOr(section, "fallWindowMs", SupervisionThresholds.FALL_WINDOW_MS, d.fallWindowMs());
    Double harnessOverloadMarginN =
        numberOr(
            section,
            "harnessOverloadMarginN",
            SupervisionThresholds.HARNESS_OVERLOAD_MARGIN_N,
            d.harnessOverloadMarginN());
    Double fallRisePercentBw =
        numberOr(
            section,
            "fallRisePercentBw",
            SupervisionThresholds.FALL_RISE_PERCENT_BW,
            d.fallRisePercentBw());
    Double overloadMarginPercentBw =
        numberOr(
            section,
            "overloadMarginPercentBw",
            SupervisionThresholds.OVERLOAD_MARGIN_PERCENT_BW,
            d.overloadMarginPercentBw());
    Double forceDisagreeN =
        numberOr(
            section, "forceDisagreeN", SupervisionThresholds.FORCE_DISAGREE_N, d.forceDisagreeN());
    Double forceDisagreePercent =
        numberOr(
            section,
            "forceDisagreePercent",
            SupervisionThresholds.FORCE_DISAGREE_PERCENT,
            d.forceDisagreePercent());
    Integer forceDisagreeMs =
        intOr(
            section,
            "forceDisagreeMs",
            SupervisionThresholds.FORCE_DISAGREE_MS,
            d.forceDisagreeMs());
    if (errors.count() != errorsBefore) {
      return null;
    }
    // The rules between keys live in the record: reported at the key they name, or the section.
    try {
      return new SupervisionThresholds(
          streamLateMs,
          pressureStaleMs,
          loadCellStaleMs,
          overrunThresholdMs,
          fallRiseN,
          fallWindowMs,
          harnessOverloadMarginN,
          fallRisePercentBw,
          overloadMarginPercentBw,
          forceDisagreeN,
          forceDisagreePercent,
          forceDisagreeMs);
    } catch (InvalidSettingException e) {
      String rule = e.getMessage().substring(e.field().length() + 1);
      YamlValue at = section.get(e.field());
      if (at != null) {
        at.error(rule);
      } else {
        section.error(e.getMessage());
      }
      return null;
    }
  }

  private static Integer intOr(YamlMap section, String key, SettingRange range, int otherwise) {
    YamlValue value = section.get(key);
    return value == null ? Integer.valueOf(otherwise) : value.asIntIn(range);
  }

  private static Double numberOr(
      YamlMap section, String key, SettingRange range, double otherwise) {
    YamlValue value = section.get(key);
    return value == null ? Double.valueOf(otherwise) : value.asNumberIn(range);
  }
}
