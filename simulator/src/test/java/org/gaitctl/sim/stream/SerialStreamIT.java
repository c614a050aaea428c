package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.serial.InfoReply;
import org.gaitctl.drivers.serial.JSerialCommTransport;
import org.gaitctl.drivers.serial.LinkState;
import org.gaitctl.drivers.serial.LoadCellReader;
import org.gaitctl.drivers.serial.PressureBeltReader;
import org.gaitctl.drivers.serial.SerialLinkCounters;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver ↔ emulator over a socat pseudo-terminal pair, on real time. The machine is shared and
 * noisy, so these tests assert counts, never latency: the streaming windows are measured on the
 * device clock ({@code t_us}), so a stalled test machine cannot change what they count.
 */
class SerialStreamIT {

  private static final int COMMAND_TIMEOUT_MS = 3000;
  private static final long WAIT_LIMIT_MS = 60_000;

  @TempDir Path dir;
  private PseudoTerminalPair pair;
  private SerialDeviceEmulator emulator;
  private AutoCloseable reader;

  @BeforeEach
  void openPair() throws IOException {
    Socat.assumeInstalled();
    pair = PseudoTerminalPair.forHostPath(dir.resolve("ttyGAIT"));
  }

  @AfterEach
  void closeAll() throws Exception {
    if (reader != null) {
      reader.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (pair != null) {
      pair.close();
    }
  }

  /** Counts samples whose device time lies in the first {@code windowUs} after the first one. */
  static final class WindowCounter {
    private final long windowUs;
    private long firstUs = -1;
    final AtomicLong inWindow = new AtomicLong();
    final AtomicLong afterWindow = new AtomicLong();

    WindowCounter(long windowUs) {
      this.windowUs = windowUs;
    }

    void onSample(long deviceTimeUs) {
      if (firstUs < 0) {
        firstUs = deviceTimeUs;
      }
      if (deviceTimeUs - firstUs < windowUs) {
        inWindow.incrementAndGet();
      } else {
        afterWindow.incrementAndGet();
      }
    }
  }

  @Tag("soak")
  @Test
  void shouldStream128x56FramesAt300HzFor10SecondsWithoutLoss() throws Exception {
    WindowCounter window = new WindowCounter(TimeUnit.SECONDS.toMicros(10));
    AtomicLong blobCells = new AtomicLong();
    PressureBeltReader pbu =
        new PressureBeltReader(
            "pbu",
            hostTransport(),
            NanoClock.SYSTEM,
            COMMAND_TIMEOUT_MS,
            PressureBeltReader.DEFAULT_MAX_PAYLOAD_LENGTH,
            (arrivalNs, seq, deviceTimeUs, belt, rows, cols, cells) -> {
              window.onSample(deviceTimeUs);
              int centre = cells.position() + 2 * (cols / 2);
              if (cells.getChar(centre) != 0 || cells.remaining() != 2 * rows * cols) {
                blobCells.incrementAndGet();
              }
            });
    reader = pbu;
    emulator = pressureBeltEmulator(1);
    assertThat(pbu.link().open()).isEqualTo(CommandResult.OK);
    pbu.link().startReaderThread();
    assertThat(pbu.link().setRate(300)).isEqualTo(CommandResult.OK);
    assertThat(pbu.link().start()).isEqualTo(CommandResult.OK);
    awaitTrue(() -> window.afterWindow.get() > 0);
    assertThat(pbu.link().stop()).isEqualTo(CommandResult.OK);

    SerialLinkCounters counters = pbu.link().counters();
    assertThat(emulator.device().droppedTotal()).as("frames the emulator could not send").isZero();
    assertThat(counters.sequenceGaps()).as(counters.toString()).isZero();
    assertThat(counters.crcErrors()).as(counters.toString()).isZero();
    assertThat(counters.badHeaders()).as(counters.toString()).isZero();
    assertThat(counters.malformedPayloads()).as(counters.toString()).isZero();
    assertThat(window.inWindow.get()).as("frames in 10 s of device time").isBetween(2970L, 3030L);
    assertThat(blobCells.get()).as("frames with the blob at the front edge").isPositive();
    assertThat(pbu.link().deviceInfo()).get().extracting(DeviceInfo::rows).isEqualTo(128);
  }

  @Tag("soak")
  @Test
  void shouldStreamLoadSamplesAt1kHzWithoutLoss() throws Exception {
    WindowCounter window = new WindowCounter(TimeUnit.SECONDS.toMicros(5));
    LoadCellReader lca =
        new LoadCellReader(
            "lca",
            hostTransport(),
            NanoClock.SYSTEM,
            COMMAND_TIMEOUT_MS,
            (arrivalNs, seq, deviceTimeUs, forceCn, flags) -> window.onSample(deviceTimeUs));
    reader = lca;
    emulator = loadCellEmulator();
    assertThat(lca.link().open()).isEqualTo(CommandResult.OK);
    lca.link().startReaderThread();
    assertThat(lca.link().start()).isEqualTo(CommandResult.OK);
    awaitTrue(() -> window.afterWindow.get() > 0);
    assertThat(lca.link().stop()).isEqualTo(CommandResult.OK);

    SerialLinkCounters counters = lca.link().counters();
    assertThat(emulator.device().droppedTotal()).isZero();
    assertThat(counters.sequenceGaps()).as(counters.toString()).isZero();
    assertThat(counters.crcErrors()).as(counters.toString()).isZero();
    assertThat(window.inWindow.get()).as("samples in 5 s of device time").isBetween(4950L, 5050L);
    assertThat(lca.link().deviceInfo()).get().extracting(DeviceInfo::kind).isEqualTo(2);
  }

  @Test
  void shouldAnswerGetInfoSetRateAndUnknownCommandsAndTimeOutWhenTheDeviceGoesDeaf()
      throws Exception {
    PressureBeltReader pbu = pressureBeltReader();
    emulator = pressureBeltEmulator(2);
    pbu.link().startReaderThread();
    assertThat(pbu.link().open()).isEqualTo(CommandResult.OK);

    InfoReply info = pbu.link().requestInfo();
    assertThat(info.result()).isEqualTo(CommandResult.OK);
    assertThat(info.info()).get().extracting(DeviceInfo::belts).isEqualTo(2);
    assertThat(info.info()).get().extracting(DeviceInfo::cols).isEqualTo(28);

    assertThat(pbu.link().setRate(5))
        .as("below the device's range")
        .isEqualTo(CommandResult.REJECTED);
    assertThat(pbu.link().command(0x42, -1))
        .as("unknown command")
        .isEqualTo(CommandResult.REJECTED);
    assertThat(pbu.link().counters().commandRejections()).isEqualTo(2);
    assertThat(pbu.zero()).isEqualTo(CommandResult.OK);
    assertThat(pbu.zero()).as("busy while zeroing").isEqualTo(CommandResult.REJECTED);
    awaitTrue(() -> pbu.link().status().tareInProgress());

    emulator.faults().ignoreCommands(true);
    assertThat(pbu.link().stop()).isEqualTo(CommandResult.TIMEOUT);
    assertThat(pbu.link().counters().commandTimeouts()).isEqualTo(1);
    emulator.faults().ignoreCommands(false);
    assertThat(pbu.link().stop()).isEqualTo(CommandResult.OK);
  }

  @Test
  void shouldCountCorruptedAndDroppedFramesAndShowAStalledStreamAsStale() throws Exception {
    PressureBeltReader pbu = pressureBeltReader();
    emulator = pressureBeltEmulator(2);
    assertThat(pbu.link().open()).isEqualTo(CommandResult.OK);
    pbu.link().startReaderThread();
    assertThat(pbu.link().start()).isEqualTo(CommandResult.OK);
    SerialLinkCounters counters = pbu.link().counters();
    awaitTrue(() -> counters.samples() >= 100);

    emulator.faults().corruptCrcOfNext(5);
    awaitTrue(() -> counters.crcErrors() == 5);
    // A corrupted frame is a lost frame too: its gap shows when the belt's next frame arrives.
    long afterCorruption = counters.samples();
    awaitTrue(() -> counters.samples() > afterCorruption + 4);
    assertThat(counters.sequenceGaps()).isBetween(1L, 5L);
    long gapsBefore = counters.sequenceGaps();
    emulator.faults().dropNextFrames(3);
    awaitTrue(() -> counters.sequenceGaps() >= gapsBefore + 2 * 3);
    assertThat(counters.sequenceGaps()).isEqualTo(gapsBefore + 2 * 3);

    emulator.faults().stopStreaming();
    awaitTrue(() -> pbu.link().sampleAgeNs(System.nanoTime()) > TimeUnit.MILLISECONDS.toNanos(500));
    long samples = counters.samples();
    Thread.sleep(300);
    assertThat(counters.samples()).as("no samples while stalled").isEqualTo(samples);
    assertThat(pbu.frameAgeNs(1, System.nanoTime()))
        .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(pbu.link().status().streaming()).as("the device still says it streams").isTrue();

    emulator.faults().resumeStreaming();
    awaitTrue(() -> counters.samples() > samples + 20);
    assertThat(counters.sequenceGaps()).isEqualTo(gapsBefore + 6);
    assertThat(counters.badHeaders()).isZero();
  }

  @Test
  void shouldReportALostPortAndReopenIt() throws Exception {
    PressureBeltReader pbu = pressureBeltReader();
    emulator = pressureBeltEmulator(1);
    assertThat(pbu.link().open()).isEqualTo(CommandResult.OK);
    pbu.link().startReaderThread();
    assertThat(pbu.link().start()).isEqualTo(CommandResult.OK);
    awaitTrue(() -> pbu.link().counters().samples() > 10);

    pair.close();
    awaitTrue(() -> pbu.link().state() == LinkState.LOST);
    assertThat(pbu.link().counters().portLosses()).isEqualTo(1);
    assertThat(pbu.link().start()).isEqualTo(CommandResult.NOT_CONNECTED);
    emulator.close();

    pair =
        PseudoTerminalPair.open(pair.hostEnd(), pair.deviceEnd(), java.time.Duration.ofSeconds(5));
    emulator = pressureBeltEmulator(1);
    assertThat(pbu.link().open()).isEqualTo(CommandResult.OK);
    assertThat(pbu.link().start()).isEqualTo(CommandResult.OK);
    long samples = pbu.link().counters().samples();
    awaitTrue(() -> pbu.link().counters().samples() > samples + 10);
    assertThat(pbu.link().state()).isEqualTo(LinkState.OPEN);
  }

  private PressureBeltReader pressureBeltReader() {
    PressureBeltReader pbu =
        new PressureBeltReader(
            "pbu",
            hostTransport(),
            NanoClock.SYSTEM,
            COMMAND_TIMEOUT_MS,
            PressureBeltReader.DEFAULT_MAX_PAYLOAD_LENGTH,
            (arrivalNs, seq, deviceTimeUs, belt, rows, cols, cells) -> {});
    reader = pbu;
    return pbu;
  }

  private SerialDeviceEmulator pressureBeltEmulator(int belts) throws IOException {
    return SerialDeviceEmulator.pressureBelt(
        pair.deviceEnd().toString(),
        new MovingBlobSource(belts, 128, belts == 1 ? 56 : 28),
        PressureBeltDevice.Settings.defaults(),
        NanoClock.SYSTEM);
  }

  private SerialDeviceEmulator loadCellEmulator() throws IOException {
    return SerialDeviceEmulator.loadCell(
        pair.deviceEnd().toString(),
        new SineLoadSource(),
        LoadCellDevice.Settings.defaults(),
        NanoClock.SYSTEM);
  }

  private JSerialCommTransport hostTransport() {
    return new JSerialCommTransport(pair.hostEnd().toString(), 921_600, 100, 1000);
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition not met in time").isNegative();
      Thread.sleep(5);
    }
  }
}
