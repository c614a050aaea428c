package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process recording a journal is killed with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux): no shutdown hook, no close, no final force. What the writer had handed to the operating
 * system must read back completely, with at most a cut last record.
 */
@EnabledOnOs(OS.LINUX)
class JournalSigkillTest {

  /** Bytes the child must have written before it is killed: several write intervals' worth. */
  private static final long KILL_AFTER_BYTES = 200_000;

  @TempDir Path dir;

  @Test
  void shouldReadBackEverythingFlushedBeforeAKillNine() throws Exception {
    Path file = dir.resolve(Journal.FILE_NAME);
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-exports",
                    "java.base/jdk.internal.misc=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    JournalKillTarget.class.getName(),
                    file.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long flushedBytes = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (flushedBytes < KILL_AFTER_BYTES && (line = lines.readLine()) != null) {
        if (line.startsWith("written ")) {
          flushedBytes = Long.parseLong(line.substring("written ".length()));
        }
      }
      // Mid-run: the writer keeps writing while the child is killed.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    assertThat(flushedBytes).isGreaterThanOrEqualTo(KILL_AFTER_BYTES);

    JournalReader.Contents contents = JournalReader.readAll(file);

    JournalReadResult result = contents.result();
    assertThat(result.complete() || result.truncatedAtEnd()).as(result.describe()).isTrue();
    // The writer hands whole records to the OS: every byte reported written is a good record.
    assertThat(result.endOffset())
        .as("everything handed to the OS before the kill reads back")
        .isGreaterThanOrEqualTo(flushedBytes);
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(flushedBytes);
    assertThat(contents.metadata(JournalMetadata.PATIENT_ID)).isEqualTo("P-007");
    List<JournalRecord> frames = contents.ofType(JournalRecordType.PRESSURE_FRAME);
    assertThat(frames).isNotEmpty();
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).frameCells()).isEqualTo(JournalTest.cellValues(i));
    }
    assertThat(contents.ofType(JournalRecordType.LOAD_SAMPLE)).hasSizeGreaterThan(frames.size());
  }
}
