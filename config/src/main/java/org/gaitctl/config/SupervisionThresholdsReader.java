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
          "pressureStaleMs",
          "loadCellStaleMs",
          "overrunThresholdMs",
          "fallRiseN",
          "fallWindowMs",
          "harnessOverloadMarginN");

  private SupervisionThresholdsReader() {}

  /** The thresholds, or {@code null} after recording their problems. */
  static SupervisionThresholds read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    SupervisionThresholds d = SupervisionThresholds.defaults();
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
    if (errors.count() != errorsBefore) {
      return null;
    }
    return new SupervisionThresholds(
        pressureStaleMs,
        loadCellStaleMs,
        overrunThresholdMs,
        fallRiseN,
        fallWindowMs,
        harnessOverloadMarginN);
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
