package org.gaitctl.core.pipeline;

import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wired pipeline ({@link PipelineAssembly#assemble}): start it, give its {@link #publisher()} to
 * the device readers and pollers as their sink, read its counters, latency, faults, arrivals and
 * snapshots from any thread, and {@link #stop} it after the producers have stopped.
 *
 * <p>Lifecycle methods are called by the composition root's thread; the getters from any thread.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final long DEFAULT_STOP_TIMEOUT_MS = 2_000;
  private static final long START_TIMEOUT_NS = 5_000_000_000L;

  private final PipelineSettings settings;
  private final Disruptor<RingEvent> disruptor;
  private final RingPublisher publisher;
  private final PipelineCounters counters;
  private final PipelineFaults faults;
  private final PipelineLatency latency;
  private final InputArrivals arrivals;
  private final SnapshotExchange snapshots;
  private final StepFeed steps;
  private final SignalHistories histories;
  private final HeatMapExchange[] heatMaps;
  private final PatientPositionExchange patientPosition;
  private final List<StageThreadHandler> handlers;
  private boolean started;
  private boolean stopped;

  Pipeline(
      PipelineSettings settings,
      Disruptor<RingEvent> disruptor,
      RingPublisher publisher,
      PipelineCounters counters,
      PipelineFaults faults,
      PipelineLatency latency,
      InputArrivals arrivals,
      SnapshotExchange snapshots,
      StepFeed steps,
      SignalHistories histories,
      HeatMapExchange[] heatMaps,
      PatientPositionExchange patientPosition,
      List<StageThreadHandler> handlers) {
    this.settings = settings;
    this.disruptor = disruptor;
    this.publisher = publisher;
    this.counters = counters;
    this.faults = faults;
    this.latency = latency;
    this.arrivals = arrivals;
    this.snapshots = snapshots;
    this.steps = steps;
    this.histories = histories;
    this.heatMaps = heatMaps;
    this.patientPosition = patientPosition;
    this.handlers = handlers;
  }

  /**
   * Checks the settings against this machine, starts the ring threads and returns once every one of
   * them runs (so that a stop right after start still drains what was published).
   *
   * @throws IllegalArgumentException when the settings do not suit the machine (nothing started)
   * @throws IllegalStateException when called twice, or when a ring thread did not start within 5 s
   *     (the ring is then halted)
   */
  public void start() {
    if (started) {
      throw new IllegalStateException("pipeline already started");
    }
    settings.checkMachine(Runtime.getRuntime().availableProcessors());
    started = true;
    disruptor.start();
    long deadlineNs = System.nanoTime() + START_TIMEOUT_NS;
    while (ringThreads().size() < handlers.size()) {
      if (System.nanoTime() - deadlineNs > 0) {
        disruptor.halt();
        stopped = true;
        throw new IllegalStateException(
            "only " + ringThreads().size() + " of " + handlers.size() + " ring threads started");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    LOG.info(
        "pipeline started: ring {} slots, {} wait, {} ({} threads)",
        settings.ringSize(),
        settings.waitStrategy(),
        settings.threading(),
        settings.threading().threads());
  }

  /**
   * Waits up to {@code timeoutMs} for the stages to finish the events already published, then stops
   * the ring threads. Stop the producers first: events published afterwards are not processed.
   * Idempotent.
   *
   * @return true if every published event was processed before the threads stopped
   */
  public boolean stop(long timeoutMs) {
    if (!started || stopped) {
      stopped = true;
      return true;
    }
    stopped = true;
    try {
      disruptor.shutdown(timeoutMs, TimeUnit.MILLISECONDS);
      LOG.info("pipeline stopped after {} events", counters.eventsPublished());
      return true;
    } catch (TimeoutException backlogLeft) {
      disruptor.halt();
      LOG.warn(
          "pipeline halted with {} events unprocessed after {} ms",
          counters.ringBacklog(),
          timeoutMs);
      return false;
    }
  }

  /** {@link #stop} with a 2 s timeout. */
  @Override
  public void close() {
    stop(DEFAULT_STOP_TIMEOUT_MS);
  }

  /** The sink and publisher every producer uses; any thread. */
  public RingPublisher publisher() {
    return publisher;
  }

  public PipelineSettings settings() {
    return settings;
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

  /**
   * Last arrival and count of each input, {@link org.gaitctl.core.time.ArrivalTime#NONE} before the
   * first.
   */
  public InputArrivals arrivals() {
    return arrivals;
  }

  /** Latest-value display snapshots; read with {@link SnapshotExchange#readInto}. */
  public SnapshotExchange snapshots() {
    return snapshots;
  }

  /** Completed steps for subscribers; subscribe before {@link #start} or at any time after. */
  public StepFeed steps() {
    return steps;
  }

  /** Full-rate histories of the charted signals; read with {@link SignalHistory#readLast}. */
  public SignalHistories signalHistories() {
    return histories;
  }

  /** The latest centre of pressure along the belt with its frame time, for any reader. */
  public PatientPositionExchange patientPosition() {
    return patientPosition;
  }

  /**
   * The latest-frame exchange of {@code belt} (0 left or only, 1 right) for one heat-map reader.
   *
   * @throws IndexOutOfBoundsException for a belt the unit does not have
   */
  public HeatMapExchange heatMap(int belt) {
    return heatMaps[belt];
  }

  /** True when every published event has been finished by every stage. Any thread. */
  public boolean drained() {
    return counters.ringBacklog() == 0;
  }

  /** The ring threads that have started, for diagnostics and allocation checks. */
  public List<Thread> ringThreads() {
    List<Thread> threads = new ArrayList<>(handlers.size());
    for (StageThreadHandler handler : handlers) {
      Thread thread = handler.thread();
      if (thread != null) {
        threads.add(thread);
      }
    }
    return threads;
  }
}
