package org.gaitctl.core.journal;

import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.counters.CounterGroup;

/**
 * What the journal did and lost, readable from any thread. Each counter has one writer (the ring
 * thread, the writer thread) except the sink's losses, counted by whichever thread lost a record.
 */
public final class JournalCounters implements CounterGroup {

  private static final String[] LABELS = {
    "recordsWritten",
    "bytesWritten",
    "ringRecordsLost",
    "sinkRecordsLost",
    "recordsDiscardedAfterFailure",
    "writeErrors",
    "forces"
  };

  final AtomicLong recordsWritten = new AtomicLong();
  final AtomicLong bytesWritten = new AtomicLong();
  final AtomicLong ringRecordsLost = new AtomicLong();
  final AtomicLong sinkRecordsLost = new AtomicLong();
  final AtomicLong discardedAfterFailure = new AtomicLong();
  final AtomicLong writeErrors = new AtomicLong();
  final AtomicLong forces = new AtomicLong();

  @Override
  public String name() {
    return "journal";
  }

  @Override
  public int size() {
    return LABELS.length;
  }

  @Override
  public String label(int index) {
    return LABELS[index];
  }

  @Override
  public long value(int index) {
    return switch (index) {
      case 0 -> recordsWritten.get();
      case 1 -> bytesWritten.get();
      case 2 -> ringRecordsLost.get();
      case 3 -> sinkRecordsLost.get();
      case 4 -> discardedAfterFailure.get();
      case 5 -> writeErrors.get();
      case 6 -> forces.get();
      default -> throw new IndexOutOfBoundsException(index);
    };
  }

  public long recordsWritten() {
    return recordsWritten.get();
  }

  public long bytesWritten() {
    return bytesWritten.get();
  }

  /** Records the ring stage could not hand over (buffer full). */
  public long ringRecordsLost() {
    return ringRecordsLost.get();
  }

  /** Records other threads could not hand over (buffer full). */
  public long sinkRecordsLost() {
    return sinkRecordsLost.get();
  }

  /** Records drained after a write error and not written (the file no longer takes any). */
  public long discardedAfterFailure() {
    return discardedAfterFailure.get();
  }

  public long writeErrors() {
    return writeErrors.get();
  }

  /**
   * Everything that makes the journal incomplete: lost, discarded and failed writes. Grows while a
   * failed journal is fed, so the supervisor's fault (F27) comes back after an acknowledgement.
   */
  public long failures() {
    return ringRecordsLost.get()
        + sinkRecordsLost.get()
        + discardedAfterFailure.get()
        + writeErrors.get();
  }
}
