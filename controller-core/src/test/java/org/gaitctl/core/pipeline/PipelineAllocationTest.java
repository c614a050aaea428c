package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.core.pipeline.PipelineTestSupport.awaitDrained;
import static org.gaitctl.core.pipeline.PipelineTestSupport.settings;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero allocation on the hot path is a test: after warm-up, the reference mix of pressure frames
 * and load samples passes through the ring while the bytes allocated by every ring thread and by
 * the producing thread (publishing only, not the test's own bookkeeping) are measured.
 */
class PipelineAllocationTest {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineAllocationTest.class);

  /** Reference load: 300 frames and 1000 load samples per second, so 10 frames per 33 samples. */
  private static final int FRAMES_PER_ROUND = 10;

  private static final int LOAD_SAMPLES_PER_ROUND = 33;
  private static final int WARM_UP_ROUNDS = 600;
  private static final int MEASURED_ROUNDS = 250;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final SyntheticWalk walk = new SyntheticWalk();
  private long frameIndex;
  private long sampleIndex;

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldAllocateNoBytesPerEventOnRingThreadsAfterWarmUp(StageThreading threading) {
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading).withRingSize(1024),
            NanoClock.SYSTEM,
            FixtureGaitStages.create(),
            StepListener.NONE)) {
      pipeline.start();
      push(pipeline, WARM_UP_ROUNDS);
      awaitDrained(pipeline);
      List<Thread> ringThreads = pipeline.ringThreads();
      assertThat(ringThreads).hasSize(threading.threads());

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
      long gcDuring = gcCount() - gcBefore;
      long events = pipeline.counters().eventsPublished() - eventsBefore;
      long steps = pipeline.counters().get(PipelineCounter.STEPS) - stepsBefore;
      assertThat(events).isGreaterThanOrEqualTo(10_000);
      assertThat(steps).as("steps completed while measured").isPositive();
      assertThat(pipeline.faults().raised()).isFalse();
      // The producer here is the test's own thread: a rare JIT deoptimisation of its loop can
      // materialise a few hundred bytes once, so it must stay below one byte per event; the ring
      // threads must allocate nothing at all.
      assertThat(producerBytes)
          .as("bytes allocated by the producer publishing %d events", events)
          .isLessThan(events);
      for (int i = 0; i < threadIds.length; i++) {
        String name = ringThreads.get(i).getName();
        long bytes = bytesAfter[i] - bytesBefore[i];
        LOG.info(
            "{} {}: {} bytes over {} events ({} steps), {} GCs",
            threading,
            name,
            bytes,
            events,
            steps,
            gcDuring);
        assertThat(bytes)
            .as("bytes allocated by %s over %d events (%d GCs meanwhile)", name, events, gcDuring)
            .isZero();
      }
    }
  }

  private void push(Pipeline pipeline, int rounds) {
    RingPublisher publisher = pipeline.publisher();
    int halfRing = pipeline.counters().ringSize() / 2;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < LOAD_SAMPLES_PER_ROUND; i++) {
        long n = sampleIndex++;
        publisher.onLoadSample(System.nanoTime(), n, n * 1_000, 30_000 + (int) (n % 500), 0);
        if (i % 3 == 0 && i / 3 < FRAMES_PER_ROUND) {
          long f = frameIndex++;
          publisher.onPressureFrame(System.nanoTime(), f, f * 3_333, 0, 128, 56, walk.frameAt(f));
        }
      }
      while (pipeline.counters().ringBacklog() > halfRing) {
        Thread.onSpinWait();
      }
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
