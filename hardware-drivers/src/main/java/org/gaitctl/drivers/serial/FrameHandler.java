package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;

/**
 * Receives each message a {@link FrameDecoder} accepted (good CRC, known type).
 *
 * <p>Called on the decoding thread, synchronously from {@link FrameDecoder#onBytes}; must not
 * block. The payload is a view on the decoder's reused buffer, valid only during the call.
 */
@FunctionalInterface
public interface FrameHandler {

  /**
   * @param type message type ({@link MessageType})
   * @param buffer little-endian buffer holding the payload; the handler may change its position and
   *     limit, never its content
   * @param payloadOffset absolute index of the payload's first byte in {@code buffer}
   * @param payloadLength payload bytes
   */
  void onMessage(int type, ByteBuffer buffer, int payloadOffset, int payloadLength);
}
