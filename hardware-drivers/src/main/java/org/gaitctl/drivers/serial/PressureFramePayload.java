package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/**
 * PRESSURE_FRAME payload: {@code seq u32, t_us u64, belt u8, reserved u8, rows u16, cols u16}, then
 * {@code rows*cols} cells u16 row-major. Static accessors on a little-endian buffer at an absolute
 * offset; none allocates.
 */
public final class PressureFramePayload {

  /** Bytes before the first cell. */
  public static final int FIXED_LENGTH = 18;

  private static final int T_US = 4;
  private static final int BELT = 12;
  private static final int ROWS = 14;
  private static final int COLS = 16;

  private PressureFramePayload() {}

  /** Payload length of a frame of {@code rows × cols} cells. */
  public static int length(int rows, int cols) {
    return FIXED_LENGTH + 2 * rows * cols;
  }

  /** Whether {@code length} matches the header's own rows and cols. */
  public static boolean isWellFormed(ByteBuffer buffer, int offset, int length) {
    return length >= FIXED_LENGTH && length == length(rows(buffer, offset), cols(buffer, offset));
  }

  public static long seq(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset) & 0xFFFF_FFFFL;
  }

  public static long deviceTimeUs(ByteBuffer buffer, int offset) {
    return buffer.getLong(offset + T_US);
  }

  public static int belt(ByteBuffer buffer, int offset) {
    return buffer.get(offset + BELT) & 0xFF;
  }

  public static int rows(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset + ROWS) & 0xFFFF;
  }

  public static int cols(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset + COLS) & 0xFFFF;
  }

  /** Absolute index of the first cell. */
  public static int cellsOffset(int offset) {
    return offset + FIXED_LENGTH;
  }

  public static int cell(ByteBuffer buffer, int offset, int index) {
    return buffer.getShort(offset + FIXED_LENGTH + 2 * index) & 0xFFFF;
  }

  /**
   * Writes a payload of {@code rows*cols} cells taken from {@code cells}.
   *
   * @return the payload length
   */
  public static int write(
      ByteBuffer buffer,
      int offset,
      long seq,
      long deviceTimeUs,
      int belt,
      int rows,
      int cols,
      char[] cells) {
    int count = rows * cols;
    if (cells.length < count) {
      throw new IllegalArgumentException(
          "cells holds " + cells.length + " values, frame needs " + rows + "x" + cols);
    }
    buffer.putInt(offset, (int) seq);
    buffer.putLong(offset + T_US, deviceTimeUs);
    buffer.put(offset + BELT, (byte) belt);
    buffer.put(offset + BELT + 1, (byte) 0);
    buffer.putShort(offset + ROWS, (short) rows);
    buffer.putShort(offset + COLS, (short) cols);
    int cell = offset + FIXED_LENGTH;
    for (int i = 0; i < count; i++) {
      buffer.putChar(cell, cells[i]);
      cell += 2;
    }
    return FIXED_LENGTH + 2 * count;
  }
}
