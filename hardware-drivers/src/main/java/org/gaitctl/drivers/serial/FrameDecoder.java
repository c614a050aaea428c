package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import org.gaitctl.core.counters.CounterSet;

/**
 * Streaming decoder of spec §1 frames, fed arbitrary chunks of a byte stream.
 *
 * <p>States, per candidate frame at the head of its buffer:
 *
 * <ol>
 *   <li><b>hunt</b>: skip bytes up to the next sync word {@code A5 5A} (counted in {@link
 *       #bytesSkipped()});
 *   <li><b>header</b>: reject an unknown version as soon as byte 3 is in, and a length above the
 *       configured maximum as soon as bytes 4..7 are in ({@link #badVersions()}, {@link
 *       #badLengths()}); the length is never used before this check;
 *   <li><b>body</b>: wait for payload and CRC, then check the CRC ({@link #crcErrors()});
 *   <li><b>deliver</b>: a known type goes to the {@link FrameHandler}; an unknown type with a good
 *       CRC is skipped whole ({@link #unknownTypes()}).
 * </ol>
 *
 * A rejected candidate drops only its sync word, so hunting restarts inside the bytes it claimed:
 * an intact message hidden behind a corrupted length is still found.
 *
 * <p>The decoder owns one buffer of {@code maxPayloadLength + 12} bytes, allocated once; it never
 * allocates afterwards. Not thread-safe: one decoding thread. Counters ({@link DecoderCounter}) are
 * readable from any thread.
 */
public final class FrameDecoder {

  private final byte[] buffer;

  /** The decoder's own view for header and CRC reads; never handed out. */
  private final ByteBuffer view;

  /** The view handed to the handler, which may move its position and limit. */
  private final ByteBuffer payloadView;

  private final CRC32 crc = new CRC32();
  private final int maxPayloadLength;
  private final FrameHandler handler;

  /** Unconsumed bytes are {@code buffer[head .. tail)}. */
  private int head;

  private int tail;

  private final CounterSet<DecoderCounter> counters;

  /**
   * @param maxPayloadLength largest payload this stream may carry, 0 .. 1 MiB; longer lengths are
   *     bad headers
   * @param handler receives every accepted message
   */
  public FrameDecoder(int maxPayloadLength, FrameHandler handler) {
    this(new CounterSet<>("decoder", DecoderCounter.class), maxPayloadLength, handler);
  }

  /**
   * @param counters where it counts, e.g. a link's {@code pbu.decoder} group
   * @param maxPayloadLength largest payload this stream may carry, 0 .. 1 MiB; longer lengths are
   *     bad headers
   * @param handler receives every accepted message
   */
  public FrameDecoder(
      CounterSet<DecoderCounter> counters, int maxPayloadLength, FrameHandler handler) {
    if (maxPayloadLength < 0 || maxPayloadLength > FrameFormat.MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException(
          "maxPayloadLength must be 0.."
              + FrameFormat.MAX_PAYLOAD_LENGTH
              + " bytes, was "
              + maxPayloadLength);
    }
    this.maxPayloadLength = maxPayloadLength;
    this.handler = handler;
    this.counters = counters;
    this.buffer = new byte[FrameFormat.frameLength(maxPayloadLength)];
    this.view = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
    this.payloadView = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
  }

  public int maxPayloadLength() {
    return maxPayloadLength;
  }

  /**
   * Feeds {@code src[offset .. offset+length)} and delivers every message it completes.
   *
   * @return messages delivered to the handler
   */
  public int onBytes(byte[] src, int offset, int length) {
    int delivered = 0;
    int position = offset;
    int remaining = length;
    while (remaining > 0) {
      compact();
      int chunk = Math.min(remaining, buffer.length - tail);
      System.arraycopy(src, position, buffer, tail, chunk);
      tail += chunk;
      position += chunk;
      remaining -= chunk;
      delivered += parse();
    }
    return delivered;
  }

  /** Drops buffered bytes (e.g. after a port was reopened); counters keep their values. */
  public void reset() {
    head = 0;
    tail = 0;
  }

