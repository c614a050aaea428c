package org.gaitctl.core.pipeline;

import java.util.Objects;
import org.gaitctl.core.contact.PressureGrid;

/**
 * Configuration of the ring, validated when the record is built: a bad value fails before any
 * thread starts, with a message naming the field.
 *
 * @param ringSize slots in the ring; a power of two, 16 – 65536
 * @param waitStrategy how idle ring threads wait
 * @param threading how stages are spread over threads
 * @param maxBelts belts the pressure unit may send (1 or 2)
 * @param maxFrameCells cells of the largest frame a slot must hold (one belt's rows × cols)
 * @param loadFilterCutoffHz cutoff of the measured-unloading low-pass filter, Hz (0 – 500]
 * @param loadMaxGapNs a load-sample gap longer than this restarts the filter, ns
 * @param latencyHighestTrackableNs latencies above this are clamped in the histograms, ns
 */
public record PipelineSettings(
    int ringSize,
    WaitStrategyKind waitStrategy,
    StageThreading threading,
    int maxBelts,
    int maxFrameCells,
    double loadFilterCutoffHz,
    long loadMaxGapNs,
    long latencyHighestTrackableNs) {

  public static final int MIN_RING_SIZE = 16;
  public static final int MAX_RING_SIZE = 65536;

  /** Largest frame a slot may be sized for: 2 belts × 256 × 256 cells. */
  public static final int MAX_FRAME_CELLS = 2 * 256 * 256;

  public PipelineSettings {
    Objects.requireNonNull(waitStrategy, "pipeline.waitStrategy must be set");
    Objects.requireNonNull(threading, "pipeline.threading must be set");
    require(
        ringSize >= MIN_RING_SIZE && ringSize <= MAX_RING_SIZE && Integer.bitCount(ringSize) == 1,
        "pipeline.ringSize must be a power of two in ["
            + MIN_RING_SIZE
            + ", "
            + MAX_RING_SIZE
            + "], was "
            + ringSize);
    require(maxBelts == 1 || maxBelts == 2, "pipeline.maxBelts must be 1 or 2, was " + maxBelts);
    require(
        maxFrameCells > 0 && maxFrameCells <= MAX_FRAME_CELLS,
        "pipeline.maxFrameCells must be in [1, " + MAX_FRAME_CELLS + "], was " + maxFrameCells);
    require(
        loadFilterCutoffHz > 0 && loadFilterCutoffHz <= 500,
        "pipeline.loadFilterCutoffHz must be in (0, 500], was " + loadFilterCutoffHz);
    require(loadMaxGapNs > 0, "pipeline.loadMaxGapNs must be > 0, was " + loadMaxGapNs);
    require(
        latencyHighestTrackableNs >= 1_000_000,
        "pipeline.latencyHighestTrackableNs must be >= 1 ms, was " + latencyHighestTrackableNs);
  }

  /**
   * Defaults for the belt {@code grid}: 4096 slots (about 3 s of the reference load: in a session's
   * first seconds the stages still run uncompiled code and a 1024-slot ring was seen full),
   * blocking wait, every stage on one thread, 20 Hz unloading filter, 50 ms load gap, 10 s
   * histogram range. One blocking thread measured best on the shared 2-core machine
   * (docs/PERFORMANCE.md); use {@link StageThreading#THREAD_PER_STAGE} where cores are free.
   */
  public static PipelineSettings defaults(PressureGrid grid) {
    return new PipelineSettings(
        4096,
        WaitStrategyKind.BLOCKING,
        StageThreading.SINGLE_THREAD,
        grid.belts(),
        grid.cellsPerBelt(),
        20.0,
        50_000_000L,
        10_000_000_000L);
  }

  public PipelineSettings withRingSize(int newRingSize) {
    return new PipelineSettings(
        newRingSize,
        waitStrategy,
        threading,
        maxBelts,
        maxFrameCells,
        loadFilterCutoffHz,
        loadMaxGapNs,
        latencyHighestTrackableNs);
  }

  public PipelineSettings withWaitStrategy(WaitStrategyKind newWaitStrategy) {
    return new PipelineSettings(
        ringSize,
        newWaitStrategy,
        threading,
        maxBelts,
        maxFrameCells,
        loadFilterCutoffHz,
        loadMaxGapNs,
        latencyHighestTrackableNs);
  }

  public PipelineSettings withThreading(StageThreading newThreading) {
    return new PipelineSettings(
        ringSize,
        waitStrategy,
        newThreading,
        maxBelts,
        maxFrameCells,
        loadFilterCutoffHz,
        loadMaxGapNs,
        latencyHighestTrackableNs);
  }

  /**
   * Checks that a slot holds every frame of {@code grid}.
   *
   * @throws IllegalArgumentException naming the field that is too small
   */
  public void checkGrid(PressureGrid grid) {
    require(
        grid.belts() <= maxBelts,
        "pipeline.maxBelts " + maxBelts + " is less than the belt's " + grid.belts() + " belts");
    require(
        grid.cellsPerBelt() <= maxFrameCells,
        "pipeline.maxFrameCells "
            + maxFrameCells
            + " is less than the belt's "
            + grid.rows()
            + " x "
            + grid.cols()
            + " cells");
  }

  /**
   * Checks the settings against the machine: a spinning wait strategy with more ring threads than
   * spare cores would starve the device readers, so it is refused.
   *
   * @throws IllegalArgumentException naming the fields in conflict
   */
  public void checkMachine(int availableProcessors) {
    if (waitStrategy.needsDedicatedCore() && threading.threads() >= availableProcessors) {
      throw new IllegalArgumentException(
          "pipeline.waitStrategy "
              + waitStrategy
              + " needs a core per ring thread plus one for the readers, but pipeline.threading "
              + threading
              + " starts "
              + threading.threads()
              + " threads on "
              + availableProcessors
              + " cores");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
