package org.gaitctl.core.pipeline;

import java.util.concurrent.atomic.AtomicLongArray;
import org.gaitctl.core.counters.CounterGroup;

/**
 * The pipeline's fixed counters, per-stage progress and maximum stage time. Written by producers
 * and ring threads without locks or allocation; read by any thread (safety supervisor, console,
 * CLI) without touching the ring's hot path.
 *
 * <p>A {@link CounterGroup} named {@code pipeline}, so a counter registry prints it with the links,
 * the pollers and the supervisor.
 *
 * <p>Each counter slot sits on its own cache line so that writers on different threads do not slow
 * each other down.
 */
public final class PipelineCounters implements CounterGroup {

  /** Longs per cache line; counters are spaced by this to avoid false sharing. */
  private static final int STRIDE = 8;

  private final AtomicLongArray counters = new AtomicLongArray(PipelineCounter.COUNT * STRIDE);
  private final AtomicLongArray stageProgress = new AtomicLongArray(StageId.COUNT * STRIDE);
  private final AtomicLongArray maxStageTimeNs = new AtomicLongArray(StageId.COUNT * STRIDE);
  private final RingGauge ring;

  PipelineCounters(RingGauge ring) {
    this.ring = ring;
    for (int i = 0; i < StageId.COUNT; i++) {
      stageProgress.set(i * STRIDE, -1L);
    }
  }

  /** Current value of {@code counter}. Any thread. */
  public long get(PipelineCounter counter) {
    return counters.get(counter.ordinal() * STRIDE);
  }

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public int size() {
    return PipelineCounter.COUNT;
  }

  @Override
  public String label(int index) {
    return PipelineCounter.values()[index].label();
  }

  @Override
  public long value(int index) {
    return counters.get(index * STRIDE);
  }

  /** Events published into the ring since start (the ring's cursor + 1). Any thread. */
  public long eventsPublished() {
    return ring.published();
  }

  /** Events published but not yet finished by every stage. Any thread. */
  public long ringBacklog() {
    return ring.backlog();
  }

  /** Ring size in slots. */
  public int ringSize() {
    return ring.size();
  }

  /**
   * Sequence of the last event {@code stage} finished, -1 before the first: the progress counter a
   * watchdog compares between checks to detect a stalled stage. Any thread.
   */
  public long stageProgress(StageId stage) {
    return stageProgress.get(stage.ordinal() * STRIDE);
  }

  /** Longest time {@code stage} spent on one event since start, ns. Any thread. */
  public long maxStageTimeNs(StageId stage) {
    return maxStageTimeNs.get(stage.ordinal() * STRIDE);
  }

  /** Adds one; for counters with a single writer thread (no read-modify-write race). */
  void incrementOrdered(PipelineCounter counter) {
    int index = counter.ordinal() * STRIDE;
    counters.lazySet(index, counters.get(index) + 1);
  }

  /** Adds one; for counters written from several threads. */
  void incrementAtomic(PipelineCounter counter) {
    counters.getAndIncrement(counter.ordinal() * STRIDE);
  }

  /** Records that {@code stage} finished {@code sequence} after {@code stageTimeNs}; its thread. */
  void stageFinished(StageId stage, long sequence, long stageTimeNs) {
    int index = stage.ordinal() * STRIDE;
    if (stageTimeNs > maxStageTimeNs.get(index)) {
      maxStageTimeNs.lazySet(index, stageTimeNs);
    }
    stageProgress.lazySet(index, sequence);
  }

  /** What the counters read from the hand-off between producers and stages. Any thread. */
  interface RingGauge {
    /** Events handed over since start. */
    long published();

    /** Events handed over but not yet finished by every stage. */
    long backlog();

    /** Slots of the hand-off. */
    int size();
  }
}
