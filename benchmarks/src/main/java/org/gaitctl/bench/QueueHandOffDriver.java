package org.gaitctl.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.RingEvent;
import org.gaitctl.core.pipeline.RingTranslators;
import org.gaitctl.core.pipeline.StageSequence;
import org.gaitctl.core.time.NanoClock;

/**
 * The baseline: the same stages ({@link StageSequence}) fed through an {@link ArrayBlockingQueue}
 * hand-off instead of the ring. Events come from a pool of the same preallocated slots, returned
 * through a second queue, so neither side allocates per event and the comparison is the hand-off
 * alone: locks and condition signalling against sequence barriers.
 */
public final class QueueHandOffDriver implements AutoCloseable, ReferenceLoad.Sink {

  private final ReferenceLoad load;
  private final StageSequence stages;
  private final ArrayBlockingQueue<RingEvent> free;
  private final ArrayBlockingQueue<RingEvent> full;
  private final Thread consumer;
  private volatile boolean running = true;
  private volatile long consumed;
  private long produced;
  private long simulatedSecond;

  public QueueHandOffDriver(ReferenceLoad load, int slots) {
    this.load = load;
    PipelineSettings settings = PipelineSettings.defaults(ReferenceLoad.GRID);
    this.stages =
        PipelineAssembly.sequence(
            settings, NanoClock.SYSTEM, GaitSettings.defaults(), ReferenceLoad.GRID);
    this.free = new ArrayBlockingQueue<>(slots);
    this.full = new ArrayBlockingQueue<>(slots);
    for (int i = 0; i < slots; i++) {
      free.add(new RingEvent(settings.maxFrameCells()));
    }
    this.consumer = new Thread(this::consume, "queue-hand-off-consumer");
    consumer.setDaemon(true);
    consumer.start();
  }

  /** Pushes one simulated second of the reference load and waits until every stage is done. */
  public void runSimulatedSecond() {
    load.emitSecond(this, simulatedSecond++ * 1_000_000_000L);
    while (consumed != produced) {
      Thread.onSpinWait();
    }
  }

  public long steps() {
    return stages.counters().get(PipelineCounter.STEPS);
  }

  @Override
  public void frame(long arrivalNs, long seq, long deviceTimeUs, ByteBuffer cells) {
    RingEvent event = takeFree();
    RingTranslators.pressureFrame(
        event,
        arrivalNs,
        seq,
        deviceTimeUs,
        0,
        ReferenceLoad.GEOMETRY.rows(),
        ReferenceLoad.GEOMETRY.cols(),
        cells);
    hand(event);
  }

  @Override
  public void loadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn) {
    RingEvent event = takeFree();
    RingTranslators.loadSample(event, arrivalNs, seq, deviceTimeUs, forceCn, 0);
    hand(event);
  }

  private RingEvent takeFree() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a free slot", e);
    }
  }

  private void hand(RingEvent event) {
    try {
      full.put(event);
      produced++;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over an event", e);
    }
  }

  private void consume() {
    long sequence = 0;
    while (running) {
      RingEvent event;
      try {
        event = full.take();
      } catch (InterruptedException e) {
        // close() interrupts to stop; running is false by then.
        continue;
      }
      stages.process(event, sequence++);
      consumed = sequence;
      free.add(event);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.interrupt();
    try {
      consumer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
