package org.gaitctl.core.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes steps as CSV, one row per step, with exactly the columns of {@link #header(String)}; a
 * cell is empty where the value is unknown. Times in s, forces in the recording's unit (named in
 * the column: {@code peak_fz_n}, {@code peak_fz_adc}), lengths in m, cadence in steps/min.
 */
public final class StepsCsvWriter {

  private StepsCsvWriter() {}

  /**
   * The header for forces in {@code forceUnit}: {@code N} gives {@code peak_fz_n,
   * loading_rate_n_per_s, impulse_n_s} (never {@code _ns}, which reads as nanoseconds).
   */
  public static String header(String forceUnit) {
    String u = forceUnit.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return "side,heel_strike_s,toe_off_s,next_heel_strike_s,stride_s,stance_s,swing_s,step_time_s,"
        + "single_support_s,double_support_s,peak_fz_"
        + u
        + ",loading_rate_"
        + u
        + "_per_s,impulse_"
        + u
        + "_s,step_length_m,cadence_steps_per_min";
  }

  public static void write(List<StepRow> steps, String forceUnit, Writer out) throws IOException {
    out.write(header(forceUnit));
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
      cell(line, s.singleSupportS(), 6);
      cell(line, s.doubleSupportS(), 6);
      cell(line, s.peakFz(), 3);
      cell(line, s.loadingRatePerS(), 1);
      cell(line, s.impulseFzSeconds(), 4);
      cell(line, s.stepLengthM(), 4);
      cell(line, s.cadenceStepsPerMin(), 2);
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
