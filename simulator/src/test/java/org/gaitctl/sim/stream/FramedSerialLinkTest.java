package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.gaitctl.core.counters.CounterRegistry;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.FramedSerialLink;
import org.gaitctl.drivers.serial.JSerialCommTransport;
import org.gaitctl.drivers.serial.LoadCellReader;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.drivers.serial.PressureBeltReader;
import org.gaitctl.drivers.serial.PressureFramePayload;
import org.gaitctl.drivers.serial.SerialLinkCounters;
import org.gaitctl.drivers.serial.StatusPayload;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers over a real pseudo-terminal, stepped by hand ({@code doWork()}) on a manual clock,
 * with the test writing raw frames at the device end.
 */
class FramedSerialLinkTest {

  @TempDir Path dir;
  private PseudoTerminalPair pair;
  private ScriptedDeviceEnd device;
  private final ManualNanoClock clock = new ManualNanoClock(5_000_000_000L);
  private FrameEncoder encoder;
  private ByteBuffer out;

  @BeforeEach
  void openPair() throws IOException {
    Socat.assumeInstalled();
    pair = PseudoTerminalPair.forHostPath(dir.resolve("ttyL"));
    device = new ScriptedDeviceEnd(pair.deviceEnd().toString());
    encoder = device.encoder();
    out = device.out();
  }

  @AfterEach
  void closePair() {
    if (pair == null) {
      return; // skipped: no socat
    }
    device.close();
    pair.close();
  }

  private JSerialCommTransport host() {
    return new JSerialCommTransport(pair.hostEnd().toString(), 921_600, 100, 1000);
  }

  private void sendLoadSample(long seq, int forceCn) {
    device.sendLoadSample(seq, forceCn);
  }

  private void send(int type, int payloadLength) {
    device.send(type, payloadLength);
  }

  /** Opens the link and STARTs the stream, playing the device's ACK and stepping the reader. */
  private void openAndStart(FramedSerialLink link) {
    assertThat(link.open()).isEqualTo(CommandResult.OK);
    start(link);
  }

  private void start(FramedSerialLink link) {
    CompletableFuture<CommandResult> started = CompletableFuture.supplyAsync(link::start);
    assertThat(device.answerNextCommand()).isEqualTo(CommandPayload.START);
    for (int i = 0; i < 200 && !started.isDone(); i++) {
      link.readerAgent().doWork();
    }
    assertThat(started.join()).isEqualTo(CommandResult.OK);
  }

  private static void stepUntil(LoadCellReader reader, long samples) {
    for (int i = 0; i < 200 && reader.link().counters().samples() < samples; i++) {
      reader.link().readerAgent().doWork();
    }
  }

  @Test
  void shouldDiscardTheBacklogOfADeadSessionAndCountNoGaps() {
    for (long seq = 0; seq < 300; seq++) {
      sendLoadSample(seq, 1); // streamed to nobody while the controller was dead
    }
    List<Long> delivered = new ArrayList<>();
    try (LoadCellReader reader =
        new LoadCellReader(
            "lca", host(), clock, 500, (arrivalNs, seq, tUs, cn, flags) -> delivered.add(seq))) {
      assertThat(reader.link().open()).isEqualTo(CommandResult.OK);
      for (long seq = 300; seq < 400; seq++) {
        sendLoadSample(seq, 1); // still in flight when the new session STARTs
      }
      start(reader.link());
      for (long seq = 1000; seq < 1010; seq++) {
        sendLoadSample(seq, 2);
      }
      stepUntil(reader, 10);
      SerialLinkCounters counters = reader.link().counters();
      assertThat(delivered).as("only what followed the START's ACK").hasSize(10).startsWith(1000L);
      assertThat(counters.sequenceGaps()).isZero();
      assertThat(counters.sequenceRebases()).isZero();
      assertThat(counters.samplesBeforeStart()).as(counters.toString()).isPositive();
    }
  }

  @Test
  void shouldLeaveATraceOfRandomBytesInTheCountersAndDecodeTheFramesAroundThem() {
    List<Long> delivered = new ArrayList<>();
    try (PressureBeltReader reader =
        new PressureBeltReader(
            "pbu",
            host(),
            clock,
            500,
            PressureBeltReader.DEFAULT_MAX_PAYLOAD_LENGTH,
            (arrivalNs, seq, tUs, belt, rows, cols, cells) -> delivered.add(seq))) {
      openAndStart(reader.link());
      char[] cells = new char[32 * 16];
      for (long seq = 0; seq < 5; seq++) {
        send(
            MessageType.PRESSURE_FRAME,
            PressureFramePayload.write(
                out, FrameEncoder.payloadOffset(0), seq, 0, 0, 32, 16, cells));
      }
      byte[] noise = new byte[3000];
      new Random(20261201L).nextBytes(noise);
      device.sendBytes(noise);
      for (long seq = 5; seq < 10; seq++) {
        send(
            MessageType.PRESSURE_FRAME,
            PressureFramePayload.write(
                out, FrameEncoder.payloadOffset(0), seq, 0, 0, 32, 16, cells));
      }
      for (int i = 0; i < 200 && reader.link().counters().samples() < 10; i++) {
        reader.link().readerAgent().doWork();
      }

      CounterRegistry registry = new CounterRegistry();
      reader.link().counters().groups().forEach(registry::register);
      assertThat(delivered).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(registry.value("pbu.link.sequence_gaps")).isZero();
      assertThat(registry.value("pbu.decoder.bytes_skipped"))
          .as(registry.toTable())
          .isGreaterThan(2000);
      assertThat(registry.toTable()).contains("pbu.decoder.bytes_skipped");
    }
  }

