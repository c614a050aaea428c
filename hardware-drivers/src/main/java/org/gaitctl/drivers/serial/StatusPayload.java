package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/**
 * STATUS payload: {@code flags u32, dropped u32, temp_dc i16}. Static accessors on a little-endian
 * buffer; none allocates.
 */
public final class StatusPayload {

  public static final int LENGTH = 10;

  private static final int DROPPED = 4;
  private static final int TEMP = 8;

  private StatusPayload() {}

  public static boolean isWellFormed(int length) {
    return length == LENGTH;
  }

  public static int flags(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset);
  }

  /** Frames the device could not send (u32 as a non-negative long). */
  public static long dropped(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset + DROPPED) & 0xFFFF_FFFFL;
  }

  /** Device temperature, 0.1 °C. */
  public static int temperatureDeciC(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset + TEMP);
  }

  /**
   * @return the payload length
   */
  public static int write(
      ByteBuffer buffer, int offset, int flags, long dropped, int temperatureDeciC) {
    buffer.putInt(offset, flags);
    buffer.putInt(offset + DROPPED, (int) dropped);
    buffer.putShort(offset + TEMP, (short) temperatureDeciC);
    return LENGTH;
  }
}
