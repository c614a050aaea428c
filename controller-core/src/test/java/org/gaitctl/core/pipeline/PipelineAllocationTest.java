package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.core.pipeline.PipelineTestSupport.awaitDrained;
import static org.gaitctl.core.pipeline.PipelineTestSupport.settings;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalOptions;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero allocation on the hot path is a test: after warm-up, the reference mix of pressure frames (a
 * steady walk through the real gait analysis), load samples and drive and BWS status reads passes
 * through the ring while the bytes allocated by every ring thread and by the producing thread
 * (publishing only, not the test's own bookkeeping) are measured. With the session journal on, its
 * stage copies every event into the writer's hand-off buffer on the ring thread (the writer thread
 * is not a ring thread; it may allocate).
 */
class PipelineAllocationTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineAllocationTest.class);

  /** Reference load: 300 frames and 1000 load samples per second, so 10 frames per 33 samples. */
  private static final int FRAMES_PER_ROUND = 10;

  private static final int LOAD_SAMPLES_PER_ROUND = 33;
  private static final int WARM_UP_ROUNDS = 600;
  private static final int MEASURED_ROUNDS = 250;
  private static final int MAX_WINDOWS = 3;

  /** Virtual start of the walk, far enough in the past that no arrival lies in the future. */
  private static final long START_NS = System.nanoTime() - 3_600_000_000_000L;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final WalkFrames walk = new WalkFrames();

  /** The pollers' reads, made once: a poller allocates its status, the publisher must not. */
  private final DriveStatus driveRead =
      new DriveStatus(CommandResult.OK, true, false, false, false, false, true, false, 1, 1, 0, 0);

  private final BwsStatus bwsRead =
      new BwsStatus(CommandResult.OK, true, false, true, false, false, false, 250, 0.5, 0);
  private final StepSubscription.StepConsumer ignoreSteps = (step, symmetry, arrivalNs) -> {};
  private StepSubscription drained;
  private long frameIndex;
  private long sampleIndex;

  @TempDir Path dir;

  static Stream<Arguments> threadingAndJournal() {
    return Stream.of(StageThreading.values())
        .flatMap(
            threading -> Stream.of(Arguments.of(threading, false), Arguments.of(threading, true)));
  }

  @ParameterizedTest(name = "{0}, journal {1}")
  @MethodSource("threadingAndJournal")
  void shouldAllocateNoBytesPerEventOnRingThreadsAfterWarmUp(
      StageThreading threading, boolean journalOn) throws IOException {
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    try (Journal journal = journalOn ? journal() : null;
        Pipeline pipeline = assemble(settings(threading).withRingSize(1024), journal)) {
      // One subscriber drained every round (steps copied) and one never drained (steps dropped).
      drained = pipeline.steps().subscribe("drained", 16);
      StepSubscription neverDrained = pipeline.steps().subscribe("never drained", 4);
      pipeline.start();
      push(pipeline, WARM_UP_ROUNDS);
      awaitDrained(pipeline);
      List<Thread> ringThreads = pipeline.ringThreads();
      assertThat(ringThreads).hasSize(threading.threads());

      // A one-off allocation by the JIT (deoptimisation materialising an object) may still land
      // in the first window on a busy machine; a steady-state allocation lands in every window.
      List<Window> windows = new ArrayList<>();
      Window window;
      do {
        window = measure(pipeline, ringThreads);
        windows.add(window);
        LOG.info("{}: {}", threading, window);
      } while (!window.allocationFree() && windows.size() < MAX_WINDOWS);

      assertThat(window.events()).isGreaterThanOrEqualTo(10_000);
      assertThat(window.steps()).as("steps completed while measured").isPositive();
      assertThat(neverDrained.dropped()).isPositive();
      SignalHistories histories = pipeline.signalHistories();
      for (ChartSignal signal : ChartSignal.values()) {
        assertThat(histories.history(signal).written()).as("%s charted", signal).isPositive();
      }
      assertThat(pipeline.heatMap(0).latest().rows()).isEqualTo(WalkFrames.GRID.rows());
      assertThat(pipeline.faults().raised()).isFalse();
      if (journal != null) {
        assertThat(journal.counters().ringRecordsLost()).as("records lost").isZero();
      }
      assertThat(window.allocationFree())
          .as(
              "a window of %d events with no byte allocated on any ring thread: %s",
              10_000, windows)
          .isTrue();
    }
  }

  /**
   * A journal with raw frames, its buffer large enough for a window pushed faster than real time.
   */
  private Journal journal() throws IOException {
    Journal journal =
        Journal.create(
            dir.resolve(Journal.FILE_NAME),
            new JournalOptions(true, WalkFrames.GRID.cellsPerBelt(), 64 << 20, 1 << 16),
            new JournalMetadata("test", "", "", "", 70, Instant.EPOCH),
            NanoClock.SYSTEM);
    journal.start();
    return journal;
  }

  private static Pipeline assemble(PipelineSettings settings, Journal journal) {
    return journal == null
        ? PipelineTestSupport.assemble(settings)
        : PipelineAssembly.assemble(
            settings,
            NanoClock.SYSTEM,
            GaitSettings.defaults(),
            WalkFrames.GRID,
            CopListener.NONE,
            journal.stage());
  }

  private Window measure(Pipeline pipeline, List<Thread> ringThreads) {
    long[] threadIds = new long[ringThreads.size()];
    for (int i = 0; i < ringThreads.size(); i++) {
      threadIds[i] = ringThreads.get(i).getId();
    }
    long eventsBefore = pipeline.counters().eventsPublished();
    long stepsBefore = pipeline.counters().get(PipelineCounter.STEPS);
    long gcBefore = gcCount();
    long[] bytesBefore = threads.getThreadAllocatedBytes(threadIds);
    long producerBytesBefore = threads.getCurrentThreadAllocatedBytes();

    push(pipeline, MEASURED_ROUNDS);
    long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBytesBefore;
    awaitDrained(pipeline);

    long[] bytesAfter = threads.getThreadAllocatedBytes(threadIds);
    Map<String, Long> ringThreadBytes = new LinkedHashMap<>();
    for (int i = 0; i < threadIds.length; i++) {
      ringThreadBytes.put(ringThreads.get(i).getName(), bytesAfter[i] - bytesBefore[i]);
    }
    return new Window(
        pipeline.counters().eventsPublished() - eventsBefore,
        pipeline.counters().get(PipelineCounter.STEPS) - stepsBefore,
        gcCount() - gcBefore,
        ringThreadBytes,
        producerBytes);
  }

  /**
   * One measured window. The producer is the test's own thread, whose loop a JIT deoptimisation can
   * make allocate a few hundred bytes once, so it must stay below one byte per event; the ring
   * threads must allocate nothing at all.
   */
  private record Window(
      long events, long steps, long gcs, Map<String, Long> ringThreadBytes, long producerBytes) {

    boolean allocationFree() {
      return ringThreadBytes.values().stream().allMatch(bytes -> bytes == 0)
          && producerBytes < events;
    }
  }

  /**
   * Publishes {@code rounds} rounds of the reference mix as fast as the ring takes them, with
   * arrival times on the reference schedule (1 ms per load sample, 3.33 ms per frame) so that the
   * gait analysis sees a walk at its real pace.
   */
  private void push(Pipeline pipeline, int rounds) {
    RingPublisher publisher = pipeline.publisher();
    int halfRing = pipeline.counters().ringSize() / 2;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < LOAD_SAMPLES_PER_ROUND; i++) {
        long n = sampleIndex++;
        publisher.onLoadSample(START_NS + n * 1_000_000, n, n * 1_000, 30_000 + (int) (n % 500), 0);
        if (i % 3 == 0 && i / 3 < FRAMES_PER_ROUND) {
          long f = frameIndex++;
          walk.publish(publisher, f, START_NS + f * WalkFrames.FRAME_PERIOD_NS);
        }
      }
      long statusReadNs = START_NS + sampleIndex * 1_000_000;
      publisher.publishDriveStatus(statusReadNs, driveRead);
      publisher.publishBwsStatus(statusReadNs, bwsRead);
      while (pipeline.counters().ringBacklog() > halfRing) {
        Thread.onSpinWait();
      }
      drained.drain(ignoreSteps);
    }
  }

  private static long gcCount() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
    }
    return count;
  }
}
