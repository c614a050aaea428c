package org.gaitctl.core.pipeline;

/**
 * How the stages are spread over ring threads. The stage graph is the same in every mode; only the
 * number of threads differs (see {@link PipelineAssembly}).
 */
public enum StageThreading {
  /**
   * One thread per stage: safety monitor; load cell; gait analysis with step publication; snapshot.
   * 4 threads; frame analysis never delays a load sample's unloading value.
   */
  THREAD_PER_STAGE(4),
  /**
   * Every stage on one thread, in the order safety monitor, load cell, gait analysis, step
   * publication, snapshot: fewest wake-ups, for small machines.
   */
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
