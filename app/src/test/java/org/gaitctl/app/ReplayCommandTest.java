package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void shouldRefuseAFileWithoutThePressureGridItsStepsWereComputedWith() throws IOException {
    Path notAJournal = Files.writeString(dir.resolve("notes.gjl"), "not a journal");

    int exit = CliRun.execute(dir, out, err, "replay", notAJournal.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("has no pressure grid record");
  }
}
