package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolOutcome;
import org.gaitctl.session.protocol.ProtocolStatus;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.StageSummary;
import org.gaitctl.session.protocol.TherapistOverride;

/** A protocol run for the terminal: the status line and the per-stage summary. */
final class ProtocolSummaryText {

  private ProtocolSummaryText() {}

  /** One line: stage n/N name, time left, speed, incline, measured unloading, steps, symmetry. */
  static String statusLine(ProtocolStatus s) {
    if (s.stageIndex() < 0) {
      return "starting: harness take-up, then the belt";
    }
    return String.format(
        Locale.ROOT,
        "%s %d/%d %-14s left %s (total %s) | %.2f m/s (set %.2f) | incline %.1f %% | unloading"
            + " %s %%BW (set %.0f) | steps %d | SI stance %s step %s",
        s.state() == ExecutorState.PAUSED ? "PAUSED" : "stage",
        s.stageIndex() + 1,
        s.stageCount(),
        s.stageName(),
        minSec(s.stageTimeLeftS()),
        minSec(s.protocolTimeLeftS()),
        s.measuredSpeedMps(),
        s.speedTargetMps(),
        s.inclineTargetPercent(),
        number(s.measuredUnloadingPercentBw(), 1),
        s.unloadingTargetPercentBw(),
        s.steps(),
        number(s.stanceTimeSiPercent(), 1),
        number(s.stepTimeSiPercent(), 1));
  }

  static void printSummary(PrintWriter out, ProtocolSummary summary) {
    boolean completed = summary.outcome() == ProtocolOutcome.COMPLETED;
    out.printf(
        Locale.ROOT,
        "%nProtocol %s: %s%s at stage %d, %s.%n",
        summary.protocolName(),
        summary.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        completed ? "" : " (" + summary.reason() + ")",
        summary.endStageIndex() + 1,
        minSec(summary.endProtocolTimeS()));
    out.printf(
        "%2s  %-16s %7s %7s %10s %10s %9s %9s %9s %13s %6s %8s %8s%n",
        "#",
        "STAGE",
        "RAN",
        "DIST m",
        "SET m/s",
        "MEAS m/s",
        "SET %BW",
        "MEAS %BW",
        "MEAS N",
        "ERR RMS/PEAK",
        "STEPS",
        "SI st %",
        "SI step%");
    for (StageSummary s : summary.stages()) {
      out.printf(
          Locale.ROOT,
          "%2d  %-16s %7s %7.1f %10s %10s %9s %9s %9s %13s %6d %8s %8s%s%n",
          s.index() + 1,
          s.name(),
          minSec(s.ranS()),
          s.distanceM(),
          number(s.setSpeedMeanMps(), 2),
          number(s.measuredSpeedMeanMps(), 2),
          number(s.targetUnloadingPercentBw(), 1),
          number(s.measuredUnloadingMeanPercentBw(), 1),
          number(s.measuredUnloadingMeanN(), 0),
          unloadingError(s),
          s.steps(),
          number(s.stanceTimeSiPercent(), 1),
          number(s.stepTimeSiPercent(), 1),
          s.completed() ? "" : "  (cut short)");
    }
    out.printf(
        Locale.ROOT,
        "ERR RMS/PEAK: measured minus set unloading, %%BW, once set unloading and speed were steady"
            + " for %.0f s.%n",
        ProtocolExecutor.UNLOADING_SETTLE_NS * 1e-9);
    if (summary.overrides().isEmpty()) {
      out.println("Overrides: none.");
    } else {
      out.println("Overrides:");
      for (TherapistOverride o : summary.overrides()) {
        out.printf(
            Locale.ROOT,
            "  %s stage %d %s: %s %.2f -> %.2f%n",
            minSec(o.protocolTimeS()),
            o.stageIndex() + 1,
            o.stageName(),
            o.what(),
            o.from(),
            o.to());
      }
    }
    out.flush();
  }

  private static String unloadingError(StageSummary s) {
    return Double.isFinite(s.unloadingErrorRmsPercentBw())
        ? number(s.unloadingErrorRmsPercentBw(), 2)
            + "/"
            + number(s.unloadingErrorPeakPercentBw(), 1)
        : "-";
  }

  static String minSec(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "-";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
  }
}
