package org.gaitctl.core.pipeline;

import org.gaitctl.core.time.NanoClock;

/**
 * Runs one stage on an event and accounts for it: the stage's finish stamp in the slot, its latency
 * from the event's arrival, its maximum time per event and its progress sequence. Allocation-free;
 * called on the stage's ring thread only.
 */
final class StageRunner {

  private final StageId id;
  private final PipelineStage stage;
  private final NanoClock clock;
  private final PipelineCounters counters;
  private final LatencyRecorder latency;

  StageRunner(
      StageId id,
      PipelineStage stage,
      NanoClock clock,
      PipelineCounters counters,
      PipelineLatency latency) {
    this.id = id;
    this.stage = stage;
    this.clock = clock;
    this.counters = counters;
    this.latency = latency.stage(id);
  }

  StageId id() {
    return id;
  }

  void run(RingEvent event, long sequence, boolean endOfBatch) {
    EventKind kind = event.kind();
    if (kind == EventKind.NONE || !stage.handles(kind)) {
      counters.stageFinished(id, sequence, 0);
    } else {
      long startNs = clock.nanoTime();
      stage.process(event);
      long finishNs = clock.nanoTime();
      event.stampFinish(id, finishNs);
      latency.record(finishNs - event.arrivalNs());
      counters.stageFinished(id, sequence, finishNs - startNs);
    }
    if (endOfBatch) {
      stage.endOfBatch(sequence);
    }
  }
}
