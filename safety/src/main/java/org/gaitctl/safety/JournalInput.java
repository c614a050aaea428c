package org.gaitctl.safety;

/**
 * The session journal's health as the supervisor reads it (F27): what it lost or could not write,
 * and the I/O error that stopped it. Supplied by the integrator over the journal's counters.
 *
 * <p>{@link #failures()} is called on the supervisor's thread once per cycle and must not block or
 * allocate; {@link #failure()} only when a fault is recorded.
 */
public interface JournalInput {

  /** A session without a journal: never fails. */
  JournalInput NONE =
      new JournalInput() {
        @Override
        public long failures() {
          return 0;
        }

        @Override
        public String failure() {
          return null;
        }
      };

  /** Records lost to a full hand-off buffer, discarded after a write error, and write errors. */
  long failures();

  /** The write error that stopped the journal (e.g. "No space left on device"), or null. */
  String failure();
}
