package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.Crc16;
import java.util.Arrays;

/**
 * Splits the bytes a Modbus RTU slave receives into request frames, as the spec's devices do,
 * including frames whose function code it does not implement (so it can answer them with exception
 * 1). Three rules:
 *
 * <ol>
 *   <li>a frame of a standard function code (1–6, 15, 16, 22, 23) is as long as that code's request
 *       format says;
 *   <li>any other frame ends at the first length (from 4 bytes) whose last two bytes are the CRC of
 *       the bytes before them: its length cannot be known otherwise (a chance match is 1 in 65 536
 *       per length tried);
 *   <li>a silence of 3.5 character times ends whatever was received before it: bytes that did not
 *       make a frame are discarded, so a frame cut short or garbled never holds up the next.
 * </ol>
 *
 * <p>Frames with a wrong CRC are dropped without an answer (the spec: the master times out), and
 * counted. One thread calls {@link #onBytes}; the counters may be read from any.
 */
final class RtuRequestFramer {

  /** The longest RTU frame: unit id, a 253-byte PDU, CRC. */
  static final int MAX_FRAME_BYTES = 256;

  private static final int MIN_FRAME_BYTES = 4;

  /** Above 19 200 baud the spec fixes the inter-frame silence at 1.75 ms. */
  private static final long FAST_LINE_SILENCE_NS = 1_750_000L;

  private static final int FAST_LINE_BAUD = 19_200;

  /** Frame length results: not a standard code; a standard code whose byte count is not in yet. */
  private static final int UNKNOWN = -1;

  private static final int INCOMPLETE = -2;

  /** Receives one frame whose CRC checked: its unit id and PDU (function code first, no CRC). */
  @FunctionalInterface
  interface FrameSink {
    void onFrame(int unitId, byte[] pdu);
  }

  private final long silenceNs;
  private final FrameSink sink;
  private final Crc16 crc = new Crc16();
  private final byte[] pending = new byte[MAX_FRAME_BYTES];
  private int pendingLength;
  private long lastByteNs;
  private volatile long crcErrors;
  private volatile long discardedBytes;

  RtuRequestFramer(long silenceNs, FrameSink sink) {
    this.silenceNs = silenceNs;
    this.sink = sink;
  }

  /**
   * The spec's 3.5-character inter-frame silence on a line of {@code baud} with {@code
   * bitsPerCharacter} (start, data, parity and stop bits).
   */
  static long interFrameSilenceNs(int baud, int bitsPerCharacter) {
    if (baud > FAST_LINE_BAUD) {
      return FAST_LINE_SILENCE_NS;
    }
    return Math.round(3.5 * bitsPerCharacter * 1e9 / baud);
  }

  /** Takes {@code length} bytes received at {@code receivedAtNs} and hands on complete frames. */
  void onBytes(byte[] data, int length, long receivedAtNs) {
    if (pendingLength > 0 && receivedAtNs - lastByteNs >= silenceNs) {
      discard(pendingLength);
    }
    lastByteNs = receivedAtNs;
    for (int offset = 0; offset < length; ) {
      int taken = Math.min(length - offset, MAX_FRAME_BYTES - pendingLength);
      System.arraycopy(data, offset, pending, pendingLength, taken);
      pendingLength += taken;
      offset += taken;
      takeFrames();
      if (pendingLength == MAX_FRAME_BYTES) {
        // a full frame's worth of bytes with no frame in them: nothing to resynchronise on
        discard(pendingLength);
      }
    }
  }

  /** Frames dropped for a wrong CRC. */
  long crcErrors() {
    return crcErrors;
  }

  /** Bytes discarded because no frame could be made of them before a silence (or 256 bytes). */
  long discardedBytes() {
    return discardedBytes;
  }

  private void takeFrames() {
    while (pendingLength >= MIN_FRAME_BYTES) {
      int frameLength = standardFrameLength();
      if (frameLength == UNKNOWN) {
        frameLength = lengthEndingInAValidCrc();
        if (frameLength == UNKNOWN) {
          return;
        }
      } else if (frameLength == INCOMPLETE || frameLength > pendingLength) {
        return;
      } else if (!crcMatches(frameLength)) {
        crcErrors++;
        consume(frameLength);
        continue;
      }
      sink.onFrame(pending[0] & 0xFF, Arrays.copyOfRange(pending, 1, frameLength - 2));
      consume(frameLength);
    }
  }

  /**
   * The request length of a standard function code; {@link #INCOMPLETE} while its byte count has
   * not arrived; {@link #UNKNOWN} for any other code.
   */
  private int standardFrameLength() {
    return switch (pending[1] & 0xFF) {
      case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 -> 8;
      case 0x0F, 0x10 -> pendingLength > 6 ? 9 + (pending[6] & 0xFF) : INCOMPLETE;
      case 0x16 -> 10;
      case 0x17 -> pendingLength > 10 ? 13 + (pending[10] & 0xFF) : INCOMPLETE;
      default -> UNKNOWN;
    };
  }

  private int lengthEndingInAValidCrc() {
    for (int length = MIN_FRAME_BYTES; length <= pendingLength; length++) {
      if (crcMatches(length)) {
        return length;
      }
    }
    return UNKNOWN;
  }

  /** Whether the frame's last two bytes (CRC low byte first) are the CRC of the bytes before. */
  private boolean crcMatches(int frameLength) {
    crc.reset();
    for (int i = 0; i < frameLength - 2; i++) {
      crc.update(pending[i] & 0xFF);
    }
    int value = crc.getValue();
    return (pending[frameLength - 2] & 0xFF) == (value & 0xFF)
        && (pending[frameLength - 1] & 0xFF) == ((value >> 8) & 0xFF);
  }

  private void consume(int frameLength) {
    System.arraycopy(pending, frameLength, pending, 0, pendingLength - frameLength);
    pendingLength -= frameLength;
  }

  private void discard(int bytes) {
    discardedBytes += bytes;
    pendingLength = 0;
  }
}
