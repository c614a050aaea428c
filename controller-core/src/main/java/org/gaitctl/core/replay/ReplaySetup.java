package org.gaitctl.core.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;

/**
 * What a replay needs to assemble the pipeline, from the journal's first records: the recorder
 * writes its metadata and the grid before the devices' records, so this reads a few records, not
 * the file (the other threads' records are interleaved with the ring's as the writer drained them,
 * so the reading goes on, up to the whole file, until each is found).
 *
 * @param grid the belt geometry the live pipeline was assembled with
 * @param bodyMassKg the patient's body mass, kg (the drift compensation's)
 */
public record ReplaySetup(PressureGrid grid, double bodyMassKg) {

  /**
   * Reads the setup of {@code journal}.
   *
   * @throws IOException when the file cannot be read
   * @throws JournalNotReplayableException when it lacks the grid, the body mass or the frames, or
   *     its records end (a bad or cut record, not a journal at all) before they are found
   */
  public static ReplaySetup read(Path journal) throws IOException {
    Collector collector = new Collector();
    JournalReadResult head = JournalReader.readHead(journal, collector::accept);
    if (!head.complete() && collector.stillMissing()) {
      throw new JournalNotReplayableException(
          journal + " ends before its pressure grid and metadata: " + head.describe());
    }
    if (collector.grid == null) {
      throw new JournalNotReplayableException(
          journal + " has no pressure grid record (written by gaitctl before replay existed)");
    }
    if (Double.isNaN(collector.bodyMassKg)) {
      throw new JournalNotReplayableException(journal + " has no patient.bodyMassKg metadata");
    }
    if (!Boolean.TRUE.equals(collector.rawFrames)) {
      throw new JournalNotReplayableException(
          journal + " was recorded with journal.rawFrames: false; it holds no frames to replay");
    }
    return new ReplaySetup(collector.grid, collector.bodyMassKg);
  }

  /** Collects the setup records in file order until it has each of them. */
  private static final class Collector {
    PressureGrid grid;
    double bodyMassKg = Double.NaN;
    Boolean rawFrames;

    /** Returns whether to read on. */
    boolean accept(JournalRecord record) {
      if (record.type() != null) {
        switch (record.type()) {
          case METADATA -> metadata(record.texts());
          case PRESSURE_GRID -> grid = grid(record.payload());
          default -> {
            // The devices' and the pipeline's records: not part of the setup.
          }
        }
      }
      return stillMissing();
    }

    boolean stillMissing() {
      return grid == null || Double.isNaN(bodyMassKg) || rawFrames == null;
    }

    private void metadata(String[] keyValue) {
      switch (keyValue[0]) {
        case JournalMetadata.BODY_MASS_KG -> bodyMassKg = Double.parseDouble(keyValue[1]);
        case JournalMetadata.RAW_FRAMES -> rawFrames = Boolean.parseBoolean(keyValue[1]);
        default -> {
          // Profile, protocol, patient, version: not needed to recompute the steps.
        }
      }
    }

    private static PressureGrid grid(ByteBuffer payload) {
      return new PressureGrid(
          payload.get(8),
          Short.toUnsignedInt(payload.getShort(9)),
          Short.toUnsignedInt(payload.getShort(11)),
          payload.getDouble(13),
          payload.getDouble(21));
    }
  }
}
