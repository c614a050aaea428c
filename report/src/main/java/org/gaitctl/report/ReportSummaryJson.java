package org.gaitctl.report;

import java.util.Locale;

/**
 * The report's summary as JSON: patient, protocol, step count, per-side metrics and stages, all
 * from the journal (the session's own {@code summary.json} comes from the live protocol executor).
 */
final class ReportSummaryJson {

  private ReportSummaryJson() {}

  static String of(SessionReport r) {
    StringBuilder json = new StringBuilder(2048);
    json.append("{\n  \"patient\": ")
        .append(quoted(r.patientId()))
        .append(",\n  \"bodyMassKg\": ")
        .append(number(r.bodyMassKg(), 1))
        .append(",\n  \"protocol\": ")
        .append(quoted(r.protocolName()))
        .append(",\n  \"sessionStart\": ")
        .append(quoted(r.sessionStart()))
        .append(",\n  \"durationS\": ")
        .append(number(r.durationS(), 1))
        .append(",\n  \"journal\": ")
        .append(quoted(r.readResult().describe()))
        .append(",\n  \"steps\": ")
        .append(r.steps().size())
        .append(",\n  \"events\": ")
        .append(r.events().size())
        .append(",\n  \"sides\": [");
    String separator = "\n";
    for (SideMetric m : r.sideMetrics()) {
      json.append(separator)
          .append("    {\"parameter\": ")
          .append(quoted(m.parameter().name().toLowerCase(Locale.ROOT)))
          .append(", \"unit\": ")
          .append(quoted(m.parameter().unit()))
          .append(", \"left\": ")
          .append(number(m.leftMean(), 4))
          .append(", \"right\": ")
          .append(number(m.rightMean(), 4))
          .append(", \"siPercent\": ")
          .append(number(m.symmetryIndexPercent(), 2))
          .append(", \"ratio\": ")
          .append(number(m.ratio(), 4))
          .append('}');
      separator = ",\n";
    }
    json.append("\n  ],\n  \"stages\": [");
    separator = "\n";
    for (StageReport s : r.stages()) {
      json.append(separator)
          .append("    {\"stage\": ")
          .append(s.index() + 1)
          .append(", \"name\": ")
          .append(quoted(s.name()))
          .append(", \"startS\": ")
          .append(number(s.startS(), 2))
          .append(", \"endS\": ")
          .append(number(s.endS(), 2))
          .append(", \"setSpeed\": ")
          .append(quoted(s.setSpeed()))
          .append(", \"measuredSpeedMps\": ")
          .append(number(s.measuredSpeedMeanMps(), 3))
          .append(", \"setInclinePercent\": ")
          .append(number(s.setInclinePercent(), 1))
          .append(", \"measuredInclinePercent\": ")
          .append(number(s.measuredInclineMeanPercent(), 2))
          .append(", \"targetUnloadingPercentBw\": ")
          .append(number(s.targetUnloadingPercentBw(), 1))
          .append(", \"measuredUnloadingPercentBw\": ")
          .append(number(s.measuredUnloadingMeanPercentBw(), 2))
          .append(", \"unloadingErrorRmsPercentBw\": ")
          .append(number(s.unloadingErrorRmsPercentBw(), 2))
          .append(", \"steps\": ")
          .append(s.steps())
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
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
