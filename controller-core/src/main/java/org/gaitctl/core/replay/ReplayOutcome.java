package org.gaitctl.core.replay;

import org.gaitctl.core.journal.JournalReadResult;

/**
 * How a replay ended.
 *
 * @param read how reading the journal ended: complete, or where and why it stopped
 * @param events ring inputs replayed
 * @param steps steps the replayed pipeline completed
 * @param lastInputNs arrival of the last ring input replayed
 */
public record ReplayOutcome(JournalReadResult read, long events, long steps, long lastInputNs) {}
