package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.drivers.serial.AckPayload;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameDecoder;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.FrameFormat;
import org.gaitctl.drivers.serial.LoadSamplePayload;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.drivers.serial.PressureFramePayload;
import org.gaitctl.drivers.serial.StatusPayload;
import org.junit.jupiter.api.Test;

/** Device behaviour of the emulators on virtual time, without a port. */
class StreamDeviceTest {

  private static final long MS = 1_000_000L;

  /** What the device sent, decoded with the production decoder. */
  record Sent(int type, long seq, long deviceTimeUs, int belt, int cmd, int result, int flags) {}

  private final ManualNanoClock clock = new ManualNanoClock(1_000 * MS);
  private final List<Sent> sent = new ArrayList<>();
  private final FrameDecoder hostDecoder =
      new FrameDecoder(FrameFormat.MAX_PAYLOAD_LENGTH, this::record);
  private final DeviceOutput output =
      (bytes, offset, length) -> {
        hostDecoder.onBytes(bytes, offset, length);
        return true;
      };

  private void record(int type, ByteBuffer b, int o, int length) {
    switch (type) {
      case MessageType.PRESSURE_FRAME ->
          sent.add(
              new Sent(
                  type,
                  PressureFramePayload.seq(b, o),
                  PressureFramePayload.deviceTimeUs(b, o),
                  PressureFramePayload.belt(b, o),
                  0,
                  0,
                  0));
      case MessageType.LOAD_SAMPLE ->
          sent.add(
              new Sent(
                  type,
                  LoadSamplePayload.seq(b, o),
                  LoadSamplePayload.deviceTimeUs(b, o),
                  0,
                  0,
                  0,
                  LoadSamplePayload.flags(b, o)));
      case MessageType.ACK ->
          sent.add(new Sent(type, 0, 0, 0, AckPayload.cmd(b, o), AckPayload.result(b, o), 0));
      case MessageType.STATUS -> sent.add(new Sent(type, 0, 0, 0, 0, 0, StatusPayload.flags(b, o)));
      default -> sent.add(new Sent(type, 0, 0, 0, 0, 0, 0));
    }
  }

  private PressureBeltDevice pbu(int belts) {
    return new PressureBeltDevice(
        new MovingBlobSource(belts, 16, 8),
        PressureBeltDevice.Settings.defaults(),
        output,
        clock.nanoTime());
  }

  private LoadCellDevice lca() {
    return new LoadCellDevice(
        new SineLoadSource(), LoadCellDevice.Settings.defaults(), output, clock.nanoTime());
  }

  private void command(StreamDevice device, int cmd, int argU16) {
    ByteBuffer frame = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    int payload =
        argU16 < 0
            ? CommandPayload.write(frame, FrameEncoder.payloadOffset(0), cmd)
            : CommandPayload.writeWithU16(frame, FrameEncoder.payloadOffset(0), cmd, argU16);
    int length = new FrameEncoder().finish(frame, 0, MessageType.COMMAND, payload);
    device.onCommandBytes(frame.array(), 0, length, clock.nanoTime());
  }

  /**
   * Polls every {@code stepNs} over the half-open window {@code [now, now + durationNs)}, like an
   * irregular loop; the clock ends 1 ns before the window's end.
   */
  private void run(StreamDevice device, long durationNs, long stepNs) {
    long endNs = clock.nanoTime() + durationNs - 1;
    while (clock.nanoTime() - endNs < 0) {
      clock.advanceNs(Math.min(stepNs, endNs - clock.nanoTime()));
      for (int i = 0; i < 1000 && device.nextDeadlineNs() - clock.nanoTime() <= 0; i++) {
        device.poll(clock.nanoTime());
      }
    }
  }

  private List<Sent> ofType(int type) {
    return sent.stream().filter(s -> s.type() == type).toList();
  }

