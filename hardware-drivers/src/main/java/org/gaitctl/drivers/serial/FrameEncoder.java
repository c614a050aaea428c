package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Writes framed messages into a caller's buffer. The caller writes the payload at {@link
 * #payloadOffset(int)} with one of the {@code *Payload.write} helpers, then {@link #finish} adds
 * sync, type, version, length and CRC.
 *
 * <pre>{@code
 * int payloadLength = LoadSamplePayload.write(buf, FrameEncoder.payloadOffset(0), seq, tUs, cn, 0);
 * int frameLength = encoder.finish(buf, 0, MessageType.LOAD_SAMPLE, payloadLength);
 * }</pre>
 *
 * <p>Not thread-safe (it owns a {@link CRC32}); use one per writing thread. Never allocates.
 */
public final class FrameEncoder {

  private final CRC32 crc = new CRC32();

  /** Where the payload of a message starting at {@code frameOffset} begins. */
  public static int payloadOffset(int frameOffset) {
    return frameOffset + FrameFormat.HEADER_LENGTH;
  }

  /**
   * Completes the message whose payload the caller already wrote at {@code
   * payloadOffset(frameOffset)}.
   *
   * @param dst a little-endian heap buffer with room for {@code frameLength(payloadLength)} bytes
   *     from {@code frameOffset}
   * @return the message's length on the wire
   * @throws IllegalArgumentException for a buffer in big-endian order, a buffer without a backing
   *     array, a type outside 0..255 or a payload longer than the spec allows (programming errors)
   */
  public int finish(ByteBuffer dst, int frameOffset, int type, int payloadLength) {
    if (dst.order() != ByteOrder.LITTLE_ENDIAN || !dst.hasArray()) {
      throw new IllegalArgumentException("frame buffer must be a little-endian heap buffer");
    }
    if (type < 0 || type > 0xFF) {
      throw new IllegalArgumentException("message type out of range 0..255: " + type);
    }
    if (payloadLength < 0 || payloadLength > FrameFormat.MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("payload length out of range: " + payloadLength);
    }
    dst.put(frameOffset, FrameFormat.SYNC_0);
    dst.put(frameOffset + 1, FrameFormat.SYNC_1);
    dst.put(frameOffset + FrameFormat.TYPE_OFFSET, (byte) type);
    dst.put(frameOffset + FrameFormat.VERSION_OFFSET, (byte) FrameFormat.VERSION);
    dst.putInt(frameOffset + FrameFormat.LENGTH_OFFSET, payloadLength);
    int crcOffset = frameOffset + FrameFormat.HEADER_LENGTH + payloadLength;
    crc.reset();
    crc.update(
        dst.array(),
        dst.arrayOffset() + frameOffset + FrameFormat.TYPE_OFFSET,
        crcOffset - frameOffset - FrameFormat.TYPE_OFFSET);
    dst.putInt(crcOffset, (int) crc.getValue());
    return FrameFormat.frameLength(payloadLength);
  }

  /**
   * Encodes a whole message from a payload held in {@code payload[payloadOffset ..
   * payloadOffset+payloadLength)}; copies the payload.
   */
  public int encode(
      ByteBuffer dst,
      int frameOffset,
      int type,
      byte[] payload,
      int payloadOffsetInArray,
      int payloadLength) {
    dst.put(payloadOffset(frameOffset), payload, payloadOffsetInArray, payloadLength);
    return finish(dst, frameOffset, type, payloadLength);
  }
}
