package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/**
 * LOAD_SAMPLE payload: {@code seq u32, t_us u64, force_cn i32, flags u16}. Static accessors on a
 * little-endian buffer; none allocates.
 */
public final class LoadSamplePayload {

  public static final int LENGTH = 18;

  private static final int T_US = 4;
  private static final int FORCE = 12;
  private static final int FLAGS = 16;

  private LoadSamplePayload() {}

  public static boolean isWellFormed(int length) {
    return length == LENGTH;
  }

  public static long seq(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset) & 0xFFFF_FFFFL;
  }

  public static long deviceTimeUs(ByteBuffer buffer, int offset) {
    return buffer.getLong(offset + T_US);
  }

  /** Cable tension, centinewtons, positive when pulling. */
  public static int forceCn(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset + FORCE);
  }

  public static int flags(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset + FLAGS) & 0xFFFF;
  }

  /**
   * @return the payload length
   */
  public static int write(
      ByteBuffer buffer, int offset, long seq, long deviceTimeUs, int forceCn, int flags) {
    buffer.putInt(offset, (int) seq);
    buffer.putLong(offset + T_US, deviceTimeUs);
    buffer.putInt(offset + FORCE, forceCn);
    buffer.putShort(offset + FLAGS, (short) flags);
    return LENGTH;
  }
}
