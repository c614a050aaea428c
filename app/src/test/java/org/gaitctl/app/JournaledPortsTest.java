package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalCommand;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalOptions;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledPortsTest {

  private static final JournalMetadata METADATA =
      new JournalMetadata(
          "test", "treadmill: {}\n", "", "P-1", 70, Instant.parse("2026-12-01T10:00:00Z"));

  @TempDir Path dir;

  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);

  @Test
  void shouldJournalFailedStatusReadsAndHeartbeatsButNotGoodOnes() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    try (Journal journal =
        Journal.create(file, JournalOptions.defaults(false, 16), METADATA, clock)) {
      journal.start();
      TreadmillDrivePort drive =
          new JournaledDrive(silentDrive(CommandResult.TIMEOUT), journal.sink(), clock);
      BwsPort bws = new JournaledBws(silentBws(CommandResult.IO_ERROR), journal.sink(), clock);
      drive.readStatus();
      clock.advanceNs(20_000_000L);
      drive.heartbeat();
      bws.readStatus();
      bws.heartbeat();
      new JournaledDrive(silentDrive(CommandResult.OK), journal.sink(), clock).heartbeat();
    }

    List<JournalCommand> commands =
        JournalReader.readAll(file).ofType(JournalRecordType.COMMAND).stream()
            .map(record -> record.command())
            .toList();
    assertThat(commands)
        .extracting(JournalCommand::name, JournalCommand::result)
        .containsExactly(
            tuple("drive.readStatus", "TIMEOUT"),
            tuple("drive.heartbeat", "TIMEOUT"),
            tuple("bws.readStatus", "IO_ERROR"),
            tuple("bws.heartbeat", "IO_ERROR"));
    assertThat(commands.get(1).timeNs() - commands.get(0).timeNs()).isEqualTo(20_000_000L);
  }

  /** A drive that answers every status read and heartbeat with {@code result}. */
  private static TreadmillDrivePort silentDrive(CommandResult result) {
    return (TreadmillDrivePort)
        Proxy.newProxyInstance(
            TreadmillDrivePort.class.getClassLoader(),
            new Class<?>[] {TreadmillDrivePort.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "readStatus" -> result.isOk() ? null : DriveStatus.failed(result);
                  case "heartbeat" -> result;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static BwsPort silentBws(CommandResult result) {
    return (BwsPort)
        Proxy.newProxyInstance(
            BwsPort.class.getClassLoader(),
            new Class<?>[] {BwsPort.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "readStatus" -> BwsStatus.failed(result);
                  case "heartbeat" -> result;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