  @Test
  void shouldAckStartThenSendDeviceInfoBeforeTheFirstFrame() {
    PressureBeltDevice device = pbu(1);
    command(device, CommandPayload.START, -1);
    run(device, 10 * MS, MS);
    List<Integer> types = sent.stream().map(Sent::type).distinct().toList();
    assertThat(types.subList(0, 2)).containsExactly(MessageType.ACK, MessageType.DEVICE_INFO);
    assertThat(types).contains(MessageType.PRESSURE_FRAME);
  }

  @Test
  void shouldPaceFramesOnAbsoluteDeadlinesWithoutDrift() {
    PressureBeltDevice device = pbu(1);
    command(device, CommandPayload.START, -1);
    run(device, 10_000 * MS, 7 * MS + 123_457);
    List<Sent> frames = ofType(MessageType.PRESSURE_FRAME);
    assertThat(frames).hasSize(3000);
    for (int k = 0; k < frames.size(); k++) {
      assertThat(frames.get(k).seq()).isEqualTo(k);
      assertThat(frames.get(k).deviceTimeUs()).isEqualTo(k * 1_000_000L / 300);
    }
  }

  @Test
  void shouldInterleaveTwoBeltsEachWithItsOwnSequence() {
    PressureBeltDevice device = pbu(2);
    command(device, CommandPayload.START, -1);
    run(device, 100 * MS, MS);
    List<Sent> frames = ofType(MessageType.PRESSURE_FRAME);
    assertThat(frames).hasSize(60);
    for (int i = 0; i < frames.size(); i++) {
      assertThat(frames.get(i).belt()).isEqualTo(i % 2);
      assertThat(frames.get(i).seq()).isEqualTo(i / 2);
    }
  }

  @Test
  void shouldRejectARateOutsideItsRangeAsBadArgumentAndAcceptOneInside() {
    PressureBeltDevice device = pbu(1);
    command(device, CommandPayload.SET_RATE, 5);
    command(device, CommandPayload.SET_RATE, -1);
    command(device, CommandPayload.SET_RATE, 100);
    assertThat(ofType(MessageType.ACK).stream().map(Sent::result).toList())
        .containsExactly(
            AckPayload.RESULT_BAD_ARGUMENT, AckPayload.RESULT_BAD_ARGUMENT, AckPayload.RESULT_OK);
    assertThat(device.rateHz()).isEqualTo(100);
  }

  @Test
  void shouldAnswerAnUnknownOrForeignCommandWithResult1() {
    command(pbu(1), 0x42, -1);
    command(pbu(1), CommandPayload.TARE, -1);
    command(lca(), CommandPayload.ZERO, -1);
    assertThat(ofType(MessageType.ACK).stream().map(Sent::result).toList())
        .containsOnly(AckPayload.RESULT_UNKNOWN_COMMAND)
        .hasSize(3);
  }

  @Test
  void shouldFlagTareWhileInProgressAndAnswerBusyToASecondTare() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    command(device, CommandPayload.TARE, -1);
    command(device, CommandPayload.TARE, -1);
    run(device, 100 * MS, MS);
    assertThat(ofType(MessageType.ACK).stream().map(Sent::result).toList())
        .containsExactly(AckPayload.RESULT_OK, AckPayload.RESULT_OK, AckPayload.RESULT_BUSY);
    assertThat(ofType(MessageType.STATUS).get(ofType(MessageType.STATUS).size() - 1).flags())
        .isEqualTo(StreamFlags.STATUS_STREAMING | StreamFlags.STATUS_TARE_IN_PROGRESS);
    assertThat(ofType(MessageType.LOAD_SAMPLE))
        .allMatch(s -> (s.flags() & StreamFlags.LOAD_TARE_IN_PROGRESS) != 0);

