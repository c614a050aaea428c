package org.gaitctl.core.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalSink;

/**
 * What a replay needs from a journal besides its ring inputs, found in a first pass over the file
 * (the other threads' records are interleaved with the ring's as the writer drained them, so the
 * grid need not come before the first frame).
 *
 * @param grid the belt geometry the live pipeline was assembled with
 * @param bodyMassKg the patient's body mass, kg (the drift compensation's)
 * @param rawFrames whether the journal holds the frames' cells
 * @param stepsOriginNs the live steps table's time origin; {@link #NO_ORIGIN} when the journal has
 *     no steps table (a {@code monitor} run)
 * @param stepsTableRows the rows the live table was closed with; {@link
 *     JournalSink#STEPS_TABLE_OPEN} when it was never closed (a killed session, a cut journal)
 * @param firstInputNs arrival of the first ring input; {@link #NO_ORIGIN} when there is none
 * @param read how the first pass ended
 */
public record ReplaySetup(
    PressureGrid grid,
    double bodyMassKg,
    boolean rawFrames,
    long stepsOriginNs,
    long stepsTableRows,
    long firstInputNs,
    JournalReadResult read) {

  /** {@link #stepsOriginNs} of a journal without a steps table. */
  public static final long NO_ORIGIN = Long.MIN_VALUE;

  /**
   * The origin of the replayed steps table: the live table's, or for a journal without one the
   * first ring input's arrival.
   */
  public long originNs() {
    return stepsOriginNs != NO_ORIGIN ? stepsOriginNs : firstInputNs;
  }

  /**
   * Reads the setup of {@code journal}.
   *
   * @throws IOException when the file cannot be read
   * @throws JournalNotReplayableException when it lacks the grid, the body mass or the frames
   */
  public static ReplaySetup read(Path journal) throws IOException {
    Collector collector = new Collector();
    JournalReadResult result = JournalReader.read(journal, collector::accept);
    if (collector.grid == null) {
      throw new JournalNotReplayableException(
          journal + " has no pressure grid record (written by gaitctl before replay existed)");
    }
    if (Double.isNaN(collector.bodyMassKg)) {
      throw new JournalNotReplayableException(journal + " has no patient.bodyMassKg metadata");
    }
    if (!collector.rawFrames) {
      throw new JournalNotReplayableException(
          journal + " was recorded with journal.rawFrames: false; it holds no frames to replay");
    }
    return new ReplaySetup(
        collector.grid,
        collector.bodyMassKg,
        collector.rawFrames,
        collector.originNs,
        collector.rows,
        collector.firstInputNs,
        result);
  }

  /** Collects the setup records in file order; a later record of a kind replaces an earlier one. */
  private static final class Collector {
    PressureGrid grid;
    double bodyMassKg = Double.NaN;
    boolean rawFrames;
    long originNs = NO_ORIGIN;
    long rows = JournalSink.STEPS_TABLE_OPEN;
    long firstInputNs = NO_ORIGIN;

    void accept(JournalRecord record) {
      if (record.type() == null) {
        return;
      }
      switch (record.type()) {
        case METADATA -> metadata(record.texts());
        case PRESSURE_GRID -> grid = grid(record.payload());
        case STEPS_TABLE -> {
          originNs = record.payload().getLong(8);
          rows = record.payload().getLong(16);
        }
        case PRESSURE_FRAME,
            LOAD_SAMPLE,
            DRIVE_STATUS,
            BWS_STATUS,
            CONTROL_TICK,
            RING_OPERATOR_COMMAND -> {
          if (firstInputNs == NO_ORIGIN) {
            firstInputNs = record.timeNs();
          }
        }
        default -> {
          // Derived records and the other threads' records: not part of the setup.
        }
      }
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
