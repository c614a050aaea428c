package org.gaitctl.drivers.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing of {@link FrameDecoder}: whatever bytes arrive, in whatever chunks, no
 * exception escapes, no message with a bad CRC is delivered, and every intact message after garbage
 * is still delivered.
 */
class FrameDecoderFuzzTest {

  private static final int MAX_PAYLOAD = 256;

  /** One message as sent: its type and payload. */
  record Message(int type, byte[] payload) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Message m && m.type == type && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
      return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return MessageType.name(type) + "[" + payload.length + "]";
    }
  }

  /** Collects delivered messages and checks each one's CRC on the wire. */
  static final class Collector implements FrameHandler {
    final List<Message> messages = new ArrayList<>();
    int badCrcAccepted;

    @Override
    public void onMessage(int type, ByteBuffer buffer, int payloadOffset, int payloadLength) {
      CRC32 crc = new CRC32();
      int from = payloadOffset - FrameFormat.HEADER_LENGTH + FrameFormat.TYPE_OFFSET;
      crc.update(buffer.array(), from, payloadOffset + payloadLength - from);
      if ((int) crc.getValue() != buffer.getInt(payloadOffset + payloadLength)) {
        badCrcAccepted++;
      }
      byte[] copy = new byte[payloadLength];
      buffer.get(payloadOffset, copy);
      messages.add(new Message(type, copy));
    }
  }

  @Property(tries = 300)
  void shouldNeverThrowNorAcceptBadCrcOnRandomBytes(
      @ForAll @Size(max = 4000) byte[] noise, @ForAll @IntRange(min = 1, max = 600) int chunk) {
    Collector collector = new Collector();
    FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, collector);
    feedInChunks(decoder, noise, chunk);
    assertThat(collector.badCrcAccepted).isZero();
  }

  @Property(tries = 100)
  void shouldDeliverExactlyTheCompleteMessagesOfEveryTruncation(
      @ForAll("messageLists") List<Message> messages) {
    byte[] stream = encodeAll(messages);
    for (int cut = 0; cut <= stream.length; cut++) {
      Collector collector = new Collector();
      FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, collector);
      decoder.onBytes(stream, 0, cut);
      assertThat(collector.messages).isEqualTo(messages.subList(0, completeBefore(messages, cut)));
      assertThat(collector.badCrcAccepted).isZero();
    }
  }

  @Property(tries = 300)
  void shouldDropOnlyTheMessageWithAFlippedBit(
      @ForAll("messageLists") List<Message> messages,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int victimSeed,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bitSeed,
      @ForAll @IntRange(min = 1, max = 97) int chunk) {
    int victim = victimSeed % messages.size();
    byte[] stream = encodeAll(messages);
    int victimStart = 0;
    for (int i = 0; i < victim; i++) {
      victimStart += FrameFormat.frameLength(messages.get(i).payload().length);
    }
    int victimBits = 8 * FrameFormat.frameLength(messages.get(victim).payload().length);
    int bit = bitSeed % victimBits;
    stream[victimStart + bit / 8] ^= (byte) (1 << (bit % 8));

    Collector collector = new Collector();
    FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, collector);
    feedInChunks(decoder, stream, chunk);
    flushWithIdleLine(decoder);

    List<Message> expected = new ArrayList<>(messages);
    expected.remove(victim);
    assertThat(collector.messages).isEqualTo(expected);
    assertThat(collector.badCrcAccepted).isZero();
  }

  @Property(tries = 300)
  void shouldResyncAfterGarbageAndYieldEveryIntactMessage(
      @ForAll("messageLists") List<Message> messages,
      @ForAll("garbageLists") List<byte[]> garbage,
      @ForAll @IntRange(min = 1, max = 300) int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < messages.size(); i++) {
      byte[] noise = garbage.get(i % garbage.size());
      out.write(noise, 0, noise.length);
      byte[] frame = encodeAll(List.of(messages.get(i)));
      out.write(frame, 0, frame.length);
    }
    Collector collector = new Collector();
    FrameDecoder decoder = new FrameDecoder(MAX_PAYLOAD, collector);
    feedInChunks(decoder, out.toByteArray(), chunk);
    flushWithIdleLine(decoder);

    assertThat(collector.messages).isEqualTo(messages);
    assertThat(collector.badCrcAccepted).isZero();
  }

  @Provide
  Arbitrary<List<Message>> messageLists() {
    Arbitrary<Integer> types =
        Arbitraries.of(
            MessageType.PRESSURE_FRAME,
            MessageType.DEVICE_INFO,
            MessageType.STATUS,
            MessageType.LOAD_SAMPLE,
            MessageType.COMMAND,
            MessageType.ACK);
    Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX_PAYLOAD);
    return Combinators.combine(types, payloads).as(Message::new).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<byte[]>> garbageLists() {
    // Garbage rich in sync bytes and plausible headers, the hardest case for resync.
    Arbitrary<Byte> syncRich =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.bytes()),
            Tuple.of(1, Arbitraries.of((byte) 0xA5)),
            Tuple.of(1, Arbitraries.of((byte) 0x5A)),
            Tuple.of(1, Arbitraries.of((byte) 0x01)));
    return syncRich.array(byte[].class).ofMaxSize(64).list().ofMinSize(1).ofMaxSize(8);
  }

  private static int completeBefore(List<Message> messages, int cut) {
    int end = 0;
    int complete = 0;
    for (Message m : messages) {
      end += FrameFormat.frameLength(m.payload().length);
      if (end > cut) {
        break;
      }
      complete++;
    }
    return complete;
  }

  /**
   * A corrupted length can make the decoder wait for bytes that belong to later messages; on a live
   * line more bytes always follow. Feeding one maximal frame of idle bytes lets it finish.
   */
  private static void flushWithIdleLine(FrameDecoder decoder) {
    byte[] idle = new byte[FrameFormat.frameLength(MAX_PAYLOAD)];
    decoder.onBytes(idle, 0, idle.length);
  }

  private static void feedInChunks(FrameDecoder decoder, byte[] stream, int chunk) {
    for (int offset = 0; offset < stream.length; offset += chunk) {
      decoder.onBytes(stream, offset, Math.min(chunk, stream.length - offset));
    }
  }

  static byte[] encodeAll(List<Message> messages) {
    int total = 0;
    for (Message m : messages) {
      total += FrameFormat.frameLength(m.payload().length);
    }
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    FrameEncoder encoder = new FrameEncoder();
    int offset = 0;
    for (Message m : messages) {
      offset += encoder.encode(out, offset, m.type(), m.payload(), 0, m.payload().length);
    }
    return out.array();
  }
}
