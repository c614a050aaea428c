package org.gaitctl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The report's summary as JSON: patient, protocol, step count, per-side metrics and stages, all
 * from the journal (the session's own {@code summary.json} comes from the live protocol executor).
 * Numbers are rounded to what they mean; unknown ones are {@code null}, never a number that looks
 * valid.
 */
final class ReportSummaryJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** "key": value, as people write JSON by hand. */
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private ReportSummaryJson() {}

  static String of(SessionReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("patient", r.patientId());
    number(root, "bodyMassKg", r.bodyMassKg(), 1);
    root.put("protocol", r.protocolName());
    root.put("sessionStart", r.sessionStart());
    number(root, "durationS", r.durationS(), 1);
    root.put("journal", r.readResult().describe());
    root.put("steps", r.steps().size());
    root.put("events", r.events().size());
    ArrayNode sides = root.putArray("sides");
    for (SideMetric m : r.sideMetrics()) {
      ObjectNode side = sides.addObject();
      side.put("parameter", m.parameter().name().toLowerCase(Locale.ROOT));
      side.put("unit", m.parameter().unit());
      number(side, "left", m.leftMean(), 4);
      number(side, "right", m.rightMean(), 4);
      number(side, "siPercent", m.symmetryIndexPercent(), 2);
      number(side, "ratio", m.ratio(), 4);
    }
    ArrayNode stages = root.putArray("stages");
    for (StageReport s : r.stages()) {
      ObjectNode stage = stages.addObject();
      stage.put("stage", s.index() + 1);
      stage.put("name", s.name());
      number(stage, "startS", s.startS(), 2);
      number(stage, "endS", s.endS(), 2);
      stage.put("setSpeed", s.setSpeed());
      number(stage, "measuredSpeedMps", s.measuredSpeedMeanMps(), 3);
      number(stage, "setInclinePercent", s.setInclinePercent(), 1);
      number(stage, "measuredInclinePercent", s.measuredInclineMeanPercent(), 2);
      number(stage, "targetUnloadingPercentBw", s.targetUnloadingPercentBw(), 1);
      number(stage, "measuredUnloadingPercentBw", s.measuredUnloadingMeanPercentBw(), 2);
      number(stage, "unloadingErrorRmsPercentBw", s.unloadingErrorRmsPercentBw(), 2);
      stage.put("steps", s.steps());
    }
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values did not serialise", e);
    }
  }

  private static void number(ObjectNode node, String key, double value, int decimals) {
    if (Double.isFinite(value)) {
      node.put(key, BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    } else {
      node.putNull(key);
    }
  }
}
