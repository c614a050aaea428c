package org.gaitctl.core.pipeline;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each input of the ring last arrived and how many arrived: what the safety supervisor checks
 * for a silent sensor or device. Written by the safety-monitor stage only; read by any thread
 * without locks.
 *
 * <p>The supervisor compares {@code nowNs - lastArrivalNs(input)} with its timeout on its own
 * clock; it also needs {@link #count} to tell "never arrived" from "arrived long ago".
 */
public final class InputFreshness {

  private static final int STRIDE = 8;

  private final AtomicLongArray lastArrivalNs = new AtomicLongArray(PipelineInput.COUNT * STRIDE);
  private final AtomicLongArray counts = new AtomicLongArray(PipelineInput.COUNT * STRIDE);

  /** Host arrival time of the latest event from {@code input}, ns; 0 before the first. */
  public long lastArrivalNs(PipelineInput input) {
    return lastArrivalNs.get(input.ordinal() * STRIDE);
  }

  /** Events from {@code input} that the safety monitor has seen. */
  public long count(PipelineInput input) {
    return counts.get(input.ordinal() * STRIDE);
  }

  /** Records an arrival; the safety-monitor thread only. */
  void arrived(PipelineInput input, long arrivalNs) {
    int index = input.ordinal() * STRIDE;
    lastArrivalNs.lazySet(index, arrivalNs);
    counts.lazySet(index, counts.get(index) + 1);
  }
}
