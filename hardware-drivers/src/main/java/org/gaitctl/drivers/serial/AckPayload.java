package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/** ACK payload: {@code cmd u8, result u8}. Static accessors; none allocates. */
public final class AckPayload {

  public static final int LENGTH = 2;

  public static final int RESULT_OK = 0;
  public static final int RESULT_UNKNOWN_COMMAND = 1;
  public static final int RESULT_BAD_ARGUMENT = 2;
  public static final int RESULT_BUSY = 3;

  private AckPayload() {}

  public static boolean isWellFormed(int length) {
    return length == LENGTH;
  }

  public static int cmd(ByteBuffer buffer, int offset) {
    return buffer.get(offset) & 0xFF;
  }

  public static int result(ByteBuffer buffer, int offset) {
    return buffer.get(offset + 1) & 0xFF;
  }

  /**
   * @return the payload length
   */
  public static int write(ByteBuffer buffer, int offset, int cmd, int result) {
    buffer.put(offset, (byte) cmd);
    buffer.put(offset + 1, (byte) result);
    return LENGTH;
  }
}
