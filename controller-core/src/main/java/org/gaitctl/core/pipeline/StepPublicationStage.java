package org.gaitctl.core.pipeline;

import org.gaitctl.core.time.NanoClock;

/**
 * Hands a completed step to the {@link StepFeed} (a copy into every subscriber's queue) on the gait
 * thread, counts it and records the frame-to-step-record latency.
 */
final class StepPublicationStage implements PipelineStage {

  private final StepFeed feed;
  private final NanoClock clock;
  private final PipelineCounters counters;
  private final LatencyRecorder stepRecordLatency;

  StepPublicationStage(
      StepFeed feed, NanoClock clock, PipelineCounters counters, PipelineLatency latency) {
    this.feed = feed;
    this.clock = clock;
    this.counters = counters;
    this.stepRecordLatency = latency.stepRecord();
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind == EventKind.PRESSURE_FRAME;
  }

  @Override
  public void process(RingEvent event) {
    StepOutput step = event.step();
    if (!step.completed()) {
      return;
    }
    feed.publish(step.record(), step.symmetry(), event.arrivalNs());
    counters.incrementOrdered(PipelineCounter.STEPS);
    stepRecordLatency.record(clock.nanoTime() - event.arrivalNs());
  }
}
