package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.config.BeltGeometry;

/** Helpers shared by the pipeline tests. */
final class PipelineTestSupport {

  /** Generous bound for the ring to catch up; a correctness guard, not a speed assertion. */
  static final long DRAIN_TIMEOUT_MS = 20_000;

  private PipelineTestSupport() {}

  static PipelineSettings settings(StageThreading threading) {
    return PipelineSettings.defaults(BeltGeometry.singleBelt())
        .withThreading(threading)
        .withRingSize(256);
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
