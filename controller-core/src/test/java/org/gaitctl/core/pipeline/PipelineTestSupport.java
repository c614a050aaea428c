package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.time.NanoClock;

/** Helpers shared by the pipeline tests. */
final class PipelineTestSupport {

  /** Generous bound for the ring to catch up; a correctness guard, not a speed assertion. */
  static final long DRAIN_TIMEOUT_MS = 20_000;

  private PipelineTestSupport() {}

  static PipelineSettings settings(StageThreading threading) {
    return PipelineSettings.defaults(WalkFrames.GRID).withThreading(threading).withRingSize(256);
  }

  static Pipeline assemble(PipelineSettings settings) {
    return assemble(settings, NanoClock.SYSTEM);
  }

  /** A pipeline whose stages stamp with {@code clock}: a test injects ring-thread faults there. */
  static Pipeline assemble(PipelineSettings settings, NanoClock clock) {
    return PipelineAssembly.assemble(settings, clock, GaitSettings.defaults(), WalkFrames.GRID);
  }

  /** Whether the calling thread is one of the pipeline's ring threads. */
  static boolean onRingThread() {
    return Thread.currentThread().getName().startsWith("gaitctl-ring-");
  }

  /**
   * Publishes {@code frames} frames of the walk with arrival times of a walk that has just happened
   * (so latencies stay positive), waiting whenever the ring is half full.
   */
  static void publishWalk(Pipeline pipeline, WalkFrames walk, int frames) {
    long startNs = System.nanoTime() - frames * WalkFrames.FRAME_PERIOD_NS;
    for (int i = 0; i < frames; i++) {
      walk.publish(pipeline.publisher(), i, startNs + i * WalkFrames.FRAME_PERIOD_NS);
      if (pipeline.counters().ringBacklog() > pipeline.counters().ringSize() / 2) {
        awaitDrained(pipeline);
      }
    }
  }

  /** Waits until every published event has passed every stage. */
  static void awaitDrained(Pipeline pipeline) {
    long deadlineNs = System.nanoTime() + DRAIN_TIMEOUT_MS * 1_000_000;
    while (!pipeline.drained() && System.nanoTime() - deadlineNs < 0) {
      Thread.onSpinWait();
      Thread.yield();
    }
    assertThat(pipeline.drained()).as("ring drained within %d ms", DRAIN_TIMEOUT_MS).isTrue();
  }
}
