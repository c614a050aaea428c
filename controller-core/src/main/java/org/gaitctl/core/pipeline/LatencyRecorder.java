package org.gaitctl.core.pipeline;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency probe: written by exactly one ring thread, read as interval histograms by any other
 * thread without stopping the writer (HdrHistogram {@link SingleWriterRecorder}).
 *
 * <p>Pre-sized: values from 1 ns to {@link #highestTrackableNs()} at 3 significant digits, so
 * recording never resizes or allocates. Larger values are clamped to the highest trackable value
 * and counted in {@link #clampedCount()}; negative values (a clock that went backwards) record as
 * 0.
 */
public final class LatencyRecorder {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final long highestTrackableNs;
  private final SingleWriterRecorder recorder;
  private volatile long clampedCount;

  LatencyRecorder(String name, long highestTrackableNs) {
    this.name = name;
    this.highestTrackableNs = highestTrackableNs;
    this.recorder = new SingleWriterRecorder(highestTrackableNs, SIGNIFICANT_DIGITS);
  }

  public String name() {
    return name;
  }

  public long highestTrackableNs() {
    return highestTrackableNs;
  }

  /** Values larger than {@link #highestTrackableNs()} recorded so far. */
  public long clampedCount() {
    return clampedCount;
  }

  /** Records one latency; the single writer thread only; allocation-free. */
  void record(long latencyNs) {
    long value = latencyNs;
    if (value < 0) {
      value = 0;
    } else if (value > highestTrackableNs) {
      value = highestTrackableNs;
      clampedCount = clampedCount + 1;
    }
    recorder.recordValue(value);
  }

  /**
   * The values recorded since the previous call, in {@code recycle} when given (pass back the
   * histogram this returned last time to avoid allocating). Any thread except the writer; may
   * briefly wait for an in-flight record to finish.
   */
  public Histogram intervalHistogram(Histogram recycle) {
    return recorder.getIntervalHistogram(recycle);
  }

  /** An empty histogram with this probe's range and precision, for accumulating intervals. */
  public Histogram newAccumulator() {
    return new Histogram(highestTrackableNs, SIGNIFICANT_DIGITS);
  }
}
