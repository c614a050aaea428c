package org.gaitctl.core.pipeline;

/**
 * Every stage of the graph in one sequence (safety monitor, load cell, gait analysis, step
 * publication, snapshot), driven by the caller instead of the ring: for replaying a recorded
 * session event by event and for the benchmark that hands events over through a queue instead of
 * the ring. The stages, counters, latency probes and snapshots are the same as the ring's.
 *
 * <p>Single-threaded: one thread calls {@link #process} for every event in order; allocation-free.
 * Fill events with {@link RingTranslators} and {@link RingEvent#factory}. An exception from a stage
 * is counted and raises {@link #faults()} as on the ring, and is then rethrown to the caller.
 */
public final class StageSequence {

  private final StageThreadHandler stages;
  private final StageExceptionHandler exceptions;
  private final Gauge gauge;
  private final PipelineCounters counters;
  private final PipelineFaults faults;
  private final PipelineLatency latency;
  private final SnapshotExchange snapshots;
  private final StepFeed steps;
  private final GaitAnalysisStage gait;

  StageSequence(
      StageThreadHandler stages,
      StageExceptionHandler exceptions,
      Gauge gauge,
      PipelineCounters counters,
      PipelineFaults faults,
      PipelineLatency latency,
      SnapshotExchange snapshots,
      StepFeed steps,
      GaitAnalysisStage gait) {
    this.stages = stages;
    this.exceptions = exceptions;
    this.gauge = gauge;
    this.counters = counters;
    this.faults = faults;
    this.latency = latency;
    this.snapshots = snapshots;
    this.steps = steps;
    this.gait = gait;
  }

  /** Runs every stage on {@code event}, the {@code sequence}-th event handed over (from 0). */
  public void process(RingEvent event, long sequence) {
    try {
      stages.onEvent(event, sequence, true);
    } catch (RuntimeException | Error e) {
      exceptions.handleEventException(e, sequence, event);
      throw e;
    } finally {
      gauge.processed = sequence + 1;
    }
  }

  public PipelineCounters counters() {
    return counters;
  }

  public PipelineFaults faults() {
    return faults;
  }

  public PipelineLatency latency() {
    return latency;
  }

  public SnapshotExchange snapshots() {
    return snapshots;
  }

  /** Completed steps; subscribers drain them on their own thread or, in replay, the caller's. */
  public StepFeed steps() {
    return steps;
  }

  /**
   * For a caller that begins every pressure frame ahead on another thread before handing it over;
   * call once, before the first frame. The gait stage then takes every frame as begun.
   */
  public FrameHeadStart frameHeadStart() {
    return gait.headStart();
  }

  /** Counts what the caller handed over; nothing waits between caller and stages. */
  static final class Gauge implements PipelineCounters.RingGauge {
    private volatile long processed;

    @Override
    public long published() {
      return processed;
    }

    @Override
    public long backlog() {
      return 0;
    }

    @Override
    public int size() {
      return 1;
    }
  }
}
