package org.gaitctl.core.pipeline;

/**
 * Keeps the display snapshot: folds every event's outputs into its own working copy and publishes
 * it to the {@link SnapshotExchange} after each event, so a reader always finds the latest values.
 * Publication is a copy of a few hundred bytes under a sequence lock; readers poll at ~30 Hz. Runs
 * last in the graph, so it sees the outputs of every stage.
 */
final class SnapshotStage implements PipelineStage {

  private final SnapshotExchange exchange;
  private final double bodyWeightN;
  private final DisplaySnapshot working = new DisplaySnapshot();

  /**
   * @param bodyWeightN the patient's body weight, N, for unloading in % body weight; NaN unknown
   */
  SnapshotStage(SnapshotExchange exchange, double bodyWeightN) {
    this.exchange = exchange;
    this.bodyWeightN = bodyWeightN;
  }

  @Override
  public boolean handles(EventKind kind) {
    return true;
  }

  @Override
  public void process(RingEvent event) {
    working.update(event, bodyWeightN);
    working.nextVersion();
    exchange.publish(working);
  }
}
