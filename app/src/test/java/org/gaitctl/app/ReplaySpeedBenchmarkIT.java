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
import org.gaitctl.hil.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much faster than real time a journal replays (docs/PERFORMANCE.md, "Replay speed"): records a
 * {@code monitor} run on the emulators (10 minutes, or {@code -Dreplay.recordS=S}), then runs
 * {@code gaitctl replay} on it three times, each in a JVM of its own with the launcher's heap
 * options, as a user would, and prints the speed each reports (reading and replaying; its JVM's
 * start not included). Not in the recording JVM: its emulators' and pipeline's threads, and the
 * JIT's profile of the live session, are not the replay's. A measurement, printed, not a timed
 * assertion: the shared machine's load decides the figure.
 *
 * <pre>mvn -B -o -Psoak -pl app -am test -Dtest=ReplaySpeedBenchmarkIT \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("soak")
class ReplaySpeedBenchmarkIT {

  private static final int RUNS = 3;

  @TempDir Path logs;
  @TempDir Path dir;

  @Test
  void shouldMeasureHowManyTimesRealTimeAJournalReplays() throws Exception {
    Path run = dir.resolve("run");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    String seconds = System.getProperty("replay.recordS", "600");
    CliRun.execute(
        logs, printed, err, "monitor", "--record", run.toString(), "--duration", seconds);
    Path journal = run.resolve(Journal.FILE_NAME);
    assertThat(journal).as(printed + "\n" + err).exists();
    System.out.printf("replay speed: journal of %.1f MB%n", Files.size(journal) / 1e6);
    for (int i = 1; i <= RUNS; i++) {
      String speed = replayInAJvmOfItsOwn(journal, dir.resolve("replay-" + i + ".txt"));
      System.out.println("replay speed, run " + i + ": " + speed);
    }
  }

  /** Runs {@code gaitctl replay JOURNAL} in a new JVM; returns the line with its speed. */
  private static String replayInAJvmOfItsOwn(Path journal, Path output)
      throws IOException, InterruptedException {
    List<String> command =
        new ChildJvm(GaitctlCommand.class.getName())
            .command(
                List.of("-Xms512m", "-Xmx512m"),
                List.of(
                    "replay",
                    "--log-file",
                    output.resolveSibling(output.getFileName() + ".log").toString(),
                    journal.toString()));
    Process replay =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(replay.waitFor(10, TimeUnit.MINUTES)).as("replay ended").isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(replay.exitValue()).as(printed).isZero();
    return printed.lines().filter(line -> line.contains("real time")).findFirst().orElseThrow();
  }
}
