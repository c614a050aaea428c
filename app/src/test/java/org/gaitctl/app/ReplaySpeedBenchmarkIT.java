package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.replay.JournalReplay;
import org.gaitctl.core.replay.ReplayOutcome;
import org.gaitctl.core.replay.ReplaySetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much faster than real time a journal replays (docs/PERFORMANCE.md, "Replay speed"): records a
 * {@code monitor} run on the emulators (10 minutes, or {@code -Dreplay.recordS=S}), then times the
 * replay's two passes twice in the same JVM: JIT cold, then warm. A measurement, printed, not a
 * timed assertion: the shared machine's load decides the figure.
 *
 * <pre>mvn -B -o -Psoak -pl app -am test -Dtest=ReplaySpeedBenchmarkIT \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("soak")
class ReplaySpeedBenchmarkIT {

  @TempDir Path logs;
  @TempDir Path dir;

  @Test
  void shouldMeasureHowManyTimesRealTimeAJournalReplays() throws IOException {
    Path run = dir.resolve("run");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    String seconds = System.getProperty("replay.recordS", "600");
    CliRun.execute(
        logs, printed, err, "monitor", "--record", run.toString(), "--duration", seconds);
    Path journal = run.resolve(Journal.FILE_NAME);
    assertThat(journal).as(printed + "\n" + err).exists();
    for (String pass : new String[] {"JIT cold", "warm"}) {
      replay(journal, pass);
    }
  }

  private static void replay(Path journal, String pass) throws IOException {
    long startNs = System.nanoTime();
    ReplaySetup setup = ReplaySetup.read(journal);
    ReplayOutcome outcome = JournalReplay.run(journal, setup, (step, symmetry, arrivalNs) -> {});
    long replayNs = System.nanoTime() - startNs;

    long recordedNs = outcome.lastInputNs() - setup.firstInputNs();
    assertThat(outcome.read().complete()).as(outcome.read().describe()).isTrue();
    assertThat(outcome.steps()).isPositive();
    System.out.printf(
        Locale.ROOT,
        "replay speed (%s): %.1f s recorded (%d inputs, %d steps, %.1f MB) replayed in %.2f s: %.0fx"
            + " real time%n",
        pass,
        recordedNs / 1e9,
        outcome.events(),
        outcome.steps(),
        Files.size(journal) / 1e6,
        replayNs / 1e9,
        (double) recordedNs / replayNs);
  }
}
