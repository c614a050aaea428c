package org.gaitctl.app;

import java.util.Locale;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.ProtocolTotals;
import org.gaitctl.config.protocol.StageLength;

/** The protocol values as the {@code protocol} commands print them. */
final class ProtocolText {

  private ProtocolText() {}

  /** {@code 2:30}, {@code 8:00-12:00}, or {@code >= 5:00} when there is no upper bound. */
  static String duration(ProtocolTotals totals) {
    if (totals.durationExact()) {
      return minutes(totals.minDurationS());
    }
    if (Double.isInfinite(totals.maxDurationS())) {
      return ">= " + minutes(totals.minDurationS());
    }
    return minutes(totals.minDurationS()) + "-" + minutes(totals.maxDurationS());
  }

  /** {@code 90 m}, or {@code 40-160 m} where self-paced stages leave it open. */
  static String distance(ProtocolTotals totals) {
    if (totals.distanceExact()) {
      return String.format(Locale.ROOT, "%.0f m", totals.minDistanceM());
    }
    return String.format(Locale.ROOT, "%.0f-%.0f m", totals.minDistanceM(), totals.maxDistanceM());
  }

  /** {@code 60 s} or {@code 200 m}. */
  static String length(ProtocolStage stage) {
    if (stage.length() instanceof StageLength.Timed timed) {
      return String.format(Locale.ROOT, "%.0f s", timed.durationS());
    }
    return String.format(
        Locale.ROOT, "%.0f m", ((StageLength.Distance) stage.length()).distanceM());
  }

  /** {@code 0.50}, or {@code self 0.30-1.20} for a self-paced stage. */
  static String speed(ProtocolStage stage) {
    BeltMode belt = stage.belt();
    if (belt instanceof BeltMode.FixedSpeed fixed) {
      return String.format(Locale.ROOT, "%.2f", fixed.speedMps());
    }
    return String.format(
        Locale.ROOT, "self %.2f-%.2f", belt.lowestSpeedMps(), belt.highestSpeedMps());
  }

  private static String minutes(double seconds) {
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
