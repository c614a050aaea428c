package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor and the session write into the journal on their own cycles: the sink must not
 * allocate there (text is copied character by character, never encoded into a new array).
 */
class JournalSinkAllocationTest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 5_000;

  @TempDir Path dir;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void shouldAllocateNothingOnTheCallersThreadPerRecord() throws IOException {
    threads.setThreadAllocatedMemoryEnabled(true);
    StringBuilder detail = new StringBuilder("writing failed: No space left on device");
    try (Journal journal =
        Journal.create(
            dir.resolve(Journal.FILE_NAME),
            JournalTest.options(false),
            JournalTest.METADATA,
            NanoClock.SYSTEM)) {
      journal.start();
      write(journal.sink(), detail, WARM_UP);
      long bytes = Long.MAX_VALUE;
      // A busy machine leaves one-offs in a window: a deoptimisation materialises the objects a
      // compilation had scalar-replaced, on this thread (5-13 KB were seen at load 10). So the
      // least of ten windows, judged per record: one object per record is 16 bytes or more.
      for (int window = 0; window < 10 && bytes > 0; window++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        write(journal.sink(), detail, MEASURED);
        bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - before);
      }

      assertThat((double) bytes / (MEASURED * 5))
          .as("bytes allocated per record (%d bytes for %d records)", bytes, MEASURED * 5)
          .isLessThan(1.0);
      // A starved writer (a busy machine) lets the hand-off fill; the lost path must not allocate
      // either, but most records must have taken the normal one for the figure to mean it.
      assertThat(journal.counters().sinkRecordsLost()).isLessThan((WARM_UP + MEASURED) * 5 / 2);
    }
  }

  private static void write(JournalSink sink, CharSequence detail, int rounds) {
    for (int i = 0; i < rounds; i++) {
      sink.command(i, "drive.setSpeed", 1.25, "OK");
      sink.fault(i, "F27", detail);
      sink.safetyState(i, "RUNNING", "SAFE_STOP_LATCHED");
      sink.protocolStage(i, 2, "steady walk");
      sink.operatorAction(i, "pause");
      if (i % 500 == 0) {
        // Let the writer drain: the test is about allocation, not a full buffer.
        LockSupport.parkNanos(10_000_000);
      }
    }
  }
}
