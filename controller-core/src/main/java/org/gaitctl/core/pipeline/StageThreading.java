package org.gaitctl.core.pipeline;

/**
 * How the stages are spread over ring threads. The stage graph is the same in every mode; only the
 * number of threads differs (see {@link PipelineAssembly}).
 */
public enum StageThreading {
  /** One thread per stage: 6 threads, most parallel, most wake-ups per event. */
  THREAD_PER_STAGE(6),
  /**
   * One thread per branch of the graph: safety monitor; load cell; foot contact → gait events →
   * steps → step publication; snapshot. 4 threads; frame analysis does not delay a load sample.
   */
  THREAD_PER_BRANCH(4),
  /** Every stage on one thread, load cell first: fewest wake-ups, for small machines. */
  SINGLE_THREAD(1);

  private final int threads;

  StageThreading(int threads) {
    this.threads = threads;
  }

  /** Ring threads this mode starts. */
  public int threads() {
    return threads;
  }
}
