package org.gaitctl.core.pipeline;

import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.gaitctl.core.time.NanoClock;

/**
 * Wires the ring and its stages, in this one place.
 *
 * <pre>
 *  belt reader(s) ─────┐
 *  load-cell reader ───┤                                  ┌─▶ safety monitor (every event: freshness, counts)
 *  status poller ──────┼─▶ RingPublisher ─▶ ring (MPSC) ──┤
 *  control clock ──────┤   (static translators,           └─▶ load cell ─▶ foot contact ─▶ gait events ─▶ steps
 *  operator commands ──┘    publish in finally)              (unloading N)                      │
 *                                                                          step publication ◀───┘
 *                                                                          (StepListener)
 *                                                                                 └─▶ snapshot (latest value)
 * </pre>
 *
 * The safety monitor runs in parallel with the analysis chain on every event. Foot contact follows
 * the load-cell stage because its drift compensation needs the measured unloading (belt force plus
 * unloading equals body weight over a stride); the steps stage sees drive status events for the
 * belt travel. The snapshot follows step publication and therefore sees every output. The later
 * control stage and the actuator outbox will follow steps.
 *
 * <p>{@link StageThreading} decides how many threads run this graph: one per stage, one per branch,
 * or one for all (then in the order safety monitor, load cell, foot contact, gait events, steps,
 * step publication, snapshot). Every ring thread has its own {@link StageExceptionHandler}.
 */
public final class PipelineAssembly {

  private PipelineAssembly() {}

  /**
   * Builds a pipeline, not yet started. Call on the composition root's thread.
   *
   * @param settings validated ring settings
   * @param clock the clock stages stamp their finish times with (the readers' clock)
   * @param gaitStages one fresh set of gait stages, owned by the pipeline from now on
   * @param stepListener called on the steps thread for each completed step
   */
  public static Pipeline assemble(
      PipelineSettings settings,
      NanoClock clock,
      GaitStages gaitStages,
      StepListener stepListener) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(gaitStages, "gaitStages");
    Objects.requireNonNull(stepListener, "stepListener");

    Disruptor<RingEvent> disruptor =
        new Disruptor<>(
            RingEvent.factory(settings.maxFrameCells()),
            settings.ringSize(),
            ringThreadFactory(),
            ProducerType.MULTI,
            settings.waitStrategy().create());
    PipelineCounters counters = new PipelineCounters(disruptor.getRingBuffer());
    PipelineFaults faults = new PipelineFaults();
    PipelineLatency latency = new PipelineLatency(settings.latencyHighestTrackableNs());
    InputFreshness freshness = new InputFreshness();
    SnapshotExchange snapshots = new SnapshotExchange();

    Map<StageId, PipelineStage> stages = new EnumMap<>(StageId.class);
    stages.put(StageId.SAFETY_MONITOR, new SafetyMonitorStage(freshness, counters));
    stages.put(
        StageId.LOAD_CELL,
        new LoadCellStage(settings.loadFilterCutoffHz(), settings.loadMaxGapNs()));
    stages.put(StageId.FOOT_CONTACT, gaitStages.footContact());
    stages.put(StageId.GAIT_EVENTS, gaitStages.gaitEvents());
    stages.put(StageId.STEPS, gaitStages.steps());
    stages.put(
        StageId.STEP_PUBLICATION, new StepPublicationStage(stepListener, clock, counters, latency));
    stages.put(StageId.SNAPSHOT, new SnapshotStage(snapshots));

    HandlerFactory handlers = new HandlerFactory(stages, clock, counters, latency);
    wire(disruptor, settings.threading(), handlers);
    for (StageThreadHandler handler : handlers.created) {
      disruptor
          .handleExceptionsFor(handler)
          .with(new StageExceptionHandler(handler.name(), counters, faults));
    }

    RingPublisher publisher =
        new RingPublisher(
            disruptor.getRingBuffer(),
            counters,
            faults,
            settings.maxFrameCells(),
            settings.maxBelts());
    return new Pipeline(
        settings,
        disruptor,
        publisher,
        counters,
        faults,
        latency,
        freshness,
        snapshots,
        List.copyOf(handlers.created));
  }

  private static void wire(
      Disruptor<RingEvent> disruptor, StageThreading threading, HandlerFactory handlers) {
    switch (threading) {
      case THREAD_PER_STAGE -> {
        StageThreadHandler safety = handlers.create("safety-monitor", StageId.SAFETY_MONITOR);
        StageThreadHandler load = handlers.create("load-cell", StageId.LOAD_CELL);
        StageThreadHandler foot = handlers.create("foot-contact", StageId.FOOT_CONTACT);
        StageThreadHandler gait = handlers.create("gait-events", StageId.GAIT_EVENTS);
        StageThreadHandler steps =
            handlers.create("steps", StageId.STEPS, StageId.STEP_PUBLICATION);
        StageThreadHandler snapshot = handlers.create("snapshot", StageId.SNAPSHOT);
        disruptor.handleEventsWith(safety, load);
        disruptor.after(load).then(foot).then(gait).then(steps).then(snapshot);
      }
      case THREAD_PER_BRANCH -> {
        StageThreadHandler safety = handlers.create("safety-monitor", StageId.SAFETY_MONITOR);
        StageThreadHandler load = handlers.create("load-cell", StageId.LOAD_CELL);
        StageThreadHandler gait =
            handlers.create(
                "gait",
                StageId.FOOT_CONTACT,
                StageId.GAIT_EVENTS,
                StageId.STEPS,
                StageId.STEP_PUBLICATION);
        StageThreadHandler snapshot = handlers.create("snapshot", StageId.SNAPSHOT);
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
