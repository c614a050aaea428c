package org.gaitctl.bench;

import java.nio.ByteBuffer;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.RingPublisher;
import org.gaitctl.core.pipeline.StageThreading;
import org.gaitctl.core.pipeline.WaitStrategyKind;

/**
 * Drives the Disruptor pipeline with the reference load as fast as it goes: the offline throughput
 * harness. Publishing waits (spins) only when the ring is nearly full, so nothing is dropped.
 */
public final class RingDriver implements AutoCloseable, ReferenceLoad.Sink {

  private final ReferenceLoad load;
  private final Pipeline pipeline;
  private final RingPublisher publisher;
  private final long highWaterMark;
  private long simulatedSecond;

  public RingDriver(ReferenceLoad load, StageThreading threading, WaitStrategyKind waitStrategy) {
    this.load = load;
    this.pipeline = ReferenceLoad.pipeline(threading, waitStrategy);
    this.publisher = pipeline.publisher();
    this.highWaterMark = pipeline.settings().ringSize() - 64L;
    pipeline.start();
  }

  /** Pushes one simulated second of the reference load and waits until every stage is done. */
  public void runSimulatedSecond() {
    load.emitSecond(this, simulatedSecond++ * 1_000_000_000L);
    while (!pipeline.drained()) {
      Thread.onSpinWait();
    }
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public long steps() {
    return pipeline.counters().get(PipelineCounter.STEPS);
  }

  @Override
  public void frame(long arrivalNs, long seq, long deviceTimeUs, ByteBuffer cells) {
    awaitRoom();
    publisher.onPressureFrame(
        arrivalNs,
        seq,
        deviceTimeUs,
        0,
        ReferenceLoad.GEOMETRY.rows(),
        ReferenceLoad.GEOMETRY.cols(),
        cells);
  }

  @Override
  public void loadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn) {
    awaitRoom();
    publisher.onLoadSample(arrivalNs, seq, deviceTimeUs, forceCn, 0);
  }

  private void awaitRoom() {
    while (pipeline.counters().ringBacklog() >= highWaterMark) {
      Thread.onSpinWait();
    }
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
