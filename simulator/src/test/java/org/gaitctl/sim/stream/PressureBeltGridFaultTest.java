package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameDecoder;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.FrameFormat;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.drivers.serial.PressureFramePayload;
import org.junit.jupiter.api.Test;

/**
 * The injected grid fault of the emulated pressure-belt unit, decoded with the production decoder
 * on virtual time.
 */
class PressureBeltGridFaultTest {

  private static final long MS = 1_000_000L;

  private record Grid(int rows, int cols, boolean wellFormed) {}

  private final ManualNanoClock clock = new ManualNanoClock(1_000 * MS);
  private final List<Grid> frames = new ArrayList<>();
  private final FrameDecoder hostDecoder =
      new FrameDecoder(
          FrameFormat.MAX_PAYLOAD_LENGTH,
          (type, buffer, offset, length) -> {
            if (type == MessageType.PRESSURE_FRAME) {
              frames.add(
                  new Grid(
                      PressureFramePayload.rows(buffer, offset),
                      PressureFramePayload.cols(buffer, offset),
                      PressureFramePayload.isWellFormed(buffer, offset, length)));
            }
          });
  private final PressureBeltDevice device =
      new PressureBeltDevice(
          new MovingBlobSource(1, 16, 8),
          PressureBeltDevice.Settings.defaults(),
          (bytes, offset, length) -> {
            hostDecoder.onBytes(bytes, offset, length);
            return true;
          },
          clock.nanoTime());

  @Test
  void shouldSendWellFormedFramesOfTheInjectedGridUntilItsOwnGridIsRestored() {
    start();
    run(20 * MS);
    device.sendGrid(8, 8);
    run(20 * MS);
    device.sendOwnGrid();
    run(20 * MS);

    assertThat(frames).allMatch(Grid::wellFormed);
    assertThat(frames.get(0)).isEqualTo(new Grid(16, 8, true));
    assertThat(frames).contains(new Grid(8, 8, true));
    assertThat(frames.get(frames.size() - 1)).isEqualTo(new Grid(16, 8, true));
  }

  @Test
  void shouldRefuseAGridLargerThanTheBeltsOrEmpty() {
    assertThatThrownBy(() -> device.sendGrid(32, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 128 cells");
    assertThatThrownBy(() -> device.sendGrid(0, 8)).isInstanceOf(IllegalArgumentException.class);
  }

  private void start() {
    ByteBuffer frame = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    int payload = CommandPayload.write(frame, FrameEncoder.payloadOffset(0), CommandPayload.START);
    int length = new FrameEncoder().finish(frame, 0, MessageType.COMMAND, payload);
    device.onCommandBytes(frame.array(), 0, length, clock.nanoTime());
  }

  private void run(long durationNs) {
    long endNs = clock.nanoTime() + durationNs;
    while (clock.nanoTime() - endNs < 0) {
      clock.advanceNs(MS);
      for (int i = 0; i < 1000 && device.nextDeadlineNs() - clock.nanoTime() <= 0; i++) {
        device.poll(clock.nanoTime());
      }
    }
  }
}
