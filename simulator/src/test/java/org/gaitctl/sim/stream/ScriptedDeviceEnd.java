package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.drivers.serial.AckPayload;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameDecoder;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.JSerialCommTransport;
import org.gaitctl.drivers.serial.LoadSamplePayload;
import org.gaitctl.drivers.serial.MessageType;

/**
 * The device end of a pseudo-terminal driven by a test: writes raw frames and answers the host's
 * commands with an ACK, so a test thread can play the device byte by byte.
 */
final class ScriptedDeviceEnd implements AutoCloseable {

  private static final int NO_COMMAND = -1;

  private final JSerialCommTransport port;
  private final FrameEncoder encoder = new FrameEncoder();
  private final ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final byte[] in = new byte[256];
  private final FrameDecoder commands = new FrameDecoder(64, this::onCommand);
  private int lastCommand = NO_COMMAND;

  ScriptedDeviceEnd(String path) {
    this.port = new JSerialCommTransport(path, 921_600, 100, 1000);
    assertThat(port.open()).isNull();
  }

  ByteBuffer out() {
    return out;
  }

  FrameEncoder encoder() {
    return encoder;
  }

  /** Frames the payload written at {@link FrameEncoder#payloadOffset}(0) and writes it whole. */
  void send(int type, int payloadLength) {
    int frame = encoder.finish(out, 0, type, payloadLength);
    assertThat(port.write(out.array(), 0, frame)).isEqualTo(frame);
  }

  void sendLoadSample(long seq, int forceCn) {
    send(
        MessageType.LOAD_SAMPLE,
        LoadSamplePayload.write(out, FrameEncoder.payloadOffset(0), seq, seq * 1000, forceCn, 0));
  }

  /** Writes the first {@code frameLength} bytes of {@link #out()}, a frame already finished. */
  void sendFrame(int frameLength) {
    assertThat(port.write(out.array(), 0, frameLength)).isEqualTo(frameLength);
  }

  void sendBytes(byte[] bytes) {
    assertThat(port.write(bytes, 0, bytes.length)).isEqualTo(bytes.length);
  }

  /** Waits (up to ~2 s of read timeouts) for the host's next command and answers ACK OK. */
  int answerNextCommand() {
    lastCommand = NO_COMMAND;
    for (int i = 0; i < 20 && lastCommand == NO_COMMAND; i++) {
      int read = port.read(in, 0, in.length);
      assertThat(read).as("device end read").isNotNegative();
      commands.onBytes(in, 0, read);
    }
    assertThat(lastCommand).as("a command from the host").isNotEqualTo(NO_COMMAND);
    send(
        MessageType.ACK,
        AckPayload.write(out, FrameEncoder.payloadOffset(0), lastCommand, AckPayload.RESULT_OK));
    return lastCommand;
  }

  private void onCommand(int type, ByteBuffer buffer, int offset, int length) {
    if (type == MessageType.COMMAND && length >= 1) {
      lastCommand = CommandPayload.cmd(buffer, offset);
    }
  }

  @Override
  public void close() {
    port.close();
  }
}