  @Test
  void shouldStampArrivalTimeFromTheInjectedClock() {
    List<Long> arrivals = new ArrayList<>();
    try (LoadCellReader reader =
        new LoadCellReader(
            "lca",
            host(),
            clock,
            500,
            (arrivalNs, seq, tUs, cn, flags) -> arrivals.add(arrivalNs))) {
      openAndStart(reader.link());
      sendLoadSample(0, 100);
      stepUntil(reader, 1);
      clock.advanceNs(1_000_000);
      sendLoadSample(1, 100);
      stepUntil(reader, 2);
      assertThat(arrivals).containsExactly(5_000_000_000L, 5_001_000_000L);
      assertThat(reader.link().sampleAgeNs(5_001_000_250L)).isEqualTo(250);
    }
  }

  @Test
  void shouldCountSequenceGapsAcrossTheU32WrapAndNotCountARestart() {
    try (LoadCellReader reader =
        new LoadCellReader("lca", host(), clock, 500, (arrivalNs, seq, tUs, cn, flags) -> {})) {
      openAndStart(reader.link());
      for (long seq : new long[] {0xFFFF_FFFDL, 0xFFFF_FFFEL, 1L, 2L, 0L}) {
        sendLoadSample(seq, 0);
      }
      stepUntil(reader, 5);
      SerialLinkCounters counters = reader.link().counters();
      assertThat(counters.samples()).isEqualTo(5);
      assertThat(counters.sequenceGaps()).as("0xFFFFFFFF and 0 missing").isEqualTo(2);
      assertThat(counters.sequenceRebases()).as("2 -> 0 is a restart").isEqualTo(1);
    }
  }

  @Test
  void shouldCountMalformedPayloadsAndUnexpectedTypesAndKeepStatus() {
    try (LoadCellReader reader =
        new LoadCellReader("lca", host(), clock, 500, (arrivalNs, seq, tUs, cn, flags) -> {})) {
      openAndStart(reader.link());
      send(MessageType.LOAD_SAMPLE, 17);
      send(MessageType.PRESSURE_FRAME, 18);
      send(
          MessageType.STATUS,
          StatusPayload.write(
              out, FrameEncoder.payloadOffset(0), StreamFlags.STATUS_SENSOR_FAULT, 4, -12));
      sendLoadSample(0, 1);
      stepUntil(reader, 1);
      SerialLinkCounters counters = reader.link().counters();
      assertThat(counters.malformedPayloads()).isEqualTo(1);
      assertThat(counters.unknownTypes()).isEqualTo(1);
      assertThat(reader.link().status().sensorFault()).isTrue();
      assertThat(reader.link().status().dropped()).isEqualTo(4);
      assertThat(reader.link().status().temperatureDeciC()).isEqualTo(-12);
    }
  }

  @Test
  void shouldDeliverPressureFramesWithoutAllocating() {
    long[] delivered = new long[1];
    try (PressureBeltReader reader =
        new PressureBeltReader(
            "pbu",
            host(),
            clock,
            500,
            PressureBeltReader.DEFAULT_MAX_PAYLOAD_LENGTH,
            (arrivalNs, seq, tUs, belt, rows, cols, cells) -> delivered[0] += cells.remaining())) {
      openAndStart(reader.link());
      // Small frames: this single thread writes a frame and then reads it, so it must fit the
      // pseudo-terminal's buffers.
      char[] cells = new char[32 * 16];
      int payload =
          PressureFramePayload.write(out, FrameEncoder.payloadOffset(0), 0, 0, 0, 32, 16, cells);
      int frameLength = encoder.finish(out, 0, MessageType.PRESSURE_FRAME, payload);
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long best = Long.MAX_VALUE;
      long seq = 0;
      for (int round = 0; round < 4; round++) {
        long allocated = 0;
        for (int frame = 0; frame < 2_500; frame++) {
          PressureFramePayload.write(
              out, FrameEncoder.payloadOffset(0), seq++, 0, 0, 32, 16, cells);
          encoder.finish(out, 0, MessageType.PRESSURE_FRAME, payload);
          device.sendFrame(frameLength);
          long before = threads.getCurrentThreadAllocatedBytes();
          while (reader.link().counters().samples() < seq) {
            reader.link().readerAgent().doWork();
          }
          allocated += threads.getCurrentThreadAllocatedBytes() - before;
        }
        best = Math.min(best, allocated);
      }
      assertThat(reader.link().counters().sequenceGaps()).isZero();
      assertThat(delivered[0]).isEqualTo(10_000L * 2 * 32 * 16);
      assertThat(best).as("bytes allocated by the reader over 2,500 frames").isZero();
    }
  }
}
