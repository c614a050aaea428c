package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session journal from the command line: refused before motion, recorded end to end. */
class SessionJournalIT {

  @TempDir Path logs;
  @TempDir Path dir;

  @Test
  void shouldRefuseAJournalFolderThatCannotBeWrittenBeforeTouchingAnyDevice() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        CliRun.execute(
            logs,
            printed,
            err,
            "monitor",
            "--record",
            notAFolder.resolve("journal").toString(),
            "--duration",
            "5");

    assertThat(exit).as(printed + "\n" + err).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("gaitctl: session journal: the journal folder");
    assertThat(printed.toString()).doesNotContain("Emulated hardware").doesNotContain("Connected");
  }

  @Test
  void shouldRecordAMonitorRunIntoAJournalThatReadsBackComplete() throws IOException {
    Path folder = dir.resolve("run");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        CliRun.execute(
            logs, printed, err, "monitor", "--record", folder.toString(), "--duration", "10");

    assertThat(exit).as(printed + "\n" + err).isZero();
    assertThat(printed.toString()).contains("journal.ringRecordsLost").contains("journal.forces");
    JournalReader.Contents journal = JournalReader.readAll(folder.resolve(Journal.FILE_NAME));
    assertThat(journal.result().complete()).as(journal.result().describe()).isTrue();
    assertThat(journal.metadata(JournalMetadata.DEVICE_PROFILE)).contains("treadmill:");
    assertThat(journal.ofType(JournalRecordType.PRESSURE_FRAME)).hasSizeGreaterThan(1_000);
    assertThat(journal.ofType(JournalRecordType.LOAD_SAMPLE)).hasSizeGreaterThan(3_000);
    assertThat(journal.ofType(JournalRecordType.STEP)).isNotEmpty();
    assertThat(journal.ofType(JournalRecordType.SAFETY_STATE)).isNotEmpty();
    assertThat(journal.ofType(JournalRecordType.COMMAND))
        .as("the start's and the stop's device commands with their results")
        .isNotEmpty();
    assertThat(journal.ofType(JournalRecordType.RECORDS_LOST)).isEmpty();
  }
}
