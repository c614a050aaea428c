package org.gaitctl.core.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes steps as CSV, one row per step, with exactly the columns of {@link #HEADER}; a cell is
 * empty where the value is unknown. Times in s, forces in the recording's unit, lengths in m.
 */
public final class StepsCsvWriter {

  public static final String HEADER =
      "side,heel_strike_s,toe_off_s,next_heel_strike_s,stride_s,stance_s,swing_s,step_time_s,"
          + "double_support_s,peak_fz_n,impulse_ns,step_length_m";

  private StepsCsvWriter() {}

  public static void write(List<StepRow> steps, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    StringBuilder line = new StringBuilder(160);
    for (StepRow s : steps) {
      line.setLength(0);
      line.append(s.side().letter());
      cell(line, s.heelStrikeS(), 6);
      cell(line, s.toeOffS(), 6);
      cell(line, s.nextHeelStrikeS(), 6);
      cell(line, s.strideS(), 6);
      cell(line, s.stanceS(), 6);
      cell(line, s.swingS(), 6);
      cell(line, s.stepTimeS(), 6);
      cell(line, s.doubleSupportS(), 6);
      cell(line, s.peakFz(), 3);
      cell(line, s.impulseFzSeconds(), 4);
      cell(line, s.stepLengthM(), 4);
      line.append('\n');
      out.append(line);
    }
  }

  private static void cell(StringBuilder line, double value, int decimals) {
    line.append(',');
    if (Double.isFinite(value)) {
      line.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
  }
}
