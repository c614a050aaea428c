package org.gaitctl.core.journal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The cell data of a journaled pressure frame (docs/JOURNAL.md, "Frame cells"): raw, deflated, or
 * as runs of equal cells.
 *
 * <p>Runs are what the writer prefers: an unloaded belt reads the same count in most of its cells,
 * so a frame is a few runs and the footprints' cells as literals. Decoding them is a fill and a
 * copy, several times faster than inflating the 14.3 kB a deflated frame expands to, which is what
 * bounded a replay. A belt whose unloaded cells carry noise makes no runs; the writer then
 * deflates.
 *
 * <p>Runs encoding: tokens of a little-endian u16 header {@code h}, until rows × cols cells are
 * given. {@code h & 0x8000} set: {@code h & 0x7FFF} cells equal to the u16 that follows; clear:
 * {@code h} cells follow as u16s. A count of 0 is not valid.
 *
 * <p>One instance per reading thread: it reuses its inflater and buffer.
 */
public final class FrameCellCodec implements AutoCloseable {

  private static final int RUN_FLAG = 0x8000;
  private static final int MAX_TOKEN_CELLS = 0x7FFF;

  /** Shorter runs cost as much as their literals (a header and a value against two values). */
  private static final int MIN_RUN = 3;

  private final Inflater inflater = new Inflater();
  private ByteBuffer inflated = ByteBuffer.allocate(0);

  /**
   * Writes the first {@code cellCount} cells of {@code cellsLe} (little-endian u16s) to {@code out}
   * as runs, unless they take more than {@code budgetBytes}: then {@code out}'s position is where
   * it was and the result is false.
   */
  public static boolean encodeRuns(byte[] cellsLe, int cellCount, ByteBuffer out, int budgetBytes) {
    int start = out.position();
    int limit = Math.min(out.limit(), start + budgetBytes);
    int literalsFrom = 0;
    int i = 0;
    while (i < cellCount) {
      int value = cell(cellsLe, i);
      int j = i + 1;
      while (j < cellCount && j - i < MAX_TOKEN_CELLS && cell(cellsLe, j) == value) {
        j++;
      }
      if (j - i >= MIN_RUN) {
        if (!literals(cellsLe, literalsFrom, i, out, limit) || limit - out.position() < 4) {
          out.position(start);
          return false;
        }
        out.putShort((short) (RUN_FLAG | (j - i)));
        out.putShort((short) value);
        literalsFrom = j;
      }
      i = j;
    }
    if (!literals(cellsLe, literalsFrom, cellCount, out, limit)) {
      out.position(start);
      return false;
    }
    return true;
  }

  private static boolean literals(byte[] cellsLe, int from, int to, ByteBuffer out, int limit) {
    for (int first = from; first < to; first += MAX_TOKEN_CELLS) {
      int count = Math.min(MAX_TOKEN_CELLS, to - first);
      if (limit - out.position() < 2 + 2 * count) {
        return false;
      }
      out.putShort((short) count);
      out.put(cellsLe, 2 * first, 2 * count);
    }
    return true;
  }

  private static int cell(byte[] cellsLe, int index) {
    return (cellsLe[2 * index] & 0xFF) | (cellsLe[2 * index + 1] & 0xFF) << 8;
  }

  /**
   * Writes the rows × cols cells of the frame {@code record} to {@code target} from index 0.
   *
   * @throws IllegalStateException naming the record when the encoding is not known or the data do
   *     not give exactly rows × cols cells
   */
  public void decode(JournalRecord record, char[] target) {
    ByteBuffer payload = record.payload();
    int count =
        Short.toUnsignedInt(payload.getShort(JournalFormat.FRAME_ROWS_OFFSET))
            * Short.toUnsignedInt(payload.getShort(JournalFormat.FRAME_COLS_OFFSET));
    int encoding = payload.get(JournalFormat.FRAME_ENCODING_OFFSET);
    int from = JournalFormat.FRAME_HEADER_BYTES;
    int to = from + payload.getInt(JournalFormat.FRAME_DATA_LENGTH_OFFSET);
    if (count > target.length) {
      throw bad(record, count + " cells, more than the " + target.length + " a frame may have");
    }
    if (to > payload.limit() || to < from) {
      throw bad(record, "cell data length " + (to - from) + " past the record's end");
    }
    switch (encoding) {
      case JournalFormat.CELLS_RUNS -> runs(record, payload, from, to, target, count);
      case JournalFormat.CELLS_DEFLATE -> deflated(record, payload, from, to, target, count);
      case JournalFormat.CELLS_RAW -> {
        if (to - from != 2 * count) {
          throw bad(record, (to - from) + " raw bytes for " + count + " cells");
        }
        copy(payload, from, target, 0, count);
      }
      default -> throw bad(record, "encoding " + encoding + " is not known");
    }
  }

  private static void runs(
      JournalRecord record, ByteBuffer data, int from, int to, char[] target, int count) {
    int at = from;
    int cells = 0;
    while (cells < count) {
      if (to - at < 2) {
        throw bad(record, "runs end after " + cells + " of " + count + " cells");
      }
      int header = data.getChar(at);
      at += 2;
      int n = header & MAX_TOKEN_CELLS;
      if (n == 0 || n > count - cells) {
        throw bad(record, "a token of " + n + " cells after " + cells + " of " + count);
      }
      if ((header & RUN_FLAG) != 0) {
        if (to - at < 2) {
          throw bad(record, "a run without its value after " + cells + " cells");
        }
        Arrays.fill(target, cells, cells + n, data.getChar(at));
        at += 2;
      } else {
        if (to - at < 2 * n) {
          throw bad(record, "literals end after " + cells + " of " + count + " cells");
        }
        copy(data, at, target, cells, n);
        at += 2 * n;
      }
      cells += n;
    }
    if (at != to) {
      throw bad(record, (to - at) + " bytes after the last of " + count + " cells");
    }
  }

  private void deflated(
      JournalRecord record, ByteBuffer data, int from, int to, char[] target, int count) {
    if (inflated.capacity() < 2 * count) {
      inflated = ByteBuffer.allocate(2 * count).order(JournalFormat.ORDER);
    }
    inflated.clear().limit(2 * count);
    inflater.reset();
    inflater.setInput(data.duplicate().limit(to).position(from));
    try {
      while (!inflater.finished() && inflated.hasRemaining()) {
        if (inflater.inflate(inflated) == 0
            && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("frame record " + record.index() + ": " + e.getMessage(), e);
    }
    if (!inflater.finished() || inflated.hasRemaining()) {
      throw bad(record, "cells do not inflate to " + count);
    }
    copy(inflated, 0, target, 0, count);
  }

  private static void copy(ByteBuffer data, int at, char[] target, int first, int count) {
    for (int k = 0; k < count; k++) {
      target[first + k] = data.getChar(at + 2 * k);
    }
  }

  private static IllegalStateException bad(JournalRecord record, String what) {
    return new IllegalStateException("frame record " + record.index() + ": " + what);
  }

  @Override
  public void close() {
    inflater.end();
  }
}
