package org.gaitctl.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.analysis.StepsCsvWriter;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.StageSummary;
import org.gaitctl.session.protocol.TherapistOverride;

/**
 * A therapy session's files in its folder: {@code steps.csv} (the columns of {@code gaitctl analyze
 * --steps-csv}), {@code summary.json} (the per-stage summary) and {@code overrides.csv}.
 */
final class SessionFiles {

  private SessionFiles() {}

  static void write(
      Path folder, List<StepRow> steps, ProtocolSummary summary, String patient, double massKg)
      throws IOException {
    Files.createDirectories(folder);
    try (Writer out =
        Files.newBufferedWriter(folder.resolve("steps.csv"), StandardCharsets.UTF_8)) {
      StepsCsvWriter.write(steps, "N", out);
    }
    try (Writer out =
        Files.newBufferedWriter(folder.resolve("summary.json"), StandardCharsets.UTF_8)) {
      out.write(summaryJson(summary, patient, massKg));
    }
    try (Writer out =
        Files.newBufferedWriter(folder.resolve("overrides.csv"), StandardCharsets.UTF_8)) {
      out.write("protocol_time_s,stage,stage_name,what,from,to\n");
      for (TherapistOverride o : summary.overrides()) {
        out.write(
            String.format(
                Locale.ROOT,
                "%.1f,%d,%s,%s,%.3f,%.3f%n",
                o.protocolTimeS(),
                o.stageIndex() + 1,
                o.stageName(),
                o.what(),
                o.from(),
                o.to()));
      }
    }
  }

  static String summaryJson(ProtocolSummary summary, String patient, double massKg) {
    StringBuilder json = new StringBuilder(1024);
    json.append("{\n")
        .append("  \"protocol\": ")
        .append(quoted(summary.protocolName()))
        .append(",\n  \"patient\": ")
        .append(quoted(patient))
        .append(",\n  \"bodyMassKg\": ")
        .append(number(massKg, 1))
        .append(",\n  \"outcome\": ")
        .append(quoted(summary.outcome().name()))
        .append(",\n  \"reason\": ")
        .append(quoted(summary.reason()))
        .append(",\n  \"endStage\": ")
        .append(summary.endStageIndex() + 1)
        .append(",\n  \"endProtocolTimeS\": ")
        .append(number(summary.endProtocolTimeS(), 1))
        .append(",\n  \"overrides\": ")
        .append(summary.overrides().size())
        .append(",\n  \"stages\": [");
    String separator = "\n";
    for (StageSummary s : summary.stages()) {
      json.append(separator)
          .append("    {\"stage\": ")
          .append(s.index() + 1)
          .append(", \"name\": ")
          .append(quoted(s.name()))
          .append(", \"completed\": ")
          .append(s.completed())
          .append(", \"ranS\": ")
          .append(number(s.ranS(), 1))
          .append(", \"distanceM\": ")
          .append(number(s.distanceM(), 1))
          .append(", \"setSpeedMps\": ")
          .append(number(s.setSpeedMeanMps(), 3))
          .append(", \"measuredSpeedMps\": ")
          .append(number(s.measuredSpeedMeanMps(), 3))
          .append(", \"targetUnloadingPercentBw\": ")
          .append(number(s.targetUnloadingPercentBw(), 1))
          .append(", \"measuredUnloadingPercentBw\": ")
          .append(number(s.measuredUnloadingMeanPercentBw(), 1))
          .append(", \"measuredUnloadingN\": ")
          .append(number(s.measuredUnloadingMeanN(), 1))
          .append(", \"unloadingSettledS\": ")
          .append(number(s.unloadingSettledS(), 1))
          .append(", \"unloadingErrorRmsPercentBw\": ")
          .append(number(s.unloadingErrorRmsPercentBw(), 2))
          .append(", \"unloadingErrorPeakPercentBw\": ")
          .append(number(s.unloadingErrorPeakPercentBw(), 2))
          .append(", \"steps\": ")
          .append(s.steps())
          .append(", \"stanceTimeSiPercent\": ")
          .append(number(s.stanceTimeSiPercent(), 1))
          .append(", \"stepTimeSiPercent\": ")
          .append(number(s.stepTimeSiPercent(), 1))
          .append('}');
      separator = ",\n";
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value)
        ? String.format(Locale.ROOT, "%." + decimals + "f", value)
        : "null";
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
