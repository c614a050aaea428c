package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.core.journal.Journal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaitctl replay} against a real session on the emulators: the steps table it writes is the
 * live session's {@code steps.csv}, byte for byte.
 */
class ReplayIT {

  @TempDir static Path logs;
  @TempDir static Path dir;

  private static Path session;

  @BeforeAll
  static void runASessionOfAbout35SecondsOnTheEmulators() throws IOException {
    Path protocol =
        Files.writeString(
            dir.resolve("short.yaml"),
            String.join(
                "\n",
                "name: short",
                "description: one walking stage for the replay test",
                "stages:",
                "  - name: walk",
                "    durationS: 30",
                "    speedMps: 0.6",
                "    unloadingPercentBw: 30",
                "    rampS: 5",
                ""));
    session = dir.resolve("session");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliRun.execute(
            logs,
            printed,
            err,
            "session",
            "--protocol",
            protocol.toString(),
            "--body-mass",
            "75",
            "--patient",
            "replay-it",
            "--out",
            session.toString());
    assertThat(exit).as(printed + "\n" + err).isZero();
  }

  @Test
  void shouldWriteTheLiveSessionsStepsTableByteForByte() throws IOException {
    Path replayed = dir.resolve("replayed-steps.csv");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        CliRun.execute(
            logs,
            printed,
            err,
            "replay",
            session.resolve(Journal.FILE_NAME).toString(),
            "--steps-csv",
            replayed.toString(),
            "--summary-json",
            dir.resolve("replay.json").toString());

    assertThat(exit).as(printed + "\n" + err).isZero();
    Path live = session.resolve("steps.csv");
    assertThat(Files.readAllLines(live).size()).as("steps of a 30 s walk").isGreaterThan(20);
    assertThat(Files.readAllBytes(replayed)).isEqualTo(Files.readAllBytes(live));
    assertThat(Files.readString(dir.resolve("replay.json"))).contains("\"complete\": true");
  }

  @Test
  void shouldReplayATruncatedJournalUpToItsLastGoodRecordAndSayWhereItStopped() throws IOException {
    Path cut = dir.resolve("cut.gjl");
    Files.copy(session.resolve(Journal.FILE_NAME), cut);
    try (RandomAccessFile file = new RandomAccessFile(cut.toFile(), "rw")) {
      // Three quarters: the stream warm-up before the walk (up to 20 s on a busy machine) can
      // fill the first half of the file with frames before the first step.
      file.setLength(file.length() * 3 / 4);
    }
    Path replayed = dir.resolve("cut-steps.csv");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        CliRun.execute(
            logs, printed, err, "replay", cut.toString(), "--steps-csv", replayed.toString());

    assertThat(exit).as(printed + "\n" + err).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(printed.toString())
        .contains("ends early: truncated record")
        .contains("replayed up to its last good record");
    List<String> live = Files.readAllLines(session.resolve("steps.csv"));
    List<String> partial = Files.readAllLines(replayed);
    assertThat(partial.size()).isBetween(2, live.size() - 1);
    assertThat(live).startsWith(partial.toArray(String[]::new));
  }
}
