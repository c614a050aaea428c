package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gaitctl.config.ConfigException;
import org.gaitctl.report.ReportFiles;
import org.gaitctl.report.SessionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl report JOURNAL [--out DIR]}: the session report (PDF, steps CSV, summary JSON)
 * from a session journal alone (docs/REPORT.md).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the session report of a session journal: report.pdf, report-steps.csv and"
          + " report-summary.json.",
      "A journal cut short (a killed process) still gives a report of what it holds."
    })
final class ReportCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "The session journal (journal.gjl).")
  private Path journal;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the report files (default: the journal's folder).")
  private Path outDir;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    SessionReport report = read(journal);
    if (!report.readResult().complete()) {
      out.println(
          "WARNING: journal " + report.readResult().describe() + "; reporting what it holds");
    }
    Path folder = outDir != null ? outDir : folderOf(journal);
    try {
      ReportFiles.writeAll(report, folder);
    } catch (IOException e) {
      throw new UserError("cannot write the report to " + folder + ": " + e, e);
    }
    out.printf(
        "Report of %s (%d steps, %d stages): %s%n",
        report.patientId(),
        report.steps().size(),
        report.stages().size(),
        folder.resolve(ReportFiles.PDF).toAbsolutePath());
    out.flush();
  }

  /** The report of {@code journal}, or a user error saying why it cannot be read. */
  static SessionReport read(Path journal) {
    try {
      return SessionReport.read(journal);
    } catch (NoSuchFileException e) {
      throw new UserError("no such journal: " + journal, e);
    } catch (IOException | ConfigException e) {
      throw new UserError("journal " + journal + ": " + e.getMessage(), e);
    }
  }

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of(".");
  }
}
