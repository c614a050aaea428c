package org.gaitctl.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * Writes an {@link AnalysisSummary} as JSON: counts, the force unit and its note, and per parameter
 * the per-side means and symmetry values. Unknown or not meaningful numbers are {@code null}, never
 * a number that looks valid.
 */
public final class SummaryJsonWriter {

  /** Leaves the caller's writer open: the caller owns it. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private SummaryJsonWriter() {}

  public static void write(AnalysisSummary summary, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", summary.source());
    root.put("force_unit", summary.forceUnit());
    root.put("force_unit_is_newtons", summary.forceUnitNote().isEmpty());
    if (!summary.forceUnitNote().isEmpty()) {
      root.put("force_unit_note", summary.forceUnitNote());
    }
    ObjectNode unloaded = root.putObject("unloaded_level_subtracted");
    unloaded.put("unit", summary.forceUnit());
    number(unloaded, "left", summary.leftUnloadedLevel());
    number(unloaded, "right", summary.rightUnloadedLevel());
    ArrayNode warnings = root.putArray("warnings");
    summary.warnings().forEach(warnings::add);
    ObjectNode counts = root.putObject("counts");
    counts.put("heel_strikes", summary.heelStrikes());
    counts.put("toe_offs", summary.toeOffs());
    counts.put("steps_left", summary.stepsLeft());
    counts.put("steps_right", summary.stepsRight());
    counts.put("discarded_steps", summary.discardedSteps());
    ObjectNode parameters = root.putObject("parameters");
    for (StepParameter p : StepParameter.values()) {
      ParameterSummary s = summary.parameters().get(p);
      ObjectNode node = parameters.putObject(p.name().toLowerCase(Locale.ROOT));
      node.put("unit", s.unit());
      node.put("count_left", s.countLeft());
      node.put("count_right", s.countRight());
      number(node, "mean_left", s.meanLeft());
      number(node, "mean_right", s.meanRight());
      number(node, "symmetry_floor", s.floor());
      number(node, "symmetry_index_percent", s.symmetryIndexPercent());
      number(node, "ratio_left_to_right", s.ratio());
      number(node, "symmetry_angle_percent", s.symmetryAnglePercent());
    }
    MAPPER.writeValue(out, root);
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
