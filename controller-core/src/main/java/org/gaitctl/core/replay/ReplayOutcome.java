package org.gaitctl.core.replay;

import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalSink;

/**
 * How a replay ended, and what the journal said of the live steps table.
 *
 * @param read how reading the journal ended: complete, or where and why it stopped
 * @param events ring inputs replayed
 * @param steps steps the replayed pipeline completed
 * @param firstInputNs arrival of the first ring input replayed; {@link #NONE} when there was none
 * @param lastInputNs arrival of the last ring input replayed
 * @param stepsOriginNs the live steps table's time origin; {@link #NONE} when the journal has no
 *     steps table (a {@code monitor} run)
 * @param stepsTableRows the rows the live table was closed with; {@link
 *     JournalSink#STEPS_TABLE_OPEN} when it was never closed (a killed session, a cut journal)
 */
public record ReplayOutcome(
    JournalReadResult read,
    long events,
    long steps,
    long firstInputNs,
    long lastInputNs,
    long stepsOriginNs,
    long stepsTableRows) {

  /** {@link #firstInputNs} or {@link #stepsOriginNs} that the journal does not have. */
  public static final long NONE = Long.MIN_VALUE;

  /**
   * The origin of the replayed steps table: the live table's, or for a journal without one the
   * first ring input's arrival.
   */
  public long originNs() {
    return stepsOriginNs != NONE ? stepsOriginNs : firstInputNs;
  }

  /** The recording's length from the first ring input to the last, ns; 0 without inputs. */
  public long recordedNs() {
    return events == 0 ? 0 : lastInputNs - firstInputNs;
  }
}
