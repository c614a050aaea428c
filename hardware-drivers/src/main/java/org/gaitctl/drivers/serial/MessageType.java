package org.gaitctl.drivers.serial;

/** Message type codes of spec §1. Plain ints so decoding never allocates or boxes. */
public final class MessageType {

  public static final int PRESSURE_FRAME = 0x01;
  public static final int DEVICE_INFO = 0x02;
  public static final int STATUS = 0x03;
  public static final int LOAD_SAMPLE = 0x10;
  public static final int COMMAND = 0x20;
  public static final int ACK = 0x21;

  private MessageType() {}

  /** Whether the spec defines {@code type}. */
  public static boolean isKnown(int type) {
    return switch (type) {
      case PRESSURE_FRAME, DEVICE_INFO, STATUS, LOAD_SAMPLE, COMMAND, ACK -> true;
      default -> false;
    };
  }

  /** The spec's name of {@code type}, or {@code UNKNOWN(0x..)}; for logs and test output. */
  public static String name(int type) {
    return switch (type) {
      case PRESSURE_FRAME -> "PRESSURE_FRAME";
      case DEVICE_INFO -> "DEVICE_INFO";
      case STATUS -> "STATUS";
      case LOAD_SAMPLE -> "LOAD_SAMPLE";
      case COMMAND -> "COMMAND";
      case ACK -> "ACK";
      default -> String.format("UNKNOWN(0x%02X)", type);
    };
  }
}
