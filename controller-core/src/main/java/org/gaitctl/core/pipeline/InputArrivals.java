package org.gaitctl.core.pipeline;

import java.util.concurrent.atomic.AtomicLongArray;
import org.gaitctl.core.time.ArrivalTime;

/**
 * When each input of the ring last arrived and how many arrived: what the safety supervisor checks
 * for a silent sensor or device, per input (each pressure belt on its own, so a silent right belt
 * is seen while the left one streams). Written by the safety-monitor stage only; read by any thread
 * without locks.
 *
 * <p>Every input starts at {@link ArrivalTime#NONE}: "nothing arrived yet" is told apart from an
 * arrival at any clock value, including 0. The supervisor tests for it, then compares {@code nowNs
 * - lastArrivalNs(input)} with its timeout on its own clock.
 */
public final class InputArrivals {

  private static final int STRIDE = 8;

  private final AtomicLongArray lastArrivalNs = new AtomicLongArray(PipelineInput.COUNT * STRIDE);
  private final AtomicLongArray counts = new AtomicLongArray(PipelineInput.COUNT * STRIDE);

  InputArrivals() {
    for (int i = 0; i < PipelineInput.COUNT; i++) {
      lastArrivalNs.set(i * STRIDE, ArrivalTime.NONE);
    }
  }

  /**
   * Host arrival time of the latest event from {@code input}, ns; {@link ArrivalTime#NONE} before
   * the first.
   */
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
