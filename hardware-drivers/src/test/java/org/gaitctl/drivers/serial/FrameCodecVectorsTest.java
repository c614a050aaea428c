package org.gaitctl.drivers.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.gaitctl.core.port.DeviceInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The codec against byte-exact vectors from an independent implementation (test resources). */
class FrameCodecVectorsTest {

  private static JsonNode vectors;

  @BeforeAll
  static void loadVectors() throws IOException {
    try (InputStream in = resource("vectors.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void shouldMatchTheVectorFilesThemselves() throws IOException {
    for (var names = vectors.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      byte[] bytes = bytes(name);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      assertThat(bytes).as(name).hasSize(vectors.get(name).get("length").asInt());
      assertThat(String.format("%08x", crc.getValue()))
          .as(name)
          .isEqualTo(vectors.get(name).get("crc32_hex").asText());
    }
  }

  @Test
  void shouldDecodeAndReencodePressureFrame() throws IOException {
    JsonNode v = vectors.get("pressure_frame.bin");
    Decoded m = decodeSingle("pressure_frame.bin", MessageType.PRESSURE_FRAME);
    ByteBuffer b = m.payload();
    assertThat(PressureFramePayload.isWellFormed(b, 0, b.capacity())).isTrue();
    assertThat(PressureFramePayload.seq(b, 0)).isEqualTo(v.get("seq").asLong());
    assertThat(PressureFramePayload.deviceTimeUs(b, 0)).isEqualTo(v.get("t_us").asLong());
    assertThat(PressureFramePayload.belt(b, 0)).isEqualTo(v.get("belt").asInt());
    int rows = PressureFramePayload.rows(b, 0);
    int cols = PressureFramePayload.cols(b, 0);
    assertThat(rows).isEqualTo(v.get("rows").asInt());
    assertThat(cols).isEqualTo(v.get("cols").asInt());
    char[] cells = new char[rows * cols];
    for (int i = 0; i < cells.length; i++) {
      assertThat(PressureFramePayload.cell(b, 0, i)).isEqualTo(v.get("cells").get(i).asInt());
      cells[i] = (char) v.get("cells").get(i).asInt();
    }

    ByteBuffer out = frameBuffer();
    int payloadLength =
        PressureFramePayload.write(
            out,
            FrameEncoder.payloadOffset(0),
            v.get("seq").asLong(),
            v.get("t_us").asLong(),
            v.get("belt").asInt(),
            rows,
            cols,
            cells);
    assertEncodedEquals(out, MessageType.PRESSURE_FRAME, payloadLength, "pressure_frame.bin");
  }

  @Test
  void shouldDecodeAndReencodeLoadSample() throws IOException {
    JsonNode v = vectors.get("load_sample.bin");
    ByteBuffer b = decodeSingle("load_sample.bin", MessageType.LOAD_SAMPLE).payload();
    assertThat(LoadSamplePayload.isWellFormed(b.capacity())).isTrue();
    assertThat(LoadSamplePayload.seq(b, 0)).isEqualTo(v.get("seq").asLong());
    assertThat(LoadSamplePayload.deviceTimeUs(b, 0)).isEqualTo(v.get("t_us").asLong());
    assertThat(LoadSamplePayload.forceCn(b, 0)).isEqualTo(v.get("force_cn").asInt());
    assertThat(LoadSamplePayload.flags(b, 0)).isEqualTo(v.get("flags").asInt());

    ByteBuffer out = frameBuffer();
    int payloadLength =
        LoadSamplePayload.write(
            out,
            FrameEncoder.payloadOffset(0),
            v.get("seq").asLong(),
            v.get("t_us").asLong(),
            v.get("force_cn").asInt(),
            v.get("flags").asInt());
    assertEncodedEquals(out, MessageType.LOAD_SAMPLE, payloadLength, "load_sample.bin");
  }

  @Test
  void shouldDecodeAndReencodeDeviceInfo() throws IOException {
    JsonNode v = vectors.get("device_info.bin");
    ByteBuffer b = decodeSingle("device_info.bin", MessageType.DEVICE_INFO).payload();
    assertThat(DeviceInfoPayload.isWellFormed(b.capacity())).isTrue();
    DeviceInfo info = DeviceInfoPayload.read(b, 0);
    assertThat(info)
        .isEqualTo(
            new DeviceInfo(
                v.get("kind").asInt(),
                v.get("belts").asInt(),
                v.get("rows").asInt(),
                v.get("cols").asInt(),
                v.get("pitch_x_um").asLong(),
                v.get("pitch_y_um").asLong(),
                v.get("rate_hz").asInt(),
                v.get("serial").asText(),
                v.get("firmware").asText()));

    ByteBuffer out = frameBuffer();
    int payloadLength = DeviceInfoPayload.write(out, FrameEncoder.payloadOffset(0), info);
    assertEncodedEquals(out, MessageType.DEVICE_INFO, payloadLength, "device_info.bin");
  }

  @Test
  void shouldDecodeAndReencodeStatus() throws IOException {
    JsonNode v = vectors.get("status.bin");
    ByteBuffer b = decodeSingle("status.bin", MessageType.STATUS).payload();
    assertThat(StatusPayload.flags(b, 0)).isEqualTo(v.get("flags").asInt());
    assertThat(StatusPayload.dropped(b, 0)).isEqualTo(v.get("dropped").asLong());
    assertThat(StatusPayload.temperatureDeciC(b, 0)).isEqualTo(v.get("temp_dc").asInt());

    ByteBuffer out = frameBuffer();
    int payloadLength =
        StatusPayload.write(
            out,
            FrameEncoder.payloadOffset(0),
            v.get("flags").asInt(),
            v.get("dropped").asLong(),
            v.get("temp_dc").asInt());
    assertEncodedEquals(out, MessageType.STATUS, payloadLength, "status.bin");
  }

  @Test
  void shouldDecodeAndReencodeCommands() throws IOException {
    ByteBuffer start = decodeSingle("command_start.bin", MessageType.COMMAND).payload();
    assertThat(start.capacity()).isEqualTo(CommandPayload.PLAIN_LENGTH);
    assertThat(CommandPayload.cmd(start, 0))
        .isEqualTo(vectors.get("command_start.bin").get("cmd").asInt());
    ByteBuffer out = frameBuffer();
    int startLength =
        CommandPayload.write(out, FrameEncoder.payloadOffset(0), CommandPayload.START);
    assertEncodedEquals(out, MessageType.COMMAND, startLength, "command_start.bin");

    JsonNode v = vectors.get("command_set_rate.bin");
    ByteBuffer setRate = decodeSingle("command_set_rate.bin", MessageType.COMMAND).payload();
    assertThat(setRate.capacity()).isEqualTo(CommandPayload.SET_RATE_LENGTH);
    assertThat(CommandPayload.cmd(setRate, 0)).isEqualTo(v.get("cmd").asInt());
    assertThat(CommandPayload.argU16(setRate, 0)).isEqualTo(v.get("arg_u16").asInt());
    int rateLength =
        CommandPayload.writeWithU16(
            out, FrameEncoder.payloadOffset(0), CommandPayload.SET_RATE, v.get("arg_u16").asInt());
    assertEncodedEquals(out, MessageType.COMMAND, rateLength, "command_set_rate.bin");
  }

  @Test
  void shouldDecodeAndReencodeAck() throws IOException {
    JsonNode v = vectors.get("ack.bin");
    ByteBuffer b = decodeSingle("ack.bin", MessageType.ACK).payload();
    assertThat(AckPayload.cmd(b, 0)).isEqualTo(v.get("cmd").asInt());
    assertThat(AckPayload.result(b, 0)).isEqualTo(v.get("result").asInt());
    ByteBuffer out = frameBuffer();
    int payloadLength =
        AckPayload.write(
            out, FrameEncoder.payloadOffset(0), v.get("cmd").asInt(), v.get("result").asInt());
    assertEncodedEquals(out, MessageType.ACK, payloadLength, "ack.bin");
  }

  @Test
  void shouldYieldOnlyTheTwoGoodMessagesOfTheFaultyStream() throws IOException {
    List<String> seen = new ArrayList<>();
    FrameDecoder decoder =
        new FrameDecoder(
            4096,
            (type, buffer, offset, length) -> {
              long seq =
                  type == MessageType.PRESSURE_FRAME
                      ? PressureFramePayload.seq(buffer, offset)
                      : LoadSamplePayload.seq(buffer, offset);
              seen.add(MessageType.name(type) + " seq=" + seq);
            });
    byte[] stream = bytes("stream_with_faults.bin");
    decoder.onBytes(stream, 0, stream.length);

    JsonNode v = vectors.get("stream_with_faults.bin");
    List<String> expected = new ArrayList<>();
    v.get("expect").forEach(e -> expected.add(e.asText()));
    assertThat(seen).isEqualTo(expected);
    assertThat(decoder.crcErrors()).isEqualTo(v.get("counters").get("crc_errors").asLong());
    assertThat(decoder.unknownTypes()).isEqualTo(v.get("counters").get("unknown_types").asLong());
    assertThat(decoder.badHeaders()).isEqualTo(1);
    assertThat(decoder.messages()).isEqualTo(3);
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void shouldYieldTheSameFromTheFaultyStreamFedOneByteAtATime() throws IOException {
    List<Integer> types = new ArrayList<>();
    FrameDecoder decoder =
        new FrameDecoder(4096, (type, buffer, offset, length) -> types.add(type));
    byte[] stream = bytes("stream_with_faults.bin");
    for (int i = 0; i < stream.length; i++) {
      decoder.onBytes(stream, i, 1);
    }
    assertThat(types).containsExactly(MessageType.PRESSURE_FRAME, MessageType.LOAD_SAMPLE);
    assertThat(decoder.crcErrors()).isEqualTo(1);
    assertThat(decoder.unknownTypes()).isEqualTo(1);
  }

  private record Decoded(int type, ByteBuffer payload) {}

  private static Decoded decodeSingle(String name, int expectedType) throws IOException {
    List<Decoded> decoded = new ArrayList<>();
    FrameDecoder decoder =
        new FrameDecoder(
            FrameFormat.MAX_PAYLOAD_LENGTH,
            (type, buffer, offset, length) -> {
              byte[] copy = new byte[length];
              buffer.get(offset, copy);
              decoded.add(new Decoded(type, ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN)));
            });
    byte[] bytes = bytes(name);
    decoder.onBytes(bytes, 0, bytes.length);
    assertThat(decoded).as(name).hasSize(1);
    assertThat(decoded.get(0).type()).as(name).isEqualTo(expectedType);
    assertThat(decoder.crcErrors() + decoder.badHeaders() + decoder.bytesSkipped()).isZero();
    return decoded.get(0);
  }

  private static void assertEncodedEquals(ByteBuffer out, int type, int payloadLength, String name)
      throws IOException {
    int frameLength = new FrameEncoder().finish(out, 0, type, payloadLength);
    byte[] encoded = new byte[frameLength];
    out.get(0, encoded);
    assertThat(encoded).as(name).isEqualTo(bytes(name));
  }

  private static ByteBuffer frameBuffer() {
    return ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = FrameCodecVectorsTest.class.getResourceAsStream("/vectors/" + name);
    assertThat(in).as("test resource /vectors/" + name).isNotNull();
    return in;
  }
}
