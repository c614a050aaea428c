package org.gaitctl.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecordType;

/**
 * Where the session's {@code steps.csv} times start: the origin of its {@code STEPS_TABLE} journal
 * record (docs/JOURNAL.md), the controller's {@code System.nanoTime()}. The emulators' ground truth
 * is on the same clock (CLOCK_MONOTONIC, one machine), so origin + {@code heel_strike_s} is
 * directly comparable with the true heel strike: no offset has to be guessed from the steps, which
 * a periodic gait makes ambiguous by whole strides.
 */
final class StepsTableOrigin {

  /** The origin's offset in the record's payload, after the record's own time. */
  private static final int ORIGIN_OFFSET = 8;

  private StepsTableOrigin() {}

  /** The first steps table's origin, ns; empty without a journal or such a record. */
  static OptionalLong read(Path journal) throws IOException {
    if (journal == null || !Files.exists(journal)) {
      return OptionalLong.empty();
    }
    long[] originNs = {0};
    boolean[] found = {false};
    JournalReader.read(
        journal,
        record -> {
          if (record.type() == JournalRecordType.STEPS_TABLE && !found[0]) {
            originNs[0] = record.payload().getLong(ORIGIN_OFFSET);
            found[0] = true;
          }
        });
    return found[0] ? OptionalLong.of(originNs[0]) : OptionalLong.empty();
  }
}
