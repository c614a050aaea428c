package org.gaitctl.drivers.serial;

/**
 * Layout of one framed serial message (wire protocol spec §1). All integers little-endian.
 *
 * <pre>
 * offset 0    2  sync A5 5A
 *        2    1  type
 *        3    1  version (1)
 *        4    4  payload length N, u32
 *        8    N  payload
 *        8+N  4  CRC-32 (IEEE) of bytes 2 .. 8+N-1
 * </pre>
 */
public final class FrameFormat {

  public static final byte SYNC_0 = (byte) 0xA5;
  public static final byte SYNC_1 = (byte) 0x5A;
  public static final int VERSION = 1;

  public static final int TYPE_OFFSET = 2;
  public static final int VERSION_OFFSET = 3;
  public static final int LENGTH_OFFSET = 4;
  public static final int HEADER_LENGTH = 8;
  public static final int CRC_LENGTH = 4;

  /** Bytes a message adds around its payload. */
  public static final int OVERHEAD = HEADER_LENGTH + CRC_LENGTH;

  /** The spec's upper bound for a payload: 1 MiB. */
  public static final int MAX_PAYLOAD_LENGTH = 1 << 20;

  private FrameFormat() {}

  /** Total bytes on the wire of a message with {@code payloadLength} payload bytes. */
  public static int frameLength(int payloadLength) {
    return OVERHEAD + payloadLength;
  }
}
