package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitctl.core.analysis.AnalysisReport;
import org.gaitctl.core.analysis.AnalysisSettings;
import org.gaitctl.core.analysis.AnalysisSummary;
import org.gaitctl.core.analysis.OfflineAnalysis;
import org.gaitctl.core.analysis.ParameterSummary;
import org.gaitctl.core.analysis.StepsCsvWriter;
import org.gaitctl.core.analysis.SummaryJsonWriter;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.recording.RecordingReaders;
import org.gaitctl.core.symmetry.StepParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl analyze FILE}: a recording from another system through the live pipeline's stage
 * code, to per-step rows and a symmetry summary.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Detect gait events and steps in a recording and report per-side means and symmetry.",
      "Reads C3D (.c3d), CSV (time_s,left_fz_n,right_fz_n[,belt_speed_mps,left_cop_ap_m,"
          + "right_cop_ap_m]), PhysioNet gaitndd (.hea) and gaitpdb (.txt), OpenSim (.mot)."
    })
final class AnalyzeCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The recording.")
  private Path file;

  @Option(names = "--steps-csv", paramLabel = "OUT", description = "Write one row per step.")
  private Path stepsCsv;

  @Option(
      names = "--summary-json",
      paramLabel = "OUT",
      description = "Write per-side means and symmetry indices as JSON.")
  private Path summaryJson;

  @Option(
      names = "--heel-strike-n",
      paramLabel = "N",
      description =
          "Heel-strike force threshold for recordings in newtons (default: ${DEFAULT-VALUE}).")
  private double heelStrikeN = AnalysisSettings.defaults().heelStrikeThresholdN();

  @Option(
      names = "--toe-off-n",
      paramLabel = "N",
      description =
          "Toe-off force threshold for recordings in newtons (default: ${DEFAULT-VALUE}).")
  private double toeOffN = AnalysisSettings.defaults().toeOffThresholdN();

  @Override
  public void run() {
    requireWritable(stepsCsv, "--steps-csv");
    requireWritable(summaryJson, "--summary-json");
    ForceRecording recording = read();
    AnalysisSettings settings;
    try {
      settings = AnalysisSettings.defaults().withThresholdsN(heelStrikeN, toeOffN);
    } catch (IllegalArgumentException e) {
      throw new UserError("thresholds: " + e.getMessage(), e);
    }
    AnalysisReport report = new OfflineAnalysis(settings).run(recording);
    printSummary(report.summary(), spec.commandLine().getOut());
    try {
      if (stepsCsv != null) {
        try (Writer out = Files.newBufferedWriter(stepsCsv, StandardCharsets.UTF_8)) {
          StepsCsvWriter.write(report.steps(), report.summary().forceUnit(), out);
        }
      }
      if (summaryJson != null) {
        try (Writer out = Files.newBufferedWriter(summaryJson, StandardCharsets.UTF_8)) {
          SummaryJsonWriter.write(report.summary(), out);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot write the results: " + e, e);
    }
  }

  /**
   * Fails before the analysis when {@code out} cannot be written, so a long analysis is not lost to
   * a typo in the output path.
   */
  private static void requireWritable(Path out, String option) {
    if (out == null) {
      return;
    }
    Path absolute = out.toAbsolutePath();
    Path parent = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new UserError(option + " " + out + ": is a directory");
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserError(option + " " + out + ": no such directory " + parent);
    }
    boolean writable =
        Files.exists(absolute) ? Files.isWritable(absolute) : Files.isWritable(parent);
    if (!writable) {
      throw new UserError(option + " " + out + ": not writable");
    }
  }

  private ForceRecording read() {
    try {
      return RecordingReaders.read(file);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file, e);
    } catch (IOException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private static void printSummary(AnalysisSummary summary, PrintWriter out) {
    out.printf(
        "%s: %d heel strikes, %d toe offs, %d left and %d right steps (%d discarded)%n",
        summary.source(),
        summary.heelStrikes(),
        summary.toeOffs(),
        summary.stepsLeft(),
        summary.stepsRight(),
        summary.discardedSteps());
    if (!summary.forceUnitNote().isEmpty()) {
      out.println("note: " + summary.forceUnitNote());
    }
    out.printf(
        Locale.ROOT,
        "unloaded level subtracted: left %.1f %s, right %.1f %s%n",
        summary.leftUnloadedLevel(),
        summary.forceUnit(),
        summary.rightUnloadedLevel(),
        summary.forceUnit());
    for (String warning : summary.warnings()) {
      out.println("WARNING: " + warning);
    }
    out.printf(
        "%-18s %10s %10s %8s %8s %8s%n", "parameter", "left", "right", "SI %", "ratio", "SA %");
    for (StepParameter parameter : StepParameter.values()) {
      ParameterSummary p = summary.parameters().get(parameter);
      if (p == null) {
        continue;
      }
      out.printf(
          "%-18s %10s %10s %8s %8s %8s%n",
          parameter.name().toLowerCase(Locale.ROOT) + " [" + p.unit() + "]",
          format(p.meanLeft(), 3),
          format(p.meanRight(), 3),
          format(p.symmetryIndexPercent(), 1),
          format(p.ratio(), 3),
          format(p.symmetryAnglePercent(), 1));
    }
    out.flush();
  }

  private static String format(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
