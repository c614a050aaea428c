package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaitctl.core.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session report end to end: a short two-stage session against the built-in emulators records
 * its journal and writes report.pdf; {@code gaitctl report} makes the report again from the journal
 * alone; poppler's pdftotext and pdftoppm read and render it.
 */
class ReportCommandIT {

  private static final String PATIENT = "P-REPORT-17";

  @TempDir Path logs;
  @TempDir Path dir;

  @Test
  void shouldReportPatientStepCountAndEveryStageOfARecordedSessionInARenderablePdf()
      throws IOException, InterruptedException {
    Path protocol =
        Files.writeString(
            dir.resolve("short.yaml"),
            String.join(
                "\n",
                "name: short-report",
                "description: two short stages for the report test",
                "stages:",
                "  - name: slow-start",
                "    durationS: 10",
                "    speedMps: 0.4",
                "    unloadingPercentBw: 30",
                "    rampS: 5",
                "  - name: quicker-end",
                "    durationS: 10",
                "    speedMps: 0.6",
                "    unloadingPercentBw: 25",
                "    rampS: 5",
                ""));
    Path session = dir.resolve("session");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int sessionExit =
        CliRun.execute(
            logs,
            printed,
            err,
            "session",
            "--protocol",
            protocol.toString(),
            "--body-mass",
            "70",
            "--patient",
            PATIENT,
            "--out",
            session.toString());
    assertThat(sessionExit).as(printed + "\n" + err).isZero();
    assertThat(printed.toString()).contains("Session report: ");
    assertThat(session.resolve("report.pdf")).isNotEmptyFile();

    Path reportDir = dir.resolve("report");
    StringWriter reportPrinted = new StringWriter();
    StringWriter reportErr = new StringWriter();
    int reportExit =
        CliRun.execute(
            logs,
            reportPrinted,
            reportErr,
            "report",
            session.resolve(Journal.FILE_NAME).toString(),
            "--out",
            reportDir.toString());

    assertThat(reportExit).as(reportPrinted + "\n" + reportErr).isZero();
    List<String> stepLines =
        Files.readAllLines(reportDir.resolve("report-steps.csv"), StandardCharsets.UTF_8);
    int steps = stepLines.size() - 1;
    assertThat(steps).isPositive();
    assertThat(stepLines.get(0)).startsWith("side,heel_strike_s,");
    assertThat(Files.readString(reportDir.resolve("report-summary.json")))
        .contains("\"patient\": \"" + PATIENT + "\"")
        .contains("\"steps\": " + steps + ",")
        .contains("\"name\": \"slow-start\"")
        .contains("\"name\": \"quicker-end\"");
    Path pdf = reportDir.resolve("report.pdf");
    String text = run("pdftotext", "-layout", pdf.toString(), "-");
    assertThat(text)
        .contains(PATIENT)
        .contains("Steps: " + steps + " ")
        .contains("slow-start")
        .contains("quicker-end")
        .contains("Stance time L/R");
    run(
        "pdftoppm",
        "-png",
        "-r",
        "50",
        "-f",
        "1",
        "-l",
        "1",
        pdf.toString(),
        dir.resolve("page").toString());
    try (var pages = Files.list(dir)) {
      assertThat(pages.filter(p -> p.getFileName().toString().startsWith("page")))
          .singleElement()
          .satisfies(png -> assertThat(Files.size(png)).isPositive());
    }
  }

  /** Runs a poppler tool, returns its standard output, fails on a non-zero exit. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }
}
