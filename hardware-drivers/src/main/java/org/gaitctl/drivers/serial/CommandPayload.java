package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/**
 * COMMAND payload: {@code cmd u8}, then the command's argument (SET_RATE: {@code u16} Hz). Static
 * accessors on a little-endian buffer; none allocates.
 */
public final class CommandPayload {

  public static final int START = 1;
  public static final int STOP = 2;
  public static final int GET_INFO = 3;
  public static final int SET_RATE = 4;

  /** LCA: zero the load cell. */
  public static final int TARE = 5;

  /** PBU: capture the unloaded baseline. */
  public static final int ZERO = 6;

  /** Payload length of a command without an argument. */
  public static final int PLAIN_LENGTH = 1;

  /** Payload length of SET_RATE. */
  public static final int SET_RATE_LENGTH = 3;

  private CommandPayload() {}

  public static int cmd(ByteBuffer buffer, int offset) {
    return buffer.get(offset) & 0xFF;
  }

  /** The u16 argument after the command byte; the caller checks the length first. */
  public static int argU16(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset + 1) & 0xFFFF;
  }

  /** Writes a command without an argument; @return the payload length */
  public static int write(ByteBuffer buffer, int offset, int cmd) {
    buffer.put(offset, (byte) cmd);
    return PLAIN_LENGTH;
  }

  /** Writes a command with a u16 argument; @return the payload length */
  public static int writeWithU16(ByteBuffer buffer, int offset, int cmd, int argU16) {
    buffer.put(offset, (byte) cmd);
    buffer.putShort(offset + 1, (short) argU16);
    return SET_RATE_LENGTH;
  }

  /** Name for logs. */
  public static String name(int cmd) {
    return switch (cmd) {
      case START -> "START";
      case STOP -> "STOP";
      case GET_INFO -> "GET_INFO";
      case SET_RATE -> "SET_RATE";
      case TARE -> "TARE";
      case ZERO -> "ZERO";
      default -> "CMD(" + cmd + ")";
    };
  }
}
