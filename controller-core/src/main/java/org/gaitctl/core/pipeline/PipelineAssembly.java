package org.gaitctl.core.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.time.NanoClock;

/**
 * Wires the ring and its stages, in this one place.
 *
 * <pre>
 *  belt reader(s) ─────┐
 *  load-cell reader ───┤                                  ┌─▶ safety monitor (every event: arrivals, counts)
 *  status poller(s) ───┼─▶ RingPublisher ─▶ ring (MPSC) ──┤
 *  control clock ──────┤   (grid check, static            └─▶ load cell ─▶ gait analysis ─▶ step publication ─▶ patient position ─▶ snapshot ─▶ charts
 *  operator commands ──┘    translators, publish           (unloading N)  foot contact    (StepFeed: a copy     (COP along the       (latest     (signal histories,
 *                           in finally)                                   → gait events    per subscriber)       belt per frame)      value)      heat-map frames)
 *                                                                                                                                                                  ─▶ journal (hand-off to the writer thread)
 *                                                                         → steps → symmetry
 * </pre>
 *
 * The safety monitor runs in parallel with the analysis chain on every event. Gait analysis follows
 * the load-cell stage because its drift compensation needs the measured unloading (belt force plus
 * unloading equals body weight over a stride); it also takes the belt speed from drive status
 * events for step length. Its three stages (foot contact, gait events, steps) run in series inside
 * one {@link org.gaitctl.core.analysis.GaitAnalyzer}, the same code the offline analysis runs. Step
 * publication runs on the gait thread and copies each step into every {@link StepFeed} subscriber's
 * queue; the patient position (centre of pressure along the belt, {@link PatientPositionStage})
 * follows on the same thread, after the step so as not to delay it; the snapshot and the chart
 * feeds follow it on one thread and so see every output. The later control stage and the actuator
 * outbox will follow step publication.
 *
 * <p>{@link StageThreading} decides how many threads run this graph. Every ring thread has its own
 * {@link StageExceptionHandler}.
 */
public final class PipelineAssembly {

  /** The journal stage of a session without a journal: passes every event by. */
  private static final PipelineStage NO_JOURNAL =
      new PipelineStage() {
        @Override
        public boolean handles(EventKind kind) {
          return false;
        }

        @Override
        public void process(RingEvent event) {
          throw new IllegalStateException("no journal: handles() refuses every event");
        }
      };

  private PipelineAssembly() {}

  /**
   * Builds a pipeline, not yet started. Call on the composition root's thread.
   *
   * @param settings validated ring settings
   * @param clock the clock stages stamp their finish times with (the readers' clock)
   * @param gaitSettings parameters of the gait analysis
   * @param grid the pressure belt's geometry (from its DEVICE_INFO); frames of another geometry are
   *     refused
   * @throws IllegalArgumentException when the slots cannot hold the grid's frames
   */
  public static Pipeline assemble(
      PipelineSettings settings, NanoClock clock, GaitSettings gaitSettings, PressureGrid grid) {
    return assemble(settings, clock, gaitSettings, grid, CopListener.NONE);
  }

  /**
   * As {@link #assemble(PipelineSettings, NanoClock, GaitSettings, PressureGrid)}, with {@code
   * copListener} told the centre of pressure along the belt after every frame, on the ring thread.
   */
  public static Pipeline assemble(
      PipelineSettings settings,
      NanoClock clock,
      GaitSettings gaitSettings,
      PressureGrid grid,
      CopListener copListener) {
    return assemble(settings, clock, gaitSettings, grid, copListener, NO_JOURNAL);
  }

  /**
   * As {@link #assemble(PipelineSettings, NanoClock, GaitSettings, PressureGrid, CopListener)},
   * with {@code journal} (a {@link org.gaitctl.core.journal.JournalStage}) as the ring's last
   * stage.
   */
  public static Pipeline assemble(
      PipelineSettings settings,
      NanoClock clock,
      GaitSettings gaitSettings,
      PressureGrid grid,
      CopListener copListener,
      PipelineStage journal) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(copListener, "copListener");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(gaitSettings, "gaitSettings");
    Objects.requireNonNull(grid, "grid");
    settings.checkGrid(grid);

