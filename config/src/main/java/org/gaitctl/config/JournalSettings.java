package org.gaitctl.config;

/**
 * The optional {@code journal} section of a device profile: how sessions are recorded
 * (docs/JOURNAL.md).
 *
 * @param rawFrames whether raw pressure frames go into the journal (deflated); without them a
 *     session cannot be replayed through the pipeline, and its journal is about a tenth the size
 */
public record JournalSettings(boolean rawFrames) {

  /** Raw frames recorded. */
  public static JournalSettings defaults() {
    return new JournalSettings(true);
  }
}
