package org.gaitctl.core.analysis;

import java.util.List;

/** What {@link OfflineAnalysis} found in a recording: its steps, its events and a summary. */
public record AnalysisReport(
    List<StepRow> steps, List<DetectedEvent> events, AnalysisSummary summary) {

  public AnalysisReport {
    steps = List.copyOf(steps);
    events = List.copyOf(events);
  }
}
