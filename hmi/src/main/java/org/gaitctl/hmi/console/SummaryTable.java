package org.gaitctl.hmi.console;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.StageSummary;

/**
 * The end-of-session summary as the console shows it: a headline, and per stage what was set
 * against what was measured (speed from the drive, unloading from the load cell).
 */
public final class SummaryTable {

  /** The table's column names. */
  public static final List<String> COLUMNS =
      List.of(
          "Stage",
          "Ran",
          "Distance m",
          "Speed set m/s",
          "Speed measured m/s",
          "Unloading target %BW",
          "Unloading measured %BW",
          "Unloading error RMS / peak %BW",
          "Steps",
          "Stance SI %",
          "Completed");

  private SummaryTable() {}

  /** "Protocol demo: completed (completed), 2:30" and the like. */
  public static String headline(ProtocolSummary summary) {
    return "Protocol "
        + summary.protocolName()
        + ": "
        + summary.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " ("
        + summary.reason()
        + "), "
        + ConsoleFormat.minutesSeconds(summary.endProtocolTimeS());
  }

  /** One row per stage that ran, in {@link #COLUMNS} order. */
  public static List<List<String>> rows(ProtocolSummary summary) {
    List<List<String>> rows = new ArrayList<>();
    for (StageSummary s : summary.stages()) {
      rows.add(
          List.of(
              (s.index() + 1) + " " + s.name(),
              ConsoleFormat.minutesSeconds(s.ranS()),
              ConsoleFormat.number(s.distanceM(), 1),
              ConsoleFormat.number(s.setSpeedMeanMps(), 2),
              ConsoleFormat.number(s.measuredSpeedMeanMps(), 2),
              ConsoleFormat.number(s.targetUnloadingPercentBw(), 1),
              ConsoleFormat.number(s.measuredUnloadingMeanPercentBw(), 1),
              unloadingError(s),
              Long.toString(s.steps()),
              ConsoleFormat.number(s.stanceTimeSiPercent(), 1),
              s.completed() ? "yes" : "no"));
    }
    return rows;
  }

  /**
   * Over the stage's steady part only (target and speed steady for the executor's settling time).
   */
  private static String unloadingError(StageSummary s) {
    return Double.isFinite(s.unloadingErrorRmsPercentBw())
        ? ConsoleFormat.number(s.unloadingErrorRmsPercentBw(), 2)
            + " / "
            + ConsoleFormat.number(s.unloadingErrorPeakPercentBw(), 1)
        : ConsoleFormat.UNKNOWN;
  }
}
