package org.gaitctl.core.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.gaitctl.core.journal.JournalFormat;
import org.gaitctl.core.journal.JournalRecord;

/**
 * A journaled frame's cells as the ring translator takes them (little-endian u16), inflated with
 * one reused {@link Inflater} into one reused buffer: {@link JournalRecord#frameCells()} creates an
 * inflater and two arrays per frame, which at 300 frames a second was most of a replay's time.
 */
final class FrameCells implements AutoCloseable {

  private final Inflater inflater = new Inflater();
  private final ByteBuffer cells;

  FrameCells(int maxFrameCells) {
    cells = ByteBuffer.allocate(2 * maxFrameCells).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The cells of the frame {@code record} (rows × cols of them from position 0), valid until the
   * next call.
   *
   * @throws IllegalStateException when they do not inflate to rows × cols, or the encoding is not
   *     known
   */
  ByteBuffer of(JournalRecord record, int rows, int cols) {
    ByteBuffer payload = record.payload();
    int encoding = payload.get(JournalFormat.FRAME_ENCODING_OFFSET);
    int dataLength = payload.getInt(JournalFormat.FRAME_DATA_LENGTH_OFFSET);
    int bytes = 2 * rows * cols;
    ByteBuffer data =
        payload
            .duplicate()
            .position(JournalFormat.FRAME_HEADER_BYTES)
            .limit(JournalFormat.FRAME_HEADER_BYTES + dataLength);
    if (encoding == JournalFormat.CELLS_RAW && dataLength == bytes) {
      return data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }
    if (encoding != JournalFormat.CELLS_DEFLATE) {
      throw new IllegalStateException("frame record " + record.index() + ": encoding " + encoding);
    }
    cells.clear().limit(bytes);
    inflater.reset();
    inflater.setInput(data);
    try {
      while (!inflater.finished() && cells.hasRemaining()) {
        if (inflater.inflate(cells) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("frame record " + record.index() + ": " + e.getMessage(), e);
    }
    if (!inflater.finished() || cells.hasRemaining()) {
      throw new IllegalStateException(
          "frame record " + record.index() + ": cells do not inflate to " + rows + " x " + cols);
    }
    return cells.flip();
  }

  @Override
  public void close() {
    inflater.end();
  }
}
