package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.gaitctl.core.port.DeviceInfo;

/**
 * DEVICE_INFO payload: {@code kind u8, belts u8, rows u16, cols u16, pitch_x_um u32, pitch_y_um
 * u32, rate_hz u16}, {@code serial} 16 bytes and {@code firmware} 8 bytes of NUL-padded ASCII.
 * Parsing allocates the {@link DeviceInfo}; the message is rare (after START and GET_INFO).
 */
public final class DeviceInfoPayload {

  public static final int LENGTH = 40;
  public static final int SERIAL_LENGTH = 16;
  public static final int FIRMWARE_LENGTH = 8;

  private static final int BELTS = 1;
  private static final int ROWS = 2;
  private static final int COLS = 4;
  private static final int PITCH_X = 6;
  private static final int PITCH_Y = 10;
  private static final int RATE = 14;
  private static final int SERIAL = 16;
  private static final int FIRMWARE = SERIAL + SERIAL_LENGTH;

  private DeviceInfoPayload() {}

  public static boolean isWellFormed(int length) {
    return length == LENGTH;
  }

  public static DeviceInfo read(ByteBuffer buffer, int offset) {
    return new DeviceInfo(
        buffer.get(offset) & 0xFF,
        buffer.get(offset + BELTS) & 0xFF,
        buffer.getShort(offset + ROWS) & 0xFFFF,
        buffer.getShort(offset + COLS) & 0xFFFF,
        buffer.getInt(offset + PITCH_X) & 0xFFFF_FFFFL,
        buffer.getInt(offset + PITCH_Y) & 0xFFFF_FFFFL,
        buffer.getShort(offset + RATE) & 0xFFFF,
        ascii(buffer, offset + SERIAL, SERIAL_LENGTH),
        ascii(buffer, offset + FIRMWARE, FIRMWARE_LENGTH));
  }

  /**
   * @return the payload length
   * @throws IllegalArgumentException when serial or firmware is not ASCII or too long
   */
  public static int write(ByteBuffer buffer, int offset, DeviceInfo info) {
    buffer.put(offset, (byte) info.kind());
    buffer.put(offset + BELTS, (byte) info.belts());
    buffer.putShort(offset + ROWS, (short) info.rows());
    buffer.putShort(offset + COLS, (short) info.cols());
    buffer.putInt(offset + PITCH_X, (int) info.pitchXUm());
    buffer.putInt(offset + PITCH_Y, (int) info.pitchYUm());
    buffer.putShort(offset + RATE, (short) info.rateHz());
    putAscii(buffer, offset + SERIAL, SERIAL_LENGTH, "serial", info.serial());
    putAscii(buffer, offset + FIRMWARE, FIRMWARE_LENGTH, "firmware", info.firmware());
    return LENGTH;
  }

  private static String ascii(ByteBuffer buffer, int offset, int fieldLength) {
    int length = 0;
    while (length < fieldLength && buffer.get(offset + length) != 0) {
      length++;
    }
    byte[] text = new byte[length];
    buffer.get(offset, text, 0, length);
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static void putAscii(
      ByteBuffer buffer, int offset, int fieldLength, String field, String value) {
    byte[] text = value.getBytes(StandardCharsets.US_ASCII);
    if (text.length > fieldLength || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
      throw new IllegalArgumentException(
          "DEVICE_INFO "
              + field
              + " must be at most "
              + fieldLength
              + " ASCII characters: "
              + value);
    }
    buffer.put(offset, text);
    for (int i = text.length; i < fieldLength; i++) {
      buffer.put(offset + i, (byte) 0);
    }
  }
}
