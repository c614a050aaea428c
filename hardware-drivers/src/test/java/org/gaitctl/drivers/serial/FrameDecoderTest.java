package org.gaitctl.drivers.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final FrameEncoder encoder = new FrameEncoder();
  private final ByteBuffer out = ByteBuffer.allocate(70_000).order(ByteOrder.LITTLE_ENDIAN);
  private int delivered;
  private long lastSeq;

  private final FrameDecoder decoder =
      new FrameDecoder(
          PressureFramePayload.length(128, 56),
          (type, buffer, offset, length) -> {
            delivered++;
            lastSeq = PressureFramePayload.seq(buffer, offset);
          });

  @Test
  void shouldRejectALengthAboveItsMaximumWithoutWaitingForThePayload() {
    int length = frame(0, 7, 128, 57);
    decoder.onBytes(out.array(), 0, FrameFormat.HEADER_LENGTH);
    assertThat(decoder.badHeaders()).isEqualTo(1);
    assertThat(decoder.bufferedBytes()).isZero();
    decoder.onBytes(out.array(), FrameFormat.HEADER_LENGTH, length - FrameFormat.HEADER_LENGTH);
    assertThat(delivered).isZero();
  }

  @Test
  void shouldRejectALengthAboveTheSpecLimitEvenIfTheCallerAllowsMore() {
    assertThatThrownBy(
            () -> new FrameDecoder(FrameFormat.MAX_PAYLOAD_LENGTH + 1, (t, b, o, l) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPayloadLength");
  }

  @Test
  void shouldRejectAnUnknownVersionAsSoonAsItsByteArrives() {
    int length = frame(0, 1, 4, 4);
    out.put(FrameFormat.VERSION_OFFSET, (byte) 2);
    decoder.onBytes(out.array(), 0, FrameFormat.VERSION_OFFSET + 1);
    assertThat(decoder.badHeaders()).isEqualTo(1);
    decoder.onBytes(out.array(), FrameFormat.VERSION_OFFSET + 1, length);
    assertThat(delivered).isZero();
    assertThat(decoder.bytesSkipped()).isGreaterThan(0);
  }

  @Test
  void shouldDeliverAFullSizeFrameSplitIntoSerialSizedReads() {
    int first = frame(0, 1, 128, 56);
    int second = frame(first, 2, 128, 56);
    int total = first + second;
    for (int offset = 0; offset < total; offset += 4096) {
      decoder.onBytes(out.array(), offset, Math.min(4096, total - offset));
    }
    assertThat(delivered).isEqualTo(2);
    assertThat(lastSeq).isEqualTo(2);
    assertThat(decoder.bytesSkipped()).isZero();
  }

  @Test
  void shouldKeepDecodingWhenTheHandlerNarrowsTheBufferItWasGiven() {
    FrameDecoder narrowing =
        new FrameDecoder(
            1024,
            (type, buffer, offset, length) -> {
              delivered++;
              buffer.position(offset).limit(offset + 1);
            });
    int first = frame(0, 1, 4, 4);
    int second = frame(first, 2, 4, 4);
    narrowing.onBytes(out.array(), 0, first + second - 3);
    narrowing.onBytes(out.array(), first + second - 3, 3);
    assertThat(delivered).isEqualTo(2);
  }

  @Test
  void shouldCountEverySkippedGarbageByte() {
    byte[] garbage = {0x00, (byte) 0xA5, 0x11, (byte) 0xA5};
    decoder.onBytes(garbage, 0, garbage.length);
    int length = frame(0, 9, 2, 2);
    decoder.onBytes(out.array(), 0, length);
    assertThat(decoder.bytesSkipped()).isEqualTo(4);
    assertThat(delivered).isEqualTo(1);
  }

  @Test
  void shouldNotAllocateWhileDecodingFrames() {
    int length = frame(0, 1, 128, 56);
    byte[] stream = new byte[length];
    out.get(0, stream);
    for (int i = 0; i < 2_000; i++) {
      feedInReads(stream);
    }
    // One-off JVM work (compilation, deoptimisation) can land in a round; allocation per frame
    // would show in every round (at least 16 bytes x 10,000), so the best of three must be zero.
    long bestRound = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      bestRound = Math.min(bestRound, allocatedBytesOver(10_000, stream));
    }
    assertThat(delivered).isEqualTo(32_000);
    assertThat(bestRound).as("bytes allocated over 10,000 frames").isZero();
  }

  private long allocatedBytesOver(int frames, byte[] stream) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < frames; i++) {
      feedInReads(stream);
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private void feedInReads(byte[] stream) {
    for (int offset = 0; offset < stream.length; offset += 1000) {
      decoder.onBytes(stream, offset, Math.min(1000, stream.length - offset));
    }
  }

  private int frame(int frameOffset, long seq, int rows, int cols) {
    int payloadLength =
        PressureFramePayload.write(
            out,
            FrameEncoder.payloadOffset(frameOffset),
            seq,
            1000 * seq,
            0,
            rows,
            cols,
            new char[rows * cols]);
    return encoder.finish(out, frameOffset, MessageType.PRESSURE_FRAME, payloadLength);
  }
}
