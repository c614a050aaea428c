package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalOptions;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaitctl replay}'s refusals, before anything is replayed. */
class ReplayCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldRefuseAJournalThatDoesNotExist() {
    int exit = CliRun.execute(dir, out, err, "replay", dir.resolve("none.gjl").toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("no such file").contains("none.gjl");
  }

  @Test
  void shouldRefuseAJournalWithoutThePressureGridItsStepsWereComputedWith() throws IOException {
    Path journal = dir.resolve("journal.gjl");
    JournalMetadata metadata =
        new JournalMetadata(
            "0.1.0-test", "treadmill: {}\n", "stages: []\n", "P-007", 72.5, Instant.EPOCH);
    try (Journal written =
        Journal.create(journal, JournalOptions.defaults(true, 64), metadata, NanoClock.SYSTEM)) {
      written.sink().operatorAction(0, "a session recorded before replay existed");
    }

    int exit = CliRun.execute(dir, out, err, "replay", journal.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("journal.gjl has no pressure grid record");
  }

  @Test
  void shouldSayWhyAFileThatIsNotAJournalCannotBeReplayed() throws IOException {
    Path notAJournal = Files.writeString(dir.resolve("notes.gjl"), "not a journal");

    int exit = CliRun.execute(dir, out, err, "replay", notAJournal.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString())
        .contains("notes.gjl ends before its pressure grid and metadata")
        .contains("not a gaitctl journal (magic 0x");
  }
}
