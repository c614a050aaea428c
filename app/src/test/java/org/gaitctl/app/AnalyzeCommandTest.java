package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(dir.resolve("logs"), out, err, args);
  }

  @Test
  void shouldReportAnUnwritableOutputPathBeforeReadingTheRecording() throws IOException {
    // the recording has no samples: had it been read first, the error would name it instead
    Path recording = Files.writeString(dir.resolve("walk.csv"), "time_s,left_fz_n,right_fz_n\n");
    Path missingDirectory = dir.resolve("no-such-dir").resolve("summary.json");

    int exit = run("analyze", recording.toString(), "--summary-json", missingDirectory.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--summary-json").contains("no such directory");
    assertThat(out.toString()).doesNotContain("heel strikes");
  }

  @Test
  void shouldRefuseADirectoryAsTheStepsCsv() throws IOException {
    Path recording = Files.writeString(dir.resolve("walk.csv"), "time_s,left_fz_n,right_fz_n\n");

    assertThat(run("analyze", recording.toString(), "--steps-csv", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--steps-csv").contains("is a directory");
  }

  @Test
  void shouldPrintWhyNoStepWasFound() throws IOException {
    StringBuilder csv = new StringBuilder("time_s,left_fz_n,right_fz_n\n");
    for (int i = 0; i < 1000; i++) {
      csv.append(String.format(Locale.ROOT, "%.3f,%d,%d%n", i / 100.0, 3 + i % 2, 4));
    }
    Path recording = Files.writeString(dir.resolve("still.csv"), csv);

    assertThat(run("analyze", recording.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("WARNING: no steps found: no foot contact above 20.0 N on either foot");
  }

  @Test
  void shouldNameTheFileOfAnEndlessInput() throws IOException {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
    Path csv = Files.createSymbolicLink(dir.resolve("zero.csv"), zero);

    assertThat(run("analyze", csv.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("zero.csv:1").contains("line longer than");
  }
}
