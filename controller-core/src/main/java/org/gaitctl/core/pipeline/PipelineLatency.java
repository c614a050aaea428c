package org.gaitctl.core.pipeline;

/**
 * The pipeline's latency probes, all measured from an event's host arrival time:
 *
 * <ul>
 *   <li>{@link #stage(StageId)}: arrival to that stage's finish, for the events the stage handles
 *       ({@link StageId#LOAD_CELL} is load sample to measured unloading; {@link
 *       StageId#STEP_PUBLICATION} is frame to the end of its analysis, step or not);
 *   <li>{@link #stepRecord()}: arrival of the frame that completed a step to its record copied into
 *       every {@link StepFeed} subscriber's queue, the end-to-end latency of the gait path.
 * </ul>
 */
public final class PipelineLatency {

  private final LatencyRecorder[] stages = new LatencyRecorder[StageId.COUNT];
  private final LatencyRecorder stepRecord;

  PipelineLatency(long highestTrackableNs) {
    for (StageId id : StageId.values()) {
      stages[id.ordinal()] =
          new LatencyRecorder(
              "arrival to " + id.name().toLowerCase() + " done", highestTrackableNs);
    }
    stepRecord = new LatencyRecorder("frame arrival to step record published", highestTrackableNs);
  }

  public LatencyRecorder stage(StageId stage) {
    return stages[stage.ordinal()];
  }

  public LatencyRecorder stepRecord() {
    return stepRecord;
  }
}