  /** Bytes held for a message not yet complete. */
  public int bufferedBytes() {
    return tail - head;
  }

  private int parse() {
    int delivered = 0;
    while (true) {
      int available = tail - head;
      if (available == 0) {
        return delivered;
      }
      if (buffer[head] != FrameFormat.SYNC_0) {
        skipToNextSyncCandidate(head + 1);
        continue;
      }
      if (available < 2) {
        return delivered;
      }
      if (buffer[head + 1] != FrameFormat.SYNC_1) {
        skipToNextSyncCandidate(head + 1);
        continue;
      }
      if (available <= FrameFormat.VERSION_OFFSET) {
        return delivered;
      }
      if (buffer[head + FrameFormat.VERSION_OFFSET] != FrameFormat.VERSION) {
        counters.incrementOrdered(DecoderCounter.BAD_VERSIONS);
        skipToNextSyncCandidate(head + 2);
        continue;
      }
      if (available < FrameFormat.HEADER_LENGTH) {
        return delivered;
      }
      long payloadLength = view.getInt(head + FrameFormat.LENGTH_OFFSET) & 0xFFFF_FFFFL;
      if (payloadLength > maxPayloadLength) {
        counters.incrementOrdered(DecoderCounter.BAD_LENGTHS);
        skipToNextSyncCandidate(head + 2);
        continue;
      }
      int frameLength = FrameFormat.frameLength((int) payloadLength);
      if (available < frameLength) {
        return delivered;
      }
      int crcOffset = head + FrameFormat.HEADER_LENGTH + (int) payloadLength;
      crc.reset();
      crc.update(
          buffer, head + FrameFormat.TYPE_OFFSET, crcOffset - head - FrameFormat.TYPE_OFFSET);
      if ((int) crc.getValue() != view.getInt(crcOffset)) {
        counters.incrementOrdered(DecoderCounter.CRC_ERRORS);
        skipToNextSyncCandidate(head + 2);
        continue;
      }
      int type = buffer[head + FrameFormat.TYPE_OFFSET] & 0xFF;
      int payloadOffset = head + FrameFormat.HEADER_LENGTH;
      head += frameLength;
      counters.incrementOrdered(DecoderCounter.MESSAGES);
      if (MessageType.isKnown(type)) {
        delivered++;
        payloadView.clear();
        handler.onMessage(type, payloadView, payloadOffset, (int) payloadLength);
      } else {
        counters.incrementOrdered(DecoderCounter.UNKNOWN_TYPES);
      }
    }
  }

  /** Skips to the first {@code A5} at or after {@code from}, counting the bytes dropped. */
  private void skipToNextSyncCandidate(int from) {
    int next = from;
    while (next < tail && buffer[next] != FrameFormat.SYNC_0) {
      next++;
    }
    if (next > head) {
      counters.addOrdered(DecoderCounter.BYTES_SKIPPED, next - head);
    }
    head = next;
  }

  private void compact() {
    if (head == 0) {
      return;
    }
    int pending = tail - head;
    if (pending > 0) {
      System.arraycopy(buffer, head, buffer, 0, pending);
    }
    head = 0;
    tail = pending;
  }

  /** Messages with a good CRC (known and unknown types). */
  public long messages() {
    return counters.get(DecoderCounter.MESSAGES);
  }

  public long crcErrors() {
    return counters.get(DecoderCounter.CRC_ERRORS);
  }

  /** Headers with an unknown version or a length above the maximum. */
  public long badHeaders() {
    return badVersions() + badLengths();
  }

  public long badVersions() {
    return counters.get(DecoderCounter.BAD_VERSIONS);
  }

  public long badLengths() {
    return counters.get(DecoderCounter.BAD_LENGTHS);
  }

  public long unknownTypes() {
    return counters.get(DecoderCounter.UNKNOWN_TYPES);
  }

  public long bytesSkipped() {
    return counters.get(DecoderCounter.BYTES_SKIPPED);
  }

  /** All of the above, for a counter registry; any thread. */
  public CounterSet<DecoderCounter> counters() {
    return counters;
  }
}
