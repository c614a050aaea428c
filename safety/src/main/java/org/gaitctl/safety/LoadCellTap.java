package org.gaitctl.safety;

import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.LoadSampleSink;
import org.gaitctl.core.time.ArrivalTime;

/**
 * Keeps the latest harness load-cell sample for the supervisor. The integrator passes every sample
 * of the load-cell reader to it as well as to the pipeline (a tee of two {@link LoadSampleSink}s).
 *
 * <p>{@link #onLoadSample} is called on the reader's thread; it neither blocks nor allocates. The
 * getters are called on the supervisor's thread. Force and flags are packed into one volatile word
 * so a reader never sees the force of one sample with the flags of another.
 */
public final class LoadCellTap implements LoadSampleSink, LoadCellInput {

  private volatile long forceAndFlags;
  private volatile long lastArrivalNs = ArrivalTime.NONE;

  @Override
  public void onLoadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn, int flags) {
    forceAndFlags = ((long) forceCn << 32) | (flags & 0xFFFFL);
    lastArrivalNs = arrivalNs;
  }

  @Override
  public long lastArrivalNs() {
    return lastArrivalNs;
  }

  @Override
  public double harnessLoadN() {
    return Centinewtons.toNewtons((int) (forceAndFlags >> 32));
  }

  @Override
  public int flags() {
    return (int) (forceAndFlags & 0xFFFFL);
  }
}