    Disruptor<RingEvent> disruptor =
        new Disruptor<>(
            RingEvent.factory(settings.maxFrameCells()),
            settings.ringSize(),
            ringThreadFactory(),
            ProducerType.MULTI,
            settings.waitStrategy().create());
    RingBuffer<RingEvent> ring = disruptor.getRingBuffer();
    Parts parts =
        new Parts(
            settings,
            clock,
            gaitSettings,
            grid,
            copListener,
            journal,
            new PipelineCounters.RingGauge() {
              @Override
              public long published() {
                return ring.getCursor() + 1;
              }

              @Override
              public long backlog() {
                return ring.getBufferSize() - ring.remainingCapacity();
              }

              @Override
              public int size() {
                return ring.getBufferSize();
              }
            });
    wire(disruptor, settings.threading(), parts.handlers);
    for (StageThreadHandler handler : parts.handlers.created) {
      disruptor.handleExceptionsFor(handler).with(parts.exceptionHandler(handler));
    }

    RingPublisher publisher = new RingPublisher(ring, parts.counters, parts.faults, grid);
    return new Pipeline(
        settings,
        disruptor,
        publisher,
        parts.counters,
        parts.faults,
        parts.latency,
        parts.arrivals,
        parts.snapshots,
        parts.steps,
        parts.histories,
        parts.heatMaps,
        parts.patientPosition,
        List.copyOf(parts.handlers.created));
  }

  /**
   * Builds the same stages as {@link #assemble}, in one sequence driven by the caller's thread
   * instead of the ring (replay, hand-off baseline). Arguments as for {@link #assemble}; the
   * settings' ring size, wait strategy and threading do not apply.
   */
  public static StageSequence sequence(
      PipelineSettings settings, NanoClock clock, GaitSettings gaitSettings, PressureGrid grid) {
    return sequence(settings, clock, gaitSettings, grid, NO_JOURNAL);
  }

  /**
   * As {@link #sequence(PipelineSettings, NanoClock, GaitSettings, PressureGrid)} with a journal.
   */
  public static StageSequence sequence(
      PipelineSettings settings,
      NanoClock clock,
      GaitSettings gaitSettings,
      PressureGrid grid,
      PipelineStage journal) {
    return sequence(settings, clock, gaitSettings, grid, journal, StageId.values());
  }

  /**
   * As {@link #sequence(PipelineSettings, NanoClock, GaitSettings, PressureGrid)} with only {@code
   * stages}, in the order given (replay: the stages a step depends on, without the display's).
   */
  public static StageSequence sequence(
      PipelineSettings settings,
      NanoClock clock,
      GaitSettings gaitSettings,
      PressureGrid grid,
      StageId... stages) {
    return sequence(settings, clock, gaitSettings, grid, NO_JOURNAL, stages);
  }

  private static StageSequence sequence(
      PipelineSettings settings,
      NanoClock clock,
      GaitSettings gaitSettings,
      PressureGrid grid,
      PipelineStage journal,
      StageId[] ids) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(grid, "grid");
    settings.checkGrid(grid);
    StageSequence.Gauge gauge = new StageSequence.Gauge();
    Parts parts = new Parts(settings, clock, gaitSettings, grid, CopListener.NONE, journal, gauge);
    StageThreadHandler stages = parts.handlers.create("sequence", ids);
    return new StageSequence(
        stages,
        parts.exceptionHandler(stages),
        gauge,
        parts.counters,
        parts.faults,
        parts.latency,
        parts.snapshots,
        parts.steps,
        parts.gait);
  }

  private static void wire(
      Disruptor<RingEvent> disruptor, StageThreading threading, HandlerFactory handlers) {
    switch (threading) {
      case THREAD_PER_STAGE -> {
        StageThreadHandler safety = handlers.create("safety-monitor", StageId.SAFETY_MONITOR);
        StageThreadHandler load = handlers.create("load-cell", StageId.LOAD_CELL);
        StageThreadHandler gait =
            handlers.create(
                "gait", StageId.GAIT_ANALYSIS, StageId.STEP_PUBLICATION, StageId.PATIENT_POSITION);
        StageThreadHandler snapshot =
            handlers.create("snapshot", StageId.SNAPSHOT, StageId.CHARTS, StageId.JOURNAL);
        disruptor.handleEventsWith(safety, load);
        disruptor.after(load).then(gait).then(snapshot);
      }
      case SINGLE_THREAD -> disruptor.handleEventsWith(handlers.create("stages", StageId.values()));
    }
  }

  private static ThreadFactory ringThreadFactory() {
    // Named properly by StageThreadHandler.onStart; daemon so a forgotten close cannot keep the
    // JVM alive after the composition root has stopped the devices.
    return runnable -> {
      Thread thread = new Thread(runnable, "gaitctl-ring");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The stages and the observability objects they share, built once per pipeline. */
  private static final class Parts {
    final PipelineCounters counters;
    final PipelineFaults faults = new PipelineFaults();
    final PipelineLatency latency;
    final InputArrivals arrivals = new InputArrivals();
    final SnapshotExchange snapshots = new SnapshotExchange();
    final StepFeed steps = new StepFeed();
    final SignalHistories histories = new SignalHistories();
    final HeatMapExchange[] heatMaps;
    final PatientPositionExchange patientPosition = new PatientPositionExchange();
    final GaitAnalysisStage gait;
    final HandlerFactory handlers;

    Parts(
        PipelineSettings settings,
        NanoClock clock,
        GaitSettings gaitSettings,
        PressureGrid grid,
        CopListener copListener,
        PipelineStage journal,
        PipelineCounters.RingGauge gauge) {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(gaitSettings, "gaitSettings");
      counters = new PipelineCounters(gauge);
      latency = new PipelineLatency(settings.latencyHighestTrackableNs());
      Map<StageId, PipelineStage> stages = new EnumMap<>(StageId.class);
      stages.put(StageId.SAFETY_MONITOR, new SafetyMonitorStage(arrivals, counters));
      stages.put(
          StageId.LOAD_CELL,
          new LoadCellStage(settings.loadFilterCutoffHz(), settings.loadMaxGapNs()));
      gait = new GaitAnalysisStage(gaitSettings, grid);
      stages.put(StageId.GAIT_ANALYSIS, gait);
      stages.put(
          StageId.STEP_PUBLICATION, new StepPublicationStage(steps, clock, counters, latency));
      stages.put(
          StageId.PATIENT_POSITION, new PatientPositionStage(grid, patientPosition, copListener));
      stages.put(StageId.SNAPSHOT, new SnapshotStage(snapshots, bodyWeightN(gaitSettings)));
      heatMaps = new HeatMapExchange[grid.belts()];
      for (int belt = 0; belt < heatMaps.length; belt++) {
        heatMaps[belt] = new HeatMapExchange(grid.cellsPerBelt());
      }
      stages.put(StageId.CHARTS, new ChartStage(histories, heatMaps));
      stages.put(StageId.JOURNAL, journal);
      handlers = new HandlerFactory(stages, clock, counters, latency);
    }

    /** The patient's weight, known from the drift settings' body mass; NaN when not given. */
    private static double bodyWeightN(GaitSettings gaitSettings) {
      double bodyMassKg = gaitSettings.drift().bodyMassKg();
      return bodyMassKg > 0 ? bodyMassKg * DriftSettings.GRAVITY_MPS2 : Double.NaN;
    }

    StageExceptionHandler exceptionHandler(StageThreadHandler handler) {
      return new StageExceptionHandler(handler.name(), counters, faults);
    }
  }

  /** Creates ring handlers from stage ids and remembers them for exception handlers and tests. */
  private static final class HandlerFactory {
    private final Map<StageId, PipelineStage> stages;
    private final NanoClock clock;
    private final PipelineCounters counters;
    private final PipelineLatency latency;
    private final List<StageThreadHandler> created = new ArrayList<>();

    HandlerFactory(
        Map<StageId, PipelineStage> stages,
        NanoClock clock,
        PipelineCounters counters,
        PipelineLatency latency) {
      this.stages = stages;
      this.clock = clock;
      this.counters = counters;
      this.latency = latency;
    }

    StageThreadHandler create(String name, StageId... ids) {
      List<StageRunner> runners = new ArrayList<>(ids.length);
      for (StageId id : ids) {
        runners.add(new StageRunner(id, stages.get(id), clock, counters, latency));
      }
      StageThreadHandler handler = new StageThreadHandler(name, runners);
      created.add(handler);
      return handler;
    }
  }
}
