package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.RingEvent;
import org.gaitctl.core.pipeline.RingTranslators;
import org.gaitctl.core.pipeline.StageSequence;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  static final PressureGrid GRID = new PressureGrid(1, 16, 8, 0.01, 0.01);
  static final JournalMetadata METADATA =
      new JournalMetadata(
          "0.1.0-test",
          "treadmill: {}\n",
          "stages: []\n",
          "P-007",
          72.5,
          Instant.parse("2026-12-01T10:00:00Z"));

  @TempDir Path dir;

  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);

  @Test
  void shouldReadBackEveryRecordAsItWasHandedOverWithItsMetadata() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    try (Journal journal = Journal.create(file, options(true), METADATA, clock)) {
      journal.start();
      StageSequence stages = sequence(journal);
      RingEvent event = RingEvent.factory(GRID.cellsPerBelt()).newInstance();
      for (int i = 0; i < 5; i++) {
        RingTranslators.pressureFrame(
            event, 2_000_000L + i, i, 10L * i, 0, GRID.rows(), GRID.cols(), cells(i));
        stages.process(event, 3L * i);
        RingTranslators.loadSample(event, 3_000_000L + i, 100 + i, 20L * i, 30_000 + i, 0);
        stages.process(event, 3L * i + 1);
        RingTranslators.driveStatus(event, 4_000_000L + i, drive(1.25));
        stages.process(event, 3L * i + 2);
      }
      journal.sink().command(5_000_000L, "SET_SPEED", 1.2, "REFUSED");
      journal.sink().protocolStage(5_000_001L, 2, "steady walk");
      journal.sink().operatorAction(5_000_002L, "pause");
      journal.sink().fault(5_000_003L, "F27", "No space left on device");
      journal.sink().safetyState(5_000_004L, "RUNNING", "SAFE_STOP_LATCHED");
    }

    JournalReader.Contents contents = JournalReader.readAll(file);

    assertThat(contents.result().complete()).as(contents.result().describe()).isTrue();
    assertThat(contents.metadata(JournalMetadata.PATIENT_ID)).isEqualTo("P-007");
    assertThat(contents.metadata(JournalMetadata.BODY_MASS_KG)).isEqualTo("72.5");
    assertThat(contents.metadata(JournalMetadata.DEVICE_PROFILE)).isEqualTo("treadmill: {}\n");
    assertThat(contents.metadata(JournalMetadata.PROTOCOL)).isEqualTo("stages: []\n");
    assertThat(contents.metadata(JournalMetadata.SOFTWARE_VERSION)).isEqualTo("0.1.0-test");
    assertThat(contents.metadata(JournalMetadata.START_WALL_CLOCK))
        .isEqualTo("2026-12-01T10:00:00Z");
    List<JournalRecord> frames = contents.ofType(JournalRecordType.PRESSURE_FRAME);
    assertThat(frames).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JournalRecord frame = frames.get(i);
      assertThat(frame.timeNs()).isEqualTo(2_000_000L + i);
      assertThat(frame.payload().getLong(8)).as("device seq").isEqualTo(i);
      assertThat(frame.payload().get(25)).as("stored deflated").isEqualTo((byte) 1);
      assertThat(frame.frameCells()).isEqualTo(cellValues(i));
    }
    assertThat(contents.ofType(JournalRecordType.FOOT_CONTACT)).hasSize(5);
    List<JournalRecord> samples = contents.ofType(JournalRecordType.LOAD_SAMPLE);
    assertThat(samples).hasSize(5);
    assertThat(samples.get(3).timeNs()).isEqualTo(3_000_003L);
    assertThat(samples.get(3).payload().getInt(24)).as("force cN").isEqualTo(30_003);
    JournalRecord drive = contents.ofType(JournalRecordType.DRIVE_STATUS).get(0);
    assertThat(drive.payload().getDouble(9)).isEqualTo(1.25);
    JournalRecord command = contents.ofType(JournalRecordType.COMMAND).get(0);
    assertThat(command.timeNs()).isEqualTo(5_000_000L);
    assertThat(contents.ofType(JournalRecordType.OPERATOR_ACTION).get(0).texts())
        .containsExactly("pause");
    assertThat(contents.ofType(JournalRecordType.FAULT).get(0).texts())
        .containsExactly("F27", "No space left on device");
    assertThat(contents.ofType(JournalRecordType.SAFETY_STATE).get(0).texts())
        .containsExactly("RUNNING", "SAFE_STOP_LATCHED");
    assertThat(contents.ofType(JournalRecordType.PROTOCOL_STAGE)).hasSize(1);
  }

  @Test
  void shouldStoreFramesRawlessWhenRawFramesAreSwitchedOff() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    try (Journal journal = Journal.create(file, options(false), METADATA, clock)) {
      journal.start();
      StageSequence stages = sequence(journal);
      RingEvent event = RingEvent.factory(GRID.cellsPerBelt()).newInstance();
      RingTranslators.pressureFrame(event, 2_000_000L, 0, 0, 0, GRID.rows(), GRID.cols(), cells(1));
      stages.process(event, 0);
    }

    JournalReader.Contents contents = JournalReader.readAll(file);

    assertThat(contents.result().complete()).isTrue();
    assertThat(contents.ofType(JournalRecordType.PRESSURE_FRAME)).isEmpty();
    assertThat(contents.ofType(JournalRecordType.FOOT_CONTACT)).hasSize(1);
    assertThat(contents.metadata(JournalMetadata.RAW_FRAMES)).isEqualTo("false");
  }

  @Test
  void shouldStopAtACorruptedRecordSayingWhereAndWhyAndReturnEverythingBefore() throws IOException {
    Path file = journalOfTwentyRecords();
    JournalReader.Contents intact = JournalReader.readAll(file);
    JournalRecord victim = intact.records().get(12);
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) victim.offset() + 8] ^= 0x01;
    Files.write(file, bytes);

    JournalReader.Contents contents = JournalReader.readAll(file);

    assertThat(contents.records()).hasSize(12);
    assertThat(contents.result().complete()).isFalse();
    assertThat(contents.result().describe())
        .isEqualTo("CRC mismatch at offset " + victim.offset() + ", record 12");
  }

  @Test
  void shouldStopAtATruncatedLastRecordAndReturnEverythingBefore() throws IOException {
    Path file = journalOfTwentyRecords();
    JournalReader.Contents intact = JournalReader.readAll(file);
    JournalRecord last = intact.records().get(intact.records().size() - 1);
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(last.offset() + 7);
    }

    JournalReader.Contents contents = JournalReader.readAll(file);

    assertThat(contents.records()).hasSize(intact.records().size() - 1);
    assertThat(contents.result().truncatedAtEnd()).isTrue();
    assertThat(contents.result().describe())
        .startsWith("truncated record (")
        .endsWith("at offset " + last.offset() + ", record " + last.index());
  }

  @Test
  void shouldReadOnlyAsFarAsTheHeadReaderWants() throws IOException {
    Path file = journalOfTwentyRecords();
    List<Long> visited = new ArrayList<>();

    JournalReader.readHead(
        file,
        record -> {
          visited.add(record.index());
          return record.index() < 4;
        });

    assertThat(visited).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void shouldRefuseAFileThatIsNotAJournal() throws IOException {
    Path file = dir.resolve("not-a-journal.gjl");
    Files.writeString(file, "time,force\n0,1\n");

    JournalReadResult result = JournalReader.read(file, record -> {});

    assertThat(result.records()).isZero();
    assertThat(result.describe()).startsWith("not a gaitctl journal (magic 0x");
  }

  @Test
  void shouldCountRecordsLostToAFullHandOffAsFailuresWithoutBlocking() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    JournalOptions small = new JournalOptions(true, GRID.cellsPerBelt(), 4096, 1024);
    try (Journal journal = Journal.create(file, small, METADATA, clock)) {
      // Not started: nothing drains, so the buffers fill.
      StageSequence stages = sequence(journal);
      RingEvent event = RingEvent.factory(GRID.cellsPerBelt()).newInstance();
      for (int i = 0; i < 100; i++) {
        RingTranslators.loadSample(event, 3_000_000L + i, i, 0, 30_000, 0);
        stages.process(event, i);
      }
      for (int i = 0; i < 100; i++) {
        journal.sink().operatorAction(5_000_000L + i, "pause");
      }

      assertThat(journal.counters().ringRecordsLost()).isPositive();
      assertThat(journal.counters().sinkRecordsLost()).isPositive();
      assertThat(journal.counters().failures())
          .isEqualTo(journal.counters().ringRecordsLost() + journal.counters().sinkRecordsLost());
    }
    JournalReader.Contents contents = JournalReader.readAll(file);
    assertThat(contents.result().complete()).isTrue();
    assertThat(contents.ofType(JournalRecordType.RECORDS_LOST)).isNotEmpty();
  }

  private Path journalOfTwentyRecords() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    try (Journal journal = Journal.create(file, options(true), METADATA, clock)) {
      journal.start();
      for (int i = 0; i < 20; i++) {
        journal.sink().operatorAction(i, "action " + i);
      }
    }
    return file;
  }

  static JournalOptions options(boolean rawFrames) {
    return JournalOptions.defaults(rawFrames, GRID.cellsPerBelt());
  }

  static StageSequence sequence(Journal journal) {
    return PipelineAssembly.sequence(
        PipelineSettings.defaults(GRID),
        new ManualNanoClock(0),
        GaitSettings.defaults(),
        GRID,
        journal.stage());
  }

  static DriveStatus drive(double speedMps) {
    return new DriveStatus(
        CommandResult.OK, true, false, false, false, false, true, false, speedMps, speedMps, 0, 0);
  }

  /** A frame whose cells are {@code seed * 7 + index}, little-endian as the wire delivers them. */
  static ByteBuffer cells(int seed) {
    char[] values = cellValues(seed);
    ByteBuffer bytes = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (char value : values) {
      bytes.putChar(value);
    }
    return bytes.flip();
  }

  static char[] cellValues(int seed) {
    char[] values = new char[GRID.cellsPerBelt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (char) (seed * 7 + i);
    }
    return values;
  }
}
