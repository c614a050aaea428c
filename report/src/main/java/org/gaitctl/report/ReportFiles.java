package org.gaitctl.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.core.analysis.StepsCsvWriter;

/**
 * Writes a report's files into a folder: {@code report.pdf}, {@code report-steps.csv} (the columns
 * of {@code gaitctl analyze --steps-csv}, forces in N) and {@code report-summary.json}. Named apart
 * from the session's own {@code steps.csv} and {@code summary.json} so a report made in the session
 * folder overwrites nothing the session wrote.
 */
public final class ReportFiles {

  public static final String PDF = "report.pdf";
  public static final String STEPS_CSV = "report-steps.csv";
  public static final String SUMMARY_JSON = "report-summary.json";

  private ReportFiles() {}

  /** Writes the PDF, steps CSV and summary JSON of {@code report} into {@code folder}. */
  public static void writeAll(SessionReport report, Path folder) throws IOException {
    Files.createDirectories(folder);
    writePdf(report, folder);
    try (Writer out = Files.newBufferedWriter(folder.resolve(STEPS_CSV), StandardCharsets.UTF_8)) {
      StepsCsvWriter.write(report.steps(), "N", out);
    }
    Files.writeString(
        folder.resolve(SUMMARY_JSON), ReportSummaryJson.of(report), StandardCharsets.UTF_8);
  }

  /** Writes only {@code report.pdf} into {@code folder} (the session wrote its CSV and JSON). */
  public static Path writePdf(SessionReport report, Path folder) throws IOException {
    Path pdf = folder.resolve(PDF);
    try (OutputStream out = Files.newOutputStream(pdf)) {
      PdfReportWriter.write(report, out);
    }
    return pdf;
  }
}
