package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills during a session: the file takes bytes up to its limit, then every write fails
 * with the operating system's message. The journal must say so (failure, counted, so the supervisor
 * raises F27) and what it wrote before must read back.
 */
class JournalDiskFullTest {

  private static final long WAIT_NS = 20_000_000_000L;

  @TempDir Path dir;

  @Test
  void shouldReportTheFailureAndKeepWhatWasWrittenReadableWhenTheDiskFills() throws IOException {
    Path file = dir.resolve(Journal.FILE_NAME);
    ManualNanoClock clock = new ManualNanoClock(0);
    // Room for the header and metadata and a few kilobytes of records.
    DiskFilling output = new DiskFilling(FileJournalOutput.create(file), 6_000);
    long failuresAtEnd;
    try (Journal journal =
        Journal.create(output, JournalTest.options(true), JournalTest.METADATA, clock)) {
      journal.start();
      long deadlineNs = System.nanoTime() + WAIT_NS;
      int action = 0;
      while (journal.failure() == null && System.nanoTime() < deadlineNs) {
        for (int i = 0; i < 20; i++) {
          journal.sink().operatorAction(clock.nanoTime(), "operator action " + action++);
        }
        clock.advanceNs(JournalWriter.WRITE_INTERVAL_NS);
        LockSupport.parkNanos(2_000_000);
      }

      assertThat(journal.failure()).isEqualTo("No space left on device");
      assertThat(journal.counters().writeErrors()).isEqualTo(1);
      long failuresAfterError = journal.counters().failures();
      // Records keep coming after the failure: each is discarded and counted, so the fault the
      // supervisor raises from the count comes back after an acknowledgement.
      for (int i = 0; i < 20; i++) {
        journal.sink().operatorAction(clock.nanoTime(), "after the failure");
      }
      while (journal.counters().failures() < failuresAfterError + 20
          && System.nanoTime() < deadlineNs) {
        LockSupport.parkNanos(2_000_000);
      }
      failuresAtEnd = journal.counters().failures();
      assertThat(failuresAtEnd).isGreaterThanOrEqualTo(failuresAfterError + 20);
    }

    JournalReader.Contents contents = JournalReader.readAll(file);
    assertThat(contents.result().complete() || contents.result().truncatedAtEnd())
        .as(contents.result().describe())
        .isTrue();
    assertThat(contents.result().fileBytes()).isEqualTo(6_000);
    assertThat(contents.metadata(JournalMetadata.PATIENT_ID)).isEqualTo("P-007");
    assertThat(contents.ofType(JournalRecordType.OPERATOR_ACTION)).isNotEmpty();
    assertThat(contents.ofType(JournalRecordType.OPERATOR_ACTION).get(0).texts())
        .containsExactly("operator action 0");
  }

  /** A file on a disk with {@code capacityBytes} free: a write past it fails part way. */
  private static final class DiskFilling implements JournalOutput {
    private final JournalOutput file;
    private long freeBytes;

    DiskFilling(JournalOutput file, long capacityBytes) {
      this.file = file;
      this.freeBytes = capacityBytes;
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
      if (bytes.remaining() <= freeBytes) {
        freeBytes -= bytes.remaining();
        file.write(bytes);
        return;
      }
      ByteBuffer fits = bytes.duplicate();
      fits.limit(fits.position() + (int) freeBytes);
      file.write(fits);
      bytes.position(fits.position());
      freeBytes = 0;
      throw new IOException("No space left on device");
    }

    @Override
    public void force() throws IOException {
      file.force();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