    sent.clear();
    run(device, 200 * MS, MS);
    assertThat(ofType(MessageType.STATUS).get(0).flags()).isEqualTo(StreamFlags.STATUS_STREAMING);
    assertThat(
            ofType(MessageType.LOAD_SAMPLE).get(ofType(MessageType.LOAD_SAMPLE).size() - 1).flags())
        .isZero();
  }

  @Test
  void shouldSendStatusAtOnceOnChangeAndEverySecondWhileStreaming() {
    LoadCellDevice device = lca();
    device.poll(clock.nanoTime());
    assertThat(ofType(MessageType.STATUS)).hasSize(1);
    command(device, CommandPayload.START, -1);
    assertThat(ofType(MessageType.STATUS)).hasSize(2);
    run(device, 3_000 * MS, MS);
    assertThat(ofType(MessageType.STATUS)).as("at start, on START, at 1 s and 2 s").hasSize(4);
    device.faults().setSensorFault(true);
    device.poll(clock.nanoTime());
    assertThat(ofType(MessageType.STATUS).get(4).flags())
        .isEqualTo(StreamFlags.STATUS_STREAMING | StreamFlags.STATUS_SENSOR_FAULT);
  }

  @Test
  void shouldCorruptTheCrcOfTheNextMessagesOnly() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    device.faults().corruptCrcOfNext(4);
    run(device, 20 * MS, MS);
    assertThat(hostDecoder.crcErrors()).isEqualTo(4);
    assertThat(ofType(MessageType.LOAD_SAMPLE)).hasSize(16);
  }

  @Test
  void shouldDropFramesAsASequenceGapAndKeepTheDeviceDropCountAtZero() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    run(device, 5 * MS, MS);
    device.faults().dropNextFrames(3);
    run(device, 5 * MS, MS);
    List<Long> seqs = ofType(MessageType.LOAD_SAMPLE).stream().map(Sent::seq).toList();
    assertThat(seqs).containsExactly(0L, 1L, 2L, 3L, 4L, 8L, 9L);
    assertThat(device.droppedTotal()).isZero();
  }

  @Test
  void shouldSetOverloadAndSensorFaultFlagsOnSamples() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    device.faults().setOverload(true);
    device.faults().setSensorFault(true);
    run(device, 3 * MS, MS);
    assertThat(ofType(MessageType.LOAD_SAMPLE))
        .allMatch(s -> s.flags() == (StreamFlags.LOAD_OVERLOAD | StreamFlags.LOAD_SENSOR_FAULT));
  }

  @Test
  void shouldDropAndReportSamplesItCouldNotSendInTime() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    clock.advanceNs((StreamDevice.MAX_LAG_MS + 10) * MS);
    run(device, MS, MS);
    assertThat(device.droppedTotal()).isBetween(8L, 12L);
    assertThat(ofType(MessageType.STATUS).get(ofType(MessageType.STATUS).size() - 1).flags())
        .isEqualTo(StreamFlags.STATUS_STREAMING | StreamFlags.STATUS_FRAMES_DROPPED);
  }

  @Test
  void shouldStartAFreshScheduleWhenAStartArrivesWhileItStreamsBehind() {
    LoadCellDevice device = lca();
    command(device, CommandPayload.START, -1);
    clock.advanceNs(2_000 * MS); // a dead controller: 2 s of samples not sent yet
    command(device, CommandPayload.START, -1);
    sent.clear();
    run(device, 10 * MS, MS);
    assertThat(ofType(MessageType.LOAD_SAMPLE))
        .as("samples of the new session's first 10 ms, no backlog burst")
        .hasSize(10);
  }

  @Test
  void shouldKeepItsNextDeadlineAheadWhileIdleSoItsLoopCanPark() {
    LoadCellDevice device = lca();
    device.poll(clock.nanoTime());
    clock.advanceNs(2_000 * MS);
    device.poll(clock.nanoTime());
    assertThat(device.nextDeadlineNs() - clock.nanoTime())
        .as("an idle device has nothing due: its runner must not spin")
        .isPositive();
  }

  @Test
  void shouldSendDeviceInfoForGetInfo() {
    command(lca(), CommandPayload.GET_INFO, -1);
    assertThat(sent.stream().map(Sent::type).toList())
        .startsWith(MessageType.ACK, MessageType.DEVICE_INFO);
  }
}
